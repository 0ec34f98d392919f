package org.arrival.actionplans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.actionplans.plans.PlanningTestSupport;
import org.arrival.contracts.EventJson;
import org.arrival.platform.testing.api.ApiCall;
import org.arrival.platform.testing.api.DatabaseFingerprint;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13, finding 7, on this service's own endpoints: enums sent as numbers (a classification of 0 was stored as
 * PUBLIC), dates sent as numbers (20260101 became the year 57440), years outside 1900-2200 and fractional counts are
 * refused with 400 naming the field, and nothing is stored.
 */
class LooseTypesTest extends PlanningTestSupport {

    private record Case(ApiCall call, String field) {}

    @Test
    void enumsAsNumbersDatesAsNumbersYearsOutOfRangeAndFractionalCountsAreRefused() throws Exception {
        UUID forum = UUID.randomUUID();
        UUID city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        UUID ngo = organisation("Refugee Law Project", "NGO", false, false);
        seat(forum, city);
        seat(forum, ngo);
        String plan = planJson("MUNICIPAL_ACTION_PLAN", "FORUM", List.of(forum));
        String action = actionJson("FORUM", List.of(forum), null);
        UUID planId = id(perform(postJson("/plans", plan), editor(city)).andExpect(status().isCreated()));
        String commitment = actionJson("FORUM", List.of(forum), "\"requiresLocalImplementation\":true")
                .replace("\"2026-02-01\"", "\"2025-01-01\"");
        UUID actionId =
                id(perform(postJson("/actions", commitment), editor(city)).andExpect(status().isCreated()));
        for (String step : List.of("COMMITTED", "IN_PROGRESS")) {
            perform(postJson("/actions/" + actionId + "/status", "{\"status\":\"" + step + "\"}"), editor(city))
                    .andExpect(status().isOk());
        }
        String a = "/actions/" + actionId;
        UUID milestone = id(perform(
                        postJson(a + "/milestones", "{\"title\":\"Desks open\",\"dueOn\":\"2026-06-30\"}"),
                        editor(city))
                .andExpect(status().isCreated()));
        String m = a + "/milestones/" + milestone;
        String report = """
                {"periodStart":"2025-01-01","periodEnd":"2025-03-31","percentComplete":20,"rag":"AMBER",
                 "indicators":[{"name":"Children enrolled","unit":"children","target":3000,"actual":1850}]}""";

        List<Case> cases = new ArrayList<>();
        // enums as numbers
        cases.add(new Case(
                ApiCall.post("/plans", plan.replace("\"classification\":\"FORUM\"", "\"classification\":0")),
                "classification"));
        cases.add(new Case(ApiCall.post("/plans", plan.replace("\"MUNICIPAL_ACTION_PLAN\"", "1")), "type"));
        cases.add(new Case(
                ApiCall.post("/actions", action.replace("\"classification\":\"FORUM\"", "\"classification\":0")),
                "classification"));
        cases.add(new Case(ApiCall.post("/actions", action.replace("\"PROGRAMME\"", "2")), "kind"));
        cases.add(new Case(
                ApiCall.post("/actions", actionJson("FORUM", List.of(forum), "\"orientation\":1")), "orientation"));
        cases.add(new Case(ApiCall.post("/actions", action.replace("\"EDUCATION\"", "3")), "sectors[0]"));
        cases.add(new Case(ApiCall.post("/actions", action.replace("\"QUARTERLY\"", "1")), "reportingCadence"));
        cases.add(new Case(ApiCall.post(a + "/status", "{\"status\":3}"), "status"));
        cases.add(new Case(ApiCall.post("/plans/" + planId + "/status", "{\"status\":1}"), "status"));
        cases.add(new Case(ApiCall.post(a + "/reports", report.replace("\"AMBER\"", "1")), "rag"));
        cases.add(new Case(ApiCall.post(a + "/contributions", "{\"kind\":0,\"text\":\"agreed\"}"), "kind"));
        // dates as numbers
        cases.add(new Case(ApiCall.post("/plans", plan.replace("\"2030-12-31\"", "20301231")), "periodEnd"));
        cases.add(new Case(ApiCall.post("/actions", action.replace("\"2026-02-01\"", "20260101")), "startDate"));
        cases.add(new Case(ApiCall.post(a + "/milestones", "{\"title\":\"Desks open\",\"dueOn\":20260630}"), "dueOn"));
        cases.add(new Case(ApiCall.post(m + "/reach", "{\"reachedOn\":1767225600}"), "reachedOn"));
        cases.add(new Case(ApiCall.post(a + "/reports", report.replace("\"2025-01-01\"", "20250101")), "periodStart"));
        // years outside 1900-2200
        cases.add(new Case(ApiCall.post("/plans", plan.replace("\"2026-01-01\"", "\"1899-12-31\"")), "periodStart"));
        cases.add(new Case(
                ApiCall.put("/plans/" + planId, plan.replace("\"2030-12-31\"", "\"+10000-01-01\""))
                        .ifMatch("\"1\""),
                "periodEnd"));
        cases.add(new Case(ApiCall.post("/actions", action.replace("\"2026-12-31\"", "\"2201-01-01\"")), "endDate"));
        cases.add(new Case(
                ApiCall.put(a, commitment.replace("\"2025-01-01\"", "\"0001-01-01\""))
                        .ifMatch("\"3\""),
                "startDate"));
        cases.add(new Case(
                ApiCall.put(m, "{\"title\":\"Desks open\",\"dueOn\":\"2201-06-30\"}")
                        .ifMatch("\"1\""),
                "dueOn"));
        cases.add(new Case(ApiCall.post(m + "/reach", "{\"reachedOn\":\"1899-06-30\"}"), "reachedOn"));
        cases.add(new Case(
                ApiCall.post(a + "/reports", report.replace("\"2025-01-01\"", "\"1850-01-01\"")), "periodStart"));
        cases.add(new Case(ApiCall.get(a + "/reporting?asOf=2201-01-01"), "asOf"));
        cases.add(new Case(ApiCall.get(a + "/reporting?asOf=%2B999999999-12-31"), "asOf"));
        // fractional counts
        cases.add(new Case(
                ApiCall.post(a + "/reports", report.replace("\"percentComplete\":20", "\"percentComplete\":20.5")),
                "percentComplete"));
        cases.add(new Case(
                ApiCall.post(a + "/reports", report.replace("\"actual\":1850", "\"actual\":1850.5")),
                "indicators[0].actual"));
        cases.add(new Case(
                ApiCall.post(
                        "/actions",
                        actionJson(
                                "FORUM", List.of(forum), "\"implementsActionId\":\"" + actionId + "\",\"weight\":1.5")),
                "weight"));
        cases.add(new Case(ApiCall.get("/actions?page=1.5"), "page"));
        cases.add(new Case(ApiCall.get(a + "/milestones?size=2.5"), "size"));

        DatabaseFingerprint fingerprint = new DatabaseFingerprint(jdbc, PersonalDataTest.BACKGROUND);
        for (Case c : cases) {
            Map<String, String> before = fingerprint.take();
            MockHttpServletResponse response =
                    c.call().perform(mvc, editor(city).bearer());
            String body = response.getContentAsString();
            assertThat(response.getStatus()).as(c.call() + ": " + body).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            JsonNode problem = EventJson.mapper().readTree(body);
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
            assertThat(fields).as(c.call() + ": " + body).contains(c.field());
            assertThat(fingerprint.take()).as(c.call() + " stored nothing").isEqualTo(before);
        }
    }
}
