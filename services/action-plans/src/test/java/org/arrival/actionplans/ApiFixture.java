package org.arrival.actionplans;

import java.util.List;
import java.util.UUID;
import org.arrival.contracts.EventJson;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Records made through the service's own API, as their owners would make them, for tests that need many of them
 * (the refusal matrix, generated bad input, concurrent edits). Every call must succeed.
 */
public final class ApiFixture {

    private final MockMvc mvc;

    public ApiFixture(MockMvc mvc) {
        this.mvc = mvc;
    }

    public static String planJson(String title, String classification, List<UUID> forums) {
        return """
                {"title":"%s","type":"MUNICIPAL_ACTION_PLAN",
                 "jurisdiction":{"country":"UG","subdivision":"UG-C","areaName":"Kampala"},
                 "periodStart":"2026-01-01","periodEnd":"2030-12-31",
                 "objectives":["Every displaced child in school","Register informal settlements"],
                 "inclusion":{"migrantsNamed":true,"migrantsBudgeted":false,"staffTrained":false},
                 "classification":"%s","sharedWithForums":%s}""".formatted(title, classification, ids(forums));
    }

    /** An action from the start of 2025 to the end of 2027, with extra fields spliced in. */
    public static String actionJson(String title, String classification, List<UUID> forums, String extra) {
        return """
                {"title":"%s","description":"Fee waivers and documentation help for displaced children",
                 "kind":"PROGRAMME","sectors":["EDUCATION"],"targetGroups":["REFUGEES","HOST_COMMUNITY"],
                 "areas":[{"country":"UG","subdivision":"UG-C","areaName":"Kisenyi"}],
                 "startDate":"2025-01-01","endDate":"2027-12-31","reportingCadence":"QUARTERLY",
                 "frameworkItems":["SDG-4.1","GCM-15"],"classification":"%s","sharedWithForums":%s%s}""".formatted(title, classification, ids(forums), extra == null ? "" : "," + extra);
    }

    public static String reportJson(String start, String end) {
        return """
                {"periodStart":"%s","periodEnd":"%s","percentComplete":35,"rag":"AMBER",
                 "narrative":"Fee waivers agreed with 12 of 20 schools",
                 "indicators":[{"name":"Children enrolled","unit":"children","baseline":1200,"target":3000,"actual":1850},
                               {"name":"Schools waiving fees","unit":"schools","actual":12}]}""".formatted(start, end);
    }

    public static String fundingJson(UUID source, String name, long committed) {
        return """
                {%s"sourceName":"%s","currency":"UGX","required":900000000,"committed":%d,"disbursed":0}""".formatted(source == null ? "" : "\"sourceId\":\"" + source + "\",", name, committed);
    }

    public static String ids(List<UUID> ids) {
        return ids.stream().map(i -> "\"" + i + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    public UUID plan(Token owner, String classification, List<UUID> forums) {
        return created(ApiCall.post("/plans", planJson("Kisenyi neighbourhood plan", classification, forums)), owner);
    }

    public UUID action(Token owner, String classification, List<UUID> forums, String extra) {
        return created(
                ApiCall.post("/actions", actionJson("School places in Kisenyi", classification, forums, extra)), owner);
    }

    /** An action moved to IN_PROGRESS (version 3). */
    public UUID actionUnderWay(Token owner, String classification, List<UUID> forums, String extra) {
        UUID id = action(owner, classification, forums, extra);
        for (String status : List.of("COMMITTED", "IN_PROGRESS")) {
            ok(ApiCall.post("/actions/" + id + "/status", "{\"status\":\"" + status + "\"}"), owner);
        }
        return id;
    }

    public UUID milestone(Token owner, UUID action) {
        return created(
                ApiCall.post(
                        "/actions/" + action + "/milestones",
                        "{\"title\":\"Fee waivers agreed with the schools\",\"dueOn\":\"2026-06-30\"}"),
                owner);
    }

    public UUID report(Token owner, UUID action, String start, String end) {
        return created(ApiCall.post("/actions/" + action + "/reports", reportJson(start, end)), owner);
    }

    public UUID funding(Token writer, UUID action, UUID source) {
        return created(
                ApiCall.post("/actions/" + action + "/funding", fundingJson(source, "KCCA budget", 300000000)), writer);
    }

    public UUID contribution(Token contributor, UUID action) {
        return created(
                ApiCall.post(
                        "/actions/" + action + "/contributions",
                        "{\"kind\":\"COMMENT\",\"text\":\"Include secondary schools too\"}"),
                contributor);
    }

    public UUID created(ApiCall call, Token caller) {
        return UUID.fromString(ok(call, caller).path("id").asString());
    }

    public JsonNode ok(ApiCall call, Token caller) {
        MockHttpServletResponse response = call.perform(mvc, caller.bearer());
        try {
            String body = response.getContentAsString();
            if (response.getStatus() >= 300) {
                throw new IllegalStateException(call + " answered " + response.getStatus() + ": " + body);
            }
            return EventJson.mapper().readTree(body);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
