package org.arrival.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.EventJson;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Finding 7 of issue 13 on this service's own endpoints: {@code "classification": 0} was stored as PUBLIC (an enum
 * read by its position), {@code "closesOn": 20260101} as a date in the year 57440, years above 9999 or below 1 and
 * fractional counts were accepted. Every date of the service (a round's closing date, an estimate's as-of date, an
 * input's collection date) must now lie in the years 1900 to 2200, every count (registered, estimated, a cell of a
 * breakdown, participants) be a whole number of 0 or more, every enum a name; each refusal is a 400 naming the
 * field, and nothing is stored.
 */
class StrictTypesTest extends AssessmentsIntegrationTest {

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

    private Map<String, Long> stored() {
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (String t : List.of("round_assessment", "population_estimate", "need", "evidence_input", "outbox_event")) {
            rows.put(t, jdbc.queryForObject("SELECT count(*) FROM " + t, Long.class));
        }
        return rows;
    }

    private void refused(String label, String path, String body, Token token, String field) throws Exception {
        Map<String, Long> before = stored();
        ResultActions result = perform(postJson(path, body), token);
        String answer = result.andReturn().getResponse().getContentAsString();
        assertThat(result.andReturn().getResponse().getStatus())
                .as(label + ": " + answer)
                .isEqualTo(400);
        assertThat(result.andReturn().getResponse().getContentType()).as(label).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        EventJson.mapper()
                .readTree(answer)
                .path("errors")
                .forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).as(label + ": " + answer).contains(field);
        assertThat(stored()).as(label).isEqualTo(before);
    }

    private String round(String closesOn) {
        return """
                {"title":"Kampala readiness","jurisdiction":{"country":"UG","subdivision":"UG-C"},"convenorId":"%s",
                 "respondentIds":["%s"],"closesOn":%s}""".formatted(city, ngo, closesOn);
    }

    private static String estimate(String registered, String breakdownCount, String asOf, String classification) {
        return """
                {"area":{"country":"UG","subdivision":"UG-C"},"group":"REFUGEES","registered":%s,"estimated":300,
                 "breakdown":[{"dimension":"SEX","category":"FEMALE","count":%s}],"source":"UBOS listing",
                 "asOf":%s,"classification":%s}""".formatted(registered, breakdownCount, asOf, classification);
    }

    private static String need(String classification) {
        return """
                {"statement":"Children are not enrolled","sector":"EDUCATION","populationGroups":["REFUGEES"],
                 "area":{"country":"UG"},"severity":"HIGH","classification":%s}""".formatted(classification);
    }

    private static String input(UUID need, String participants, String collectedOn, String classification) {
        return """
                {"subjectType":"NEED","subjectId":"%s","kind":"DATA_CONTRIBUTION","summary":"Help desk tally",
                 "provenance":"help desk register","collectedOn":%s,"participants":%s,"classification":%s}""".formatted(need, collectedOn, participants, classification);
    }

    @Test
    void aClassificationSentAsANumberIsRefused() throws Exception {
        refused("need", "/needs", need("0"), cityEditor, "classification");
        refused("estimate", "/population", estimate("100", "150", "\"2026-03-31\"", "0"), cityEditor, "classification");
        String need = perform(postJson("/needs", need("\"PUBLIC\"")), cityEditor)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID id = UUID.fromString(EventJson.mapper().readTree(need).path("id").asString());
        refused("input", "/inputs", input(id, "12", "\"2026-04-12\"", "0"), ngoEditor, "classification");
        refused(
                "input",
                "/inputs",
                input(id, "12", "\"2026-04-12\"", "\"FORUM\"").replace("\"NEED\"", "1"),
                ngoEditor,
                "subjectType");
    }

    @Test
    void datesAreWrittenAsDatesBetweenTheYears1900And2200() throws Exception {
        for (String date : List.of(
                "20260101",
                "\"+10000-01-01\"",
                "\"0000-01-01\"",
                "\"-0001-12-31\"",
                "\"1899-12-31\"",
                "\"2201-01-01\"")) {
            refused("closesOn " + date, "/rounds", round(date), cityEditor, "closesOn");
        }
        for (String date : List.of("20260101", "\"0001-01-01\"", "\"1899-12-31\"")) {
            refused("asOf " + date, "/population", estimate("100", "150", date, "\"FORUM\""), cityEditor, "asOf");
        }
        String need = perform(postJson("/needs", need("\"PUBLIC\"")), cityEditor)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID id = UUID.fromString(EventJson.mapper().readTree(need).path("id").asString());
        for (String date : List.of("20260412", "\"0001-01-01\"", "\"1899-12-31\"")) {
            refused("collectedOn " + date, "/inputs", input(id, "12", date, "\"FORUM\""), ngoEditor, "collectedOn");
        }
        // the edges of the range are accepted (a closing date far ahead, a source from 1900)
        perform(postJson("/rounds", round("\"2200-12-31\"")), cityEditor).andExpect(status().isCreated());
        perform(postJson("/population", estimate("100", "150", "\"1900-01-01\"", "\"FORUM\"")), cityEditor)
                .andExpect(status().isCreated());
    }

    @Test
    void countsAreWholeNumbersOfZeroOrMore() throws Exception {
        for (String count : List.of("10.5", "-1", "1e3", "\"ten\"", "3000000000", "true")) {
            refused(
                    "registered " + count,
                    "/population",
                    estimate(count, "150", "\"2026-03-31\"", "\"FORUM\""),
                    cityEditor,
                    "registered");
            refused(
                    "cell " + count,
                    "/population",
                    estimate("100", count, "\"2026-03-31\"", "\"FORUM\""),
                    cityEditor,
                    "breakdown[0].count");
        }
        refused(
                "estimated 299.5",
                "/population",
                estimate("100", "150", "\"2026-03-31\"", "\"FORUM\"")
                        .replace("\"estimated\":300", "\"estimated\":299.5"),
                cityEditor,
                "estimated");
        String need = perform(postJson("/needs", need("\"PUBLIC\"")), cityEditor)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID id = UUID.fromString(EventJson.mapper().readTree(need).path("id").asString());
        for (String count : List.of("3.5", "-2", "\"twelve\"")) {
            refused(
                    "participants " + count,
                    "/inputs",
                    input(id, count, "\"2026-04-12\"", "\"FORUM\""),
                    ngoEditor,
                    "participants");
        }
    }
}
