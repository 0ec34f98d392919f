package org.arrival.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ConcurrentWriters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every record of the service that is edited (rounds, a respondent's answers, population estimates, needs) takes
 * {@code If-Match}: when several editors send a change of the same version at the same moment, exactly one wins and
 * every other is told 412, and the stored record is the winner's.
 */
class ConcurrentEditsTest extends AssessmentsIntegrationTest {

    private static final int EDITORS = 6;

    private UUID city;
    private UUID ngo;
    private Token cityEditor;
    private Token ngoEditor;

    @BeforeEach
    void seed() {
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        ngo = organisation("Refugee Law Project", "NGO", false, false);
        cityEditor = user("kcca-planner", city, "org-editor", "member");
        ngoEditor = user("rlp-researcher", ngo, "org-editor", "member");
    }

    /** Sends the requests at once (released together by a barrier) and counts the answers by status. */
    private Map<Integer, Integer> atOnce(IntFunction<MockHttpServletRequestBuilder> request, Token token) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        ConcurrentWriters.race(mvc, EDITORS, i -> request.apply(i).header("Authorization", token.bearer()))
                .forEach(o -> byStatus.merge(o.status(), 1, Integer::sum));
        return byStatus;
    }

    private static void oneWinner(Map<Integer, Integer> byStatus) {
        assertThat(byStatus).containsExactlyEntriesOf(new TreeMap<>(Map.of(200, 1, 412, EDITORS - 1)));
    }

    private static String read(String json, String path) {
        Object value = JsonPath.read(json, path);
        return String.valueOf(value);
    }

    private String roundJson(String title) {
        return """
                {"title":"%s","jurisdiction":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},
                 "convenorId":"%s","respondentIds":["%s"],"closesOn":"2026-12-31","sharedWithForums":[]}""".formatted(title, city, ngo);
    }

    @Test
    void concurrentEditsOfARoundHaveOneWinner() throws Exception {
        String created = perform(postJson("/rounds", roundJson("Kampala readiness")), cityEditor)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = read(created, "$.id");
        oneWinner(atOnce(
                i -> putJson("/rounds/" + id, roundJson("Kampala readiness, editor " + i), "\"1\""), cityEditor));
        String title = jdbc.queryForObject(
                "SELECT title FROM round_assessment WHERE id = ?", String.class, UUID.fromString(id));
        assertThat(title).startsWith("Kampala readiness, editor ");
        assertThat(jdbc.queryForObject(
                        "SELECT version FROM round_assessment WHERE id = ?", Long.class, UUID.fromString(id)))
                .isEqualTo(2);
    }

    @Test
    void concurrentReplacementsOfARespondentsAnswersHaveOneWinner() throws Exception {
        String created = perform(postJson("/rounds", roundJson("Kampala readiness")), cityEditor)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = read(created, "$.id");
        perform(post("/rounds/" + id + "/open"), cityEditor).andExpect(status().isOk());
        String path = "/rounds/" + id + "/responses/" + ngo;
        String[] answers = {"Y", "S", "N", "Y", "S", "N"};

        // first submissions at once, each claiming to be the first
        oneWinner(atOnce(
                i -> putJson(path, "{\"answers\":[{\"question\":\"1.1.a\",\"answer\":\"" + answers[i] + "\"}]}", null)
                        .header("If-None-Match", "*"),
                ngoEditor));
        // replacements of version 1 at once
        oneWinner(atOnce(
                i -> putJson(
                        path, "{\"answers\":[{\"question\":\"1.1.b\",\"answer\":\"" + answers[i] + "\"}]}", "\"1\""),
                ngoEditor));
        assertThat(jdbc.queryForList(
                        "SELECT question_code FROM round_answer WHERE round_id = ? AND respondent_id = ?",
                        String.class,
                        UUID.fromString(id),
                        ngo))
                .containsExactly("1.1.b");
        assertThat(jdbc.queryForObject(
                        "SELECT version FROM round_response WHERE round_id = ? AND respondent_id = ?",
                        Long.class,
                        UUID.fromString(id),
                        ngo))
                .isEqualTo(2);
    }

    @Test
    void concurrentRevisionsOfAnEstimateHaveOneWinner() throws Exception {
        String body = """
                {"seriesId":"kla-concurrent","area":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},
                 "group":"REFUGEES","registered":%d,"estimated":300000,"source":"OPM registration",
                 "asOf":"2026-03-31","classification":"FORUM","sharedWithForums":[]}""";
        String created = perform(postJson("/population", body.formatted(100_000)), cityEditor)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = read(created, "$.id");
        oneWinner(atOnce(i -> putJson("/population/" + id, body.formatted(100_001 + i), "\"1\""), cityEditor));
        assertThat(jdbc.queryForObject(
                        "SELECT registered_count FROM population_estimate WHERE id = ?",
                        Integer.class,
                        UUID.fromString(id)))
                .isBetween(100_001, 100_000 + EDITORS);
    }

    @Test
    void concurrentEditsOfANeedHaveOneWinner() throws Exception {
        String body = """
                {"statement":"Refugee children in Kisenyi are not enrolled in school: %s","sector":"EDUCATION",
                 "populationGroups":["REFUGEES"],"area":{"country":"UG","subdivision":"UG-C"},"severity":"HIGH",
                 "classification":"FORUM"}""";
        String created = perform(postJson("/needs", body.formatted("documents")), cityEditor)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = read(created, "$.id");
        oneWinner(atOnce(i -> putJson("/needs/" + id, body.formatted("reason " + i), "\"1\""), cityEditor));
        assertThat(jdbc.queryForObject("SELECT version FROM need WHERE id = ?", Long.class, UUID.fromString(id)))
                .isEqualTo(2);
    }
}
