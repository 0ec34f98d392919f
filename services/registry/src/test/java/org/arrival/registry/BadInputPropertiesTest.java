package org.arrival.registry;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.arrival.platform.testing.api.ApiDescription;
import org.arrival.platform.testing.api.BadInput;
import org.arrival.platform.testing.api.BadInputCheck;
import org.arrival.registry.people.FakeRealm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

/**
 * Generated hostile variants of every write and list request of the registry, sent by callers who may make the valid
 * request: never a 5xx, every refusal as problem+json, and a refused request changes nothing (rows, history, outbox).
 */
class BadInputPropertiesTest extends RegistryIntegrationTest {

    private static List<BadInput.Template> templates;

    @Autowired
    JdbcTemplate jdbc;

    private BadInputCheck check;

    @BeforeProperty
    void context() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        check = new BadInputCheck(mvc, jdbc, Set.of());
        if (templates == null) {
            templates = templates();
            check.requireTemplates(ApiDescription.of(mvc), templates, Map.of());
        }
    }

    /** No edge-case mixing: it would favour the first operation; the variants carry their own hostile edges. */
    @Property(tries = 600, edgeCases = EdgeCasesMode.NONE)
    void hostileRequestsAreRefusedCleanlyAndChangeNothing(@ForAll("requests") BadInput.Variant variant) {
        int status = check.send(variant.call(), variant.caller().bearer());
        Statistics.label("status").collect(status / 100 + "xx");
        Statistics.label("operation").collect(variant.operation());
    }

    @Provide
    Arbitrary<BadInput.Variant> requests() {
        return BadInput.variants(ApiDescription.of(mvc), templates);
    }

    private List<BadInput.Template> templates() throws Exception {
        String t = tag();
        String city = registerActive(cityAuthorityJson(t));
        String ngo = registerActive(ngoJson(t));
        Token platform = platformAdmin();
        Token cityAdmin = user("kcca-admin-" + t, city, "org-admin", "forum-coordinator", "member");
        String forum = json(
                perform(postJson("/forums", forumJson("Forum " + t, city, null, null, null)), cityAdmin)
                        .andExpect(status().isCreated()),
                "$.id");
        String seat = json(
                perform(
                                postJson(
                                        "/forums/" + forum + "/memberships",
                                        membershipJson(ngo, "MEMBER", "2026-01-01", null)),
                                cityAdmin)
                        .andExpect(status().isCreated()),
                "$.id");
        String proposed = register(refugeeDepartmentJson(t));
        String verified = register(refugeeDepartmentJson(t + "-verified"));
        perform(postStep("/stakeholders/" + verified + "/verify", null), platform)
                .andExpect(status().isOk());
        String active = registerActive(refugeeDepartmentJson(t + "-active"));
        String other = register(refugeeDepartmentJson(t + "-other"));
        String colleague =
                FakeRealm.instance().add("colleague-" + t + "@kcca.example", UUID.fromString(city), "member");
        String leaving = FakeRealm.instance().add("leaving-" + t + "@kcca.example", UUID.fromString(city), "member");
        List<BadInput.Template> meetings = meetingTemplates(t, city, ngo, cityAdmin);
        String rotating = apiClient(city, cityAdmin, "Rotating " + t);
        String revoking = apiClient(city, cityAdmin, "Revoking " + t);
        return java.util.stream.Stream.concat(
                        meetings.stream(),
                        List.of(
                                new BadInput.Template(
                                        "POST /stakeholders/{id}/people",
                                        ApiCall.post(
                                                "/stakeholders/" + city + "/people",
                                                "{\"email\":\"new-" + t + "@kcca.example\",\"firstName\":\"Sarah\","
                                                        + "\"lastName\":\"Akello\",\"roles\":[\"member\",\"org-editor\"]}"),
                                        cityAdmin),
                                new BadInput.Template(
                                        "PUT /stakeholders/{id}/people/{personId}/roles",
                                        ApiCall.put(
                                                "/stakeholders/" + city + "/people/" + colleague + "/roles",
                                                "{\"roles\":[\"org-editor\",\"member\"]}"),
                                        cityAdmin),
                                new BadInput.Template(
                                        "DELETE /stakeholders/{id}/people/{personId}",
                                        ApiCall.delete("/stakeholders/" + city + "/people/" + leaving),
                                        cityAdmin),
                                new BadInput.Template(
                                        "POST /stakeholders/{id}/api-clients",
                                        ApiCall.post(
                                                "/stakeholders/" + city + "/api-clients",
                                                "{\"name\":\"M&E database " + t
                                                        + "\",\"roles\":[\"org-editor\",\"member\"]}"),
                                        cityAdmin),
                                new BadInput.Template(
                                        "POST /stakeholders/{id}/api-clients/{clientId}/secret",
                                        ApiCall.post(
                                                        "/stakeholders/" + city + "/api-clients/" + rotating
                                                                + "/secret",
                                                        null)
                                                .ifMatch("\"1\""),
                                        cityAdmin),
                                new BadInput.Template(
                                        "DELETE /stakeholders/{id}/api-clients/{clientId}",
                                        ApiCall.delete("/stakeholders/" + city + "/api-clients/" + revoking)
                                                .ifMatch("\"1\""),
                                        cityAdmin),
                                new BadInput.Template(
                                        "POST /stakeholders", ApiCall.post("/stakeholders", ngoJson(tag())), platform),
                                new BadInput.Template(
                                        "GET /stakeholders",
                                        ApiCall.get(
                                                "/stakeholders?q=" + t
                                                        + "&type=LOCAL_GOVERNMENT&sector=HEALTH&country=UG&subdivision=UG-C&status=ACTIVE&page=0&size=5&sort=-name"),
                                        platform),
                                new BadInput.Template(
                                        "PUT /stakeholders/{id}",
                                        ApiCall.put("/stakeholders/" + city, cityAuthorityJson(t))
                                                .ifMatch("\"3\""),
                                        cityAdmin),
                                new BadInput.Template(
                                        "POST /stakeholders/{id}/verify",
                                        ApiCall.post(
                                                "/stakeholders/" + proposed + "/verify",
                                                "{\"reason\":\"checked the register\"}"),
                                        platform),
                                new BadInput.Template(
                                        "POST /stakeholders/{id}/activate",
                                        ApiCall.post(
                                                        "/stakeholders/" + verified + "/activate",
                                                        "{\"reason\":\"agreement signed\"}")
                                                .ifMatch("\"2\""),
                                        platform),
                                new BadInput.Template(
                                        "POST /stakeholders/{id}/suspend",
                                        ApiCall.post(
                                                        "/stakeholders/" + active + "/suspend",
                                                        "{\"reason\":\"under review\"}")
                                                .ifMatch("\"3\""),
                                        platform),
                                new BadInput.Template(
                                        "POST /stakeholders/{id}/archive",
                                        ApiCall.post(
                                                        "/stakeholders/" + other + "/archive",
                                                        "{\"reason\":\"registered twice\"}")
                                                .ifMatch("\"1\""),
                                        platform),
                                new BadInput.Template(
                                        "POST /forums",
                                        ApiCall.post("/forums", forumJson("Forum " + tag(), city, null, null, forum)),
                                        cityAdmin),
                                new BadInput.Template(
                                        "GET /forums",
                                        ApiCall.get("/forums?q=Forum&type=COORDINATION_FORUM&country=UG&sector=HEALTH"
                                                + "&status=ESTABLISHED&member=" + ngo + "&page=0&size=5&sort=name"),
                                        platform),
                                new BadInput.Template(
                                        "PUT /forums/{id}",
                                        ApiCall.put("/forums/" + forum, forumJson("Forum " + t, city, null, null, null))
                                                .ifMatch("\"1\""),
                                        cityAdmin),
                                new BadInput.Template(
                                        "POST /forums/{id}/status",
                                        ApiCall.post(
                                                "/forums/" + forum + "/status",
                                                "{\"status\":\"DORMANT\",\"reason\":\"no meetings this year\"}"),
                                        cityAdmin),
                                new BadInput.Template(
                                        "GET /forums/{id}/memberships",
                                        ApiCall.get("/forums/" + forum + "/memberships?includeEnded=true"),
                                        cityAdmin),
                                new BadInput.Template(
                                        "POST /forums/{id}/memberships",
                                        ApiCall.post(
                                                "/forums/" + forum + "/memberships",
                                                membershipJson(city, "OBSERVER", "2026-01-01", "2027-01-01")),
                                        cityAdmin),
                                new BadInput.Template(
                                        "PUT /forums/{id}/memberships/{membershipId}",
                                        ApiCall.put(
                                                        "/forums/" + forum + "/memberships/" + seat,
                                                        "{\"seat\":\"OBSERVER\",\"termStart\":\"2026-01-01\",\"termEnd\":\"2028-12-31\"}")
                                                .ifMatch("\"1\""),
                                        cityAdmin),
                                new BadInput.Template(
                                        "POST /forums/{id}/memberships/{membershipId}/end",
                                        ApiCall.post(
                                                "/forums/" + forum + "/memberships/" + seat + "/end",
                                                "{\"reason\":\"left the city\"}"),
                                        cityAdmin))
                                .stream())
                .toList();
    }

    /** A forum of its own with the NGO seated, so the other templates' seat changes do not touch it. */
    private List<BadInput.Template> meetingTemplates(String t, String city, String ngo, Token cityAdmin)
            throws Exception {
        Token ngoAdmin = user("irc-admin-" + t, ngo, "org-admin", "member");
        String forum = json(
                perform(postJson("/forums", forumJson("Meetings forum " + t, city, null, null, null)), cityAdmin)
                        .andExpect(status().isCreated()),
                "$.id");
        perform(
                        postJson(
                                "/forums/" + forum + "/memberships", membershipJson(ngo, "MEMBER", "2026-01-01", null)),
                        cityAdmin)
                .andExpect(status().isCreated());
        String meetings = "/forums/" + forum + "/meetings";
        String meeting = """
                {"title":"Second quarter meeting","date":"2026-11-20","startTime":"10:00","place":"City Hall",
                 "onlineLink":"https://meet.example.org/kampala",
                 "agenda":[{"title":"Escorts","note":"gap found in May",
                            "records":[{"kind":"NEED","recordId":"3f0c2b7e-5d1a-4c2e-9b7a-1e2f3a4b5c6d"}]}]}""";
        String decision = """
                {"text":"Escorts at the bus park","type":"ASSIGN_ACTION","method":"VOTE",
                 "votes":{"inFavour":5,"against":1,"abstaining":0},
                 "dissent":[{"stakeholderId":"%s","reason":"the city should run it"}],
                 "concerns":[{"kind":"NEED","recordId":"3f0c2b7e-5d1a-4c2e-9b7a-1e2f3a4b5c6d"}],
                 "assignments":[{"assigneeId":"%s","expected":"Run escorts","dueOn":"2027-01-31"}]}""".formatted(ngo, ngo);
        String scheduled = meetingId(perform(postJson(meetings, meeting), cityAdmin));
        String toHold = meetingId(perform(postJson(meetings, meeting), cityAdmin));
        String held = meetingId(perform(postJson(meetings, meeting), cityAdmin));
        perform(
                        postJson(meetings + "/" + held + "/status", "{\"status\":\"HELD\"}")
                                .header("If-Match", "\"1\""),
                        cityAdmin)
                .andExpect(status().isOk());
        String toAccept = json(
                perform(postJson(meetings + "/" + held + "/decisions", decision), cityAdmin)
                        .andExpect(status().isCreated()),
                "$.assignments[0].assignmentId");
        String toDecline = json(
                perform(postJson(meetings + "/" + held + "/decisions", decision), cityAdmin)
                        .andExpect(status().isCreated()),
                "$.assignments[0].assignmentId");
        return List.of(
                new BadInput.Template(
                        "GET /forums/{forumId}/meetings",
                        ApiCall.get(meetings + "?status=SCHEDULED&page=0&size=5"),
                        cityAdmin),
                new BadInput.Template("POST /forums/{forumId}/meetings", ApiCall.post(meetings, meeting), cityAdmin),
                new BadInput.Template(
                        "PUT /forums/{forumId}/meetings/{meetingId}",
                        ApiCall.put(meetings + "/" + scheduled, meeting.replace("Second", "Third"))
                                .ifMatch("\"1\""),
                        cityAdmin),
                new BadInput.Template(
                        "PUT /forums/{forumId}/meetings/{meetingId}/attendance",
                        ApiCall.put(
                                        meetings + "/" + scheduled + "/attendance",
                                        "{\"attendance\":[{\"stakeholderId\":\"" + ngo + "\",\"status\":\"PRESENT\"}]}")
                                .ifMatch("\"1\""),
                        cityAdmin),
                new BadInput.Template(
                        "PUT /forums/{forumId}/meetings/{meetingId}/minutes",
                        ApiCall.put(meetings + "/" + held + "/minutes", "{\"minutes\":\"Agreed a pilot.\"}")
                                .ifMatch("\"2\""),
                        cityAdmin),
                new BadInput.Template(
                        "POST /forums/{forumId}/meetings/{meetingId}/status",
                        ApiCall.post(
                                        meetings + "/" + toHold + "/status",
                                        "{\"status\":\"CANCELLED\",\"reason\":\"the venue is flooded\"}")
                                .ifMatch("\"1\""),
                        cityAdmin),
                new BadInput.Template(
                        "POST /forums/{forumId}/meetings/{meetingId}/decisions",
                        ApiCall.post(meetings + "/" + held + "/decisions", decision),
                        cityAdmin),
                new BadInput.Template(
                        "GET /forums/{forumId}/decisions",
                        ApiCall.get("/forums/" + forum + "/decisions?page=0&size=5"),
                        cityAdmin),
                new BadInput.Template(
                        "GET /assignments",
                        ApiCall.get("/assignments?assignee=" + ngo + "&status=OPEN&page=0&size=5"),
                        ngoAdmin),
                new BadInput.Template(
                        "POST /assignments/{assignmentId}/acceptance",
                        ApiCall.post(
                                        "/assignments/" + toAccept + "/acceptance",
                                        "{\"actionId\":\"c4b3a2d1-0f9e-4d8c-b7a6-5e4d3c2b1a09\"}")
                                .ifMatch("\"1\""),
                        ngoAdmin),
                new BadInput.Template(
                        "POST /assignments/{assignmentId}/decline",
                        ApiCall.post("/assignments/" + toDecline + "/decline", "{\"reason\":\"no funding\"}")
                                .ifMatch("\"1\""),
                        ngoAdmin));
    }

    private static String meetingId(org.springframework.test.web.servlet.ResultActions created) throws Exception {
        return json(created.andExpect(status().isCreated()), "$.meetingId");
    }

    /** A fresh API client of the organisation, at version 1. */
    private String apiClient(String organisation, Token admin, String name) throws Exception {
        return json(
                perform(
                                postJson(
                                        "/stakeholders/" + organisation + "/api-clients",
                                        "{\"name\":\"" + name + "\",\"roles\":[\"member\"]}"),
                                admin)
                        .andExpect(status().isCreated()),
                "$.client.id");
    }
}
