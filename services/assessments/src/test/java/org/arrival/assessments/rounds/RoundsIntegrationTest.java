package org.arrival.assessments.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrival.assessments.AssessmentsIntegrationTest;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.RecordedEvent;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Helpers shared by the rounds' integration tests: realistic organisations, round bodies and event checks. */
abstract class RoundsIntegrationTest extends AssessmentsIntegrationTest {

    static final String ROUNDS = "arrival.assessments.rounds.v1";
    static final String GAPS = "arrival.assessments.gaps.v1";

    protected UUID city;
    protected UUID ministry;
    protected UUID ngo;
    protected UUID association;
    protected Token cityEditor;
    protected Token ministryEditor;
    protected Token ngoEditor;
    protected Token associationAdmin;

    /** A municipality convening, and a ministry, an NGO and a migrant association answering. */
    protected void kampala() {
        String t = tag();
        city = organisation("Kampala Capital City Authority " + t, "LOCAL_GOVERNMENT", false, false);
        ministry = organisation(
                "Office of the Prime Minister, Department of Refugees " + t, "NATIONAL_GOVERNMENT_BODY", false, false);
        ngo = organisation("Refugee Law Project " + t, "NGO", false, false);
        association = organisation("Kisenyi Somali Community Association " + t, "MIGRANT_ASSOCIATION", false, true);
        cityEditor = user("kcca-planner-" + t, city, "org-editor", "member");
        ministryEditor = user("opm-officer-" + t, ministry, "org-editor", "member");
        ngoEditor = user("rlp-researcher-" + t, ngo, "org-editor", "member");
        associationAdmin = user("kisenyi-chair-" + t, association, "org-admin", "member");
    }

    protected static Token platformAdmin() {
        return user("platform-admin-" + tag(), null, "platform-admin");
    }

    protected static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String roundJson(
            String title,
            String country,
            String subdivision,
            UUID convenor,
            List<UUID> respondents,
            List<UUID> forums) {
        return """
                {"title":"%s","jurisdiction":{"country":"%s"%s,"areaName":"Kampala"},"convenorId":"%s",
                 "respondentIds":[%s],"closesOn":"2026-12-31","sharedWithForums":[%s]}""".formatted(
                        title,
                        country,
                        subdivision == null ? "" : ",\"subdivision\":\"" + subdivision + "\"",
                        convenor,
                        quoted(respondents),
                        quoted(forums));
    }

    protected static String quoted(List<UUID> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
    }

    /** {@code "1.1.a=Y", "1.1.b=S"}, or with evidence {@code "1.1.a=Y:the 2024 census"}. */
    protected static String answersJson(String... answers) {
        return Arrays.stream(answers)
                .map(a -> {
                    String[] codeRest = a.split("=", 2);
                    String[] answerEvidence = codeRest[1].split(":", 2);
                    return "{\"question\":\"" + codeRest[0] + "\",\"answer\":\"" + answerEvidence[0] + "\""
                            + (answerEvidence.length > 1 ? ",\"evidence\":\"" + answerEvidence[1] + "\"" : "") + "}";
                })
                .collect(Collectors.joining(",", "{\"answers\":[", "]}"));
    }

    protected String createRound(String body, Token by) throws Exception {
        return json(perform(postJson("/rounds", body), by).andExpect(status().isCreated()), "$.id");
    }

    protected static <T> T json(ResultActions result, String path) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), path);
    }

    protected static double number(ResultActions result, String path) throws Exception {
        Object value = json(result, path);
        return ((Number) value).doubleValue();
    }

    protected static String type(String simpleName) {
        return "org.arrival.assessments." + simpleName + ".v1";
    }

    protected static List<RecordedEvent> eventsAbout(String subject) {
        return events.events(e -> subject.equals(e.subject()));
    }

    /**
     * Waits for {@code types.length} events about the subject, a little longer for any extra one, then asserts
     * they are exactly these types in this order, each a valid CloudEvent of its contract. Returns them.
     */
    protected static List<RecordedEvent> awaitEvents(String subject, String... types) {
        events.await(e -> subject.equals(e.subject()), types.length, Duration.ofSeconds(20));
        pause(400);
        List<RecordedEvent> all = eventsAbout(subject);
        assertThat(all)
                .extracting(RecordedEvent::type)
                .containsExactly(
                        Arrays.stream(types).map(RoundsIntegrationTest::type).toArray(String[]::new));
        all.forEach(EventRecorder::assertValidCloudEvent);
        return all;
    }

    /** After a short wait, no event about the subject was published at all. */
    protected static void assertNoEventsAbout(String subject) {
        pause(800);
        assertThat(eventsAbout(subject)).isEmpty();
    }

    protected static void expectProblem(ResultActions result, int status, String detailContains) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        String detail = json(result, "$.detail");
        assertThat(detail).containsIgnoringCase(detailContains);
    }

    protected int rows(String table, UUID roundId) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE round_id = ?", Integer.class, roundId);
    }

    protected static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
