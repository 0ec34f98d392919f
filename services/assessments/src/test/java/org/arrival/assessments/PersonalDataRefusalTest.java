package org.arrival.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.contracts.EventJson;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * Finding 5 of issue 13: personal data (contact details, identity document numbers, a name with a date of birth)
 * was stored in need statements, input provenance, population sources, checklist evidence and other free text. Every
 * free-text field of every record type is now screened: the answer is 400, its {@code errors[]} names the field with
 * a {@code personal-data.*} code, and nothing is stored or published. Fields holding codes and identifiers (series
 * ids, area codes, question codes) are not screened, so a code that happens to look like a document number passes.
 */
class PersonalDataRefusalTest extends AssessmentsIntegrationTest {

    private static final String PASSPORT = "passport A1234567";
    private static final String PHONE = "call Amina on 0772 123456";
    private static final String EMAIL = "write to amina.k@example.org";
    private static final String BIRTH = "Amina K., born 12 March 1991";
    private static final String REFUGEE_ID = "refugee ID 123-18C00123";

    private UUID forum;
    private UUID city;
    private UUID ngo;
    private Token cityEditor;
    private Token ngoEditor;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        ngo = organisation("Refugee Law Project", "NGO", false, false);
        seat(forum, city);
        seat(forum, ngo);
        cityEditor = user("kcca-planner", city, "org-editor", "member");
        ngoEditor = user("rlp-researcher", ngo, "org-editor", "member");
    }

    /** Every table the service writes on a request, with its rows. */
    private Map<String, Long> stored() {
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (String t : List.of(
                "round_assessment",
                "round_respondent",
                "round_response",
                "round_answer",
                "round_revision",
                "round_gap",
                "population_estimate",
                "need",
                "need_action_link",
                "evidence_input",
                "evidence_revision",
                "outbox_event")) {
            rows.put(t, jdbc.queryForObject("SELECT count(*) FROM " + t, Long.class));
        }
        return rows;
    }

    /** The request is refused with 400 naming exactly the field, with a personal-data code, and stores nothing. */
    private void refused(String field, Supplier<ResultActions> request) throws Exception {
        Map<String, Long> before = stored();
        ResultActions result = request.get();
        String body = result.andReturn().getResponse().getContentAsString();
        assertThat(result.andReturn().getResponse().getStatus())
                .as(field + ": " + body)
                .isEqualTo(400);
        assertThat(result.andReturn().getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode errors = EventJson.mapper().readTree(body).path("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).as(body).containsExactly(field);
        assertThat(errors.get(0).path("code").asString()).as(body).startsWith("personal-data.");
        assertThat(stored()).as(field).isEqualTo(before);
    }

    private Supplier<ResultActions> call(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r, Token token) {
        return () -> {
            try {
                return perform(r, token);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private String round(String title, String areaName) {
        return """
                {"title":"%s","jurisdiction":{"country":"UG","subdivision":"UG-C","areaCode":"KLA-1234567","areaName":"%s"},
                 "convenorId":"%s","respondentIds":["%s"],"closesOn":"2026-12-31","sharedWithForums":["%s"]}""".formatted(title, areaName, city, ngo, forum);
    }

    @Test
    void roundsAndChecklistAnswers() throws Exception {
        refused("title", call(postJson("/rounds", round("Readiness, contact " + EMAIL, "Kampala")), cityEditor));
        refused(
                "jurisdiction.areaName",
                call(postJson("/rounds", round("Kampala readiness", "Kisenyi, " + PHONE)), cityEditor));
        String created = perform(postJson("/rounds", round("Kampala readiness", "Kampala")), cityEditor)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = EventJson.mapper().readTree(created).path("id").asString();
        refused(
                "title",
                call(putJson("/rounds/" + id, round("Readiness " + PASSPORT, "Kampala"), "\"1\""), cityEditor));
        perform(post("/rounds/" + id + "/open"), cityEditor).andExpect(status().isOk());
        refused(
                "answers[1].evidence",
                call(putJson("/rounds/" + id + "/responses/" + ngo, """
                {"answers":[{"question":"1.1.a","answer":"Y","evidence":"the 2024 census"},
                            {"question":"1.1.b","answer":"N","evidence":"%s told us"}]}""".formatted(BIRTH), null), ngoEditor));
        refused(
                "reason",
                call(
                        post("/rounds/" + id + "/close")
                                .contentType("application/json")
                                .content("{\"reason\":\"Closed after a complaint by " + REFUGEE_ID + "\"}"),
                        cityEditor));
        assertThat(jdbc.queryForObject("SELECT status FROM round_assessment WHERE id = ?::uuid", String.class, id))
                .isEqualTo("OPEN");
    }

    private String estimate(String seriesId, String source, String method, String areaName) {
        return """
                {"seriesId":"%s","area":{"country":"UG","subdivision":"UG-C","areaCode":"UG102","areaName":"%s"},
                 "group":"REFUGEES","registered":100000,"estimated":300000,"source":"%s","method":"%s",
                 "asOf":"2026-03-31","classification":"FORUM","sharedWithForums":["%s"]}""".formatted(seriesId, areaName, source, method, forum);
    }

    @Test
    void populationEstimates() throws Exception {
        refused(
                "source",
                call(postJson("/population", estimate("kla", "Tally by " + PHONE, "listing", "Kampala")), cityEditor));
        refused(
                "method",
                call(
                        postJson("/population", estimate("kla", "UBOS", "names from " + PASSPORT, "Kampala")),
                        cityEditor));
        refused(
                "area.areaName",
                call(postJson("/population", estimate("kla", "UBOS", "listing", "Kisenyi " + EMAIL)), cityEditor));
        refused(
                "source",
                call(postJson("/population/preview", estimate("kla", BIRTH, "listing", "Kampala")), cityEditor));
        // a series id and an area code are identifiers, not text about people: ones that look like document
        // numbers pass
        String created = perform(
                        postJson(
                                "/population",
                                estimate("UGA-12345678", "UBOS", "listing", "Kampala")
                                        .replace("\"areaCode\":\"UG102\"", "\"areaCode\":\"KLA-1234567\"")),
                        cityEditor)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = EventJson.mapper().readTree(created).path("id").asString();
        refused(
                "source",
                call(
                        putJson(
                                "/population/" + id,
                                estimate("UGA-12345678", "UBOS " + REFUGEE_ID, "listing", "Kampala"),
                                "\"1\""),
                        cityEditor));
    }

    private String need(String statement, String reference) {
        return """
                {"statement":"%s","sector":"EDUCATION","populationGroups":["REFUGEES"],
                 "area":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},"severity":"HIGH",
                 "evidenceReferences":["KCCA education survey 2025","%s"],"classification":"FORUM",
                 "sharedWithForums":["%s"]}""".formatted(statement, reference, forum);
    }

    @Test
    void needs() throws Exception {
        refused(
                "statement",
                call(postJson("/needs", need("Children of " + BIRTH + " are not enrolled", "survey")), cityEditor));
        refused(
                "evidenceReferences[1]",
                call(postJson("/needs", need("Children are not enrolled", "case of " + PASSPORT)), cityEditor));
        String created = perform(postJson("/needs", need("Children are not enrolled", "school census")), cityEditor)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = EventJson.mapper().readTree(created).path("id").asString();
        refused(
                "statement",
                call(
                        putJson("/needs/" + id, need("Children are not enrolled; " + PHONE, "census"), "\"1\""),
                        cityEditor));
        refused(
                "reason",
                call(
                        postJson(
                                "/needs/" + id + "/status",
                                "{\"status\":\"DEPRIORITISED\",\"reason\":\"family of " + REFUGEE_ID + " moved\"}"),
                        cityEditor));
    }

    @Test
    void inputs() throws Exception {
        String created = perform(postJson("/needs", need("Children are not enrolled", "school census")), cityEditor)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String need = EventJson.mapper().readTree(created).path("id").asString();
        String input = """
                {"subjectType":"NEED","subjectId":"%s","kind":"TESTIMONY_SUMMARY","summary":"%s","provenance":"%s",
                 "collectedOn":"2026-04-12","participants":12,"sharedWithForums":["%s"]}""";
        refused(
                "summary",
                call(
                        postJson(
                                "/inputs",
                                input.formatted(need, "Parents said so; " + PHONE, "volunteers' notes", forum)),
                        ngoEditor));
        refused(
                "summary",
                call(
                        postJson(
                                "/inputs",
                                input.formatted(need, "Mother with " + PASSPORT, "volunteers' notes", forum)),
                        ngoEditor));
        refused(
                "provenance",
                call(
                        postJson(
                                "/inputs",
                                input.formatted(
                                        need, "Parents said schools ask for papers", "notes sent by " + EMAIL, forum)),
                        ngoEditor));
        refused(
                "provenance",
                call(
                        postJson(
                                "/inputs",
                                input.formatted(
                                        need, "Parents said schools ask for papers", "told by " + BIRTH, forum)),
                        ngoEditor));
        noEventFrom(ngo);
    }

    private void noEventFrom(UUID org) throws InterruptedException {
        Thread.sleep(500);
        assertThat(events.events(e -> org.toString().equals(e.header(CloudEventHeaders.OWNER_ORG))))
                .isEmpty();
    }
}
