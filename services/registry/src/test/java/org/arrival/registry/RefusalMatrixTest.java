package org.arrival.registry;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.arrival.platform.testing.api.RefusalMatrix;
import org.arrival.registry.people.FakeRealm;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the registry's API, read from its own OpenAPI description, against the callers who must be
 * refused: no token and a forged one (401), other organisations' administrators, coordinators and members, the
 * organisation's own members without the role, and the enforcement body for what is hidden from it (403 or 404).
 * Each row ends with the caller who may make the same request, and it succeeds.
 */
class RefusalMatrixTest extends RegistryIntegrationTest {

    private String t;
    private String city;
    private String ngo;
    private String police;
    private String hidden;
    private Token platform;
    private Token cityCoordinator;
    private Token cityAdmin;
    private Token cityEditor;
    private Token cityMember;
    private Token ngoAdmin;
    private Token ngoCoordinator;
    private Token ngoMember;
    private Token policeAdmin;
    private Token hiddenAdmin;

    @Test
    void everyOperationRefusesThoseWhoMayNot() throws Exception {
        t = tag();
        city = registerActive(cityAuthorityJson(t));
        ngo = registerActive(ngoJson(t));
        police = registerActive(policeJson(t));
        hidden = registerActive(associationJson(t, true));
        platform = platformAdmin();
        cityCoordinator = user("kcca-coordinator-" + t, city, "forum-coordinator", "member");
        cityAdmin = user("kcca-admin-" + t, city, "org-admin", "member");
        cityEditor = user("kcca-editor-" + t, city, "org-editor", "member");
        cityMember = user("kcca-member-" + t, city, "member");
        ngoAdmin = user("irc-admin-" + t, ngo, "org-admin", "member");
        ngoCoordinator = user("irc-coordinator-" + t, ngo, "forum-coordinator", "member");
        ngoMember = user("irc-member-" + t, ngo, "member");
        policeAdmin = user("dcic-admin-" + t, police, "org-admin", "forum-coordinator", "org-editor", "member");
        hiddenAdmin = user("kisenyi-admin-" + t, hidden, "org-admin", "member");

        RefusalMatrix matrix = RefusalMatrix.of(mvc);

        // organisations
        matrix.operation("POST /stakeholders")
                .call(() -> ApiCall.post("/stakeholders", refugeeDepartmentJson(tag())))
                .refuses("an editor", cityEditor)
                .refuses("a coordinator", cityCoordinator)
                .refuses("a member", ngoMember)
                .allows("an organisation administrator", ngoAdmin);
        matrix.operation("GET /stakeholders")
                .call(() -> ApiCall.get("/stakeholders?q=" + t))
                .openToEveryMember("the directory of organisations is shared; hidden ones are left out (FirewallTest)")
                .allows("an enforcement body", policeAdmin);
        matrix.operation("GET /stakeholders/{id}")
                .call(() -> ApiCall.get("/stakeholders/" + hidden))
                .refuses("an enforcement body, for a hidden group", policeAdmin, 404)
                .refuses("an unknown organisation", user("stranger-" + t, UUID.randomUUID(), "org-admin"), 404)
                .allows("another organisation", ngoMember);
        matrix.operation("PUT /stakeholders/{id}")
                .call(() -> ApiCall.put("/stakeholders/" + city, cityAuthorityJson(t))
                        .ifMatch("\"3\""))
                .refuses("another organisation's administrator", ngoAdmin)
                .refuses("its own editor", cityEditor)
                .refuses("its own coordinator", cityCoordinator)
                .refuses("an enforcement body's administrator", policeAdmin)
                .allows("its own administrator", cityAdmin);
        for (String step : new String[] {"verify", "activate", "suspend", "archive"}) {
            matrix.operation("POST /stakeholders/{id}/" + step)
                    .call(() -> ApiCall.post("/stakeholders/" + organisationReadyFor(step) + "/" + step, null))
                    .refuses("the organisation's own administrator", cityAdmin)
                    .refuses("another organisation's administrator", ngoAdmin)
                    .refuses("an enforcement body's administrator", policeAdmin)
                    .allows("a platform administrator", platform);
        }
        matrix.operation("GET /stakeholders/{id}/history")
                .call(() -> ApiCall.get("/stakeholders/" + hidden + "/history"))
                .refuses("another organisation", ngoAdmin)
                .refuses("an enforcement body", policeAdmin, 404)
                .allows("the organisation itself", hiddenAdmin);

        // an organisation's people (accounts in the realm, here the fake one)
        matrix.operation("GET /stakeholders/{id}/people")
                .call(() -> ApiCall.get("/stakeholders/" + city + "/people"))
                .refuses("another organisation's administrator", ngoAdmin)
                .refuses("its own editor", cityEditor)
                .refuses("its own member", cityMember)
                .refuses("an enforcement body's administrator", policeAdmin)
                .allows("its own administrator", cityAdmin);
        matrix.operation("POST /stakeholders/{id}/people")
                .call(() -> ApiCall.post(
                        "/stakeholders/" + city + "/people",
                        "{\"email\":\"colleague-" + tag() + "@kcca.example\",\"roles\":[\"member\"]}"))
                .refuses("another organisation's administrator", ngoAdmin)
                .refuses("its own editor", cityEditor)
                .refuses("its own coordinator", cityCoordinator)
                .refuses("an enforcement body's administrator", policeAdmin)
                .allows("its own administrator", cityAdmin);
        matrix.operation("PUT /stakeholders/{id}/people/{personId}/roles")
                .call(() -> ApiCall.put(
                        "/stakeholders/" + city + "/people/" + colleague(city) + "/roles",
                        "{\"roles\":[\"org-editor\",\"member\"]}"))
                .refuses("another organisation's administrator", ngoAdmin)
                .refuses("its own editor", cityEditor)
                .refuses("an enforcement body's administrator", policeAdmin)
                .allows("a platform administrator", platform);
        matrix.operation("DELETE /stakeholders/{id}/people/{personId}")
                .call(() -> ApiCall.delete("/stakeholders/" + city + "/people/" + colleague(city)))
                .refuses("another organisation's administrator", ngoAdmin)
                .refuses("its own member", cityMember)
                .refuses("an enforcement body's administrator", policeAdmin)
                .allows("its own administrator", cityAdmin);
        matrix.operation("GET /stakeholders/{id}/people/history")
                .call(() -> ApiCall.get("/stakeholders/" + hidden + "/people/history"))
                .refuses("another organisation's administrator", ngoAdmin)
                .refuses("its own member", user("kisenyi-member-" + t, hidden, "member"))
                .refuses("an enforcement body", policeAdmin, 404)
                .allows("the organisation's administrator", hiddenAdmin);

        // an organisation's API clients (confidential clients in the realm, here the fake one)
        matrix.operation("GET /stakeholders/{id}/api-clients")
                .call(() -> ApiCall.get("/stakeholders/" + city + "/api-clients"))
                .refuses("another organisation's administrator", ngoAdmin)
                .refuses("its own editor", cityEditor)
                .refuses("its own member", cityMember)
                .refuses("an enforcement body's administrator", policeAdmin)
                .allows("its own administrator", cityAdmin);
        matrix.operation("POST /stakeholders/{id}/api-clients")
                .call(() -> ApiCall.post(
                        "/stakeholders/" + city + "/api-clients",
                        "{\"name\":\"M&E database " + tag() + "\",\"roles\":[\"org-editor\"]}"))
                .refuses("another organisation's administrator", ngoAdmin)
                .refuses("its own editor", cityEditor)
                .refuses("its own coordinator", cityCoordinator)
                .refuses("an enforcement body's administrator", policeAdmin)
                .allows("its own administrator", cityAdmin);
        matrix.operation("GET /stakeholders/{id}/api-clients/{clientId}")
                .call(() -> ApiCall.get("/stakeholders/" + city + "/api-clients/" + apiClient(city)))
                .refuses("another organisation's administrator", ngoAdmin)
                .refuses("its own member", cityMember)
                .refuses("an enforcement body's administrator", policeAdmin)
                .allows("its own administrator", cityAdmin);
        matrix.operation("POST /stakeholders/{id}/api-clients/{clientId}/secret")
                .call(() -> ApiCall.post("/stakeholders/" + city + "/api-clients/" + apiClient(city) + "/secret", null)
                        .ifMatch("\"1\""))
                .refuses("another organisation's administrator", ngoAdmin)
                .refuses("its own editor", cityEditor)
                .refuses("an enforcement body's administrator", policeAdmin)
                .allows("a platform administrator", platform);
        matrix.operation("DELETE /stakeholders/{id}/api-clients/{clientId}")
                .call(() -> ApiCall.delete("/stakeholders/" + city + "/api-clients/" + apiClient(city))
                        .ifMatch("\"1\""))
                .refuses("another organisation's administrator", ngoAdmin)
                .refuses("its own member", cityMember)
                .refuses("an enforcement body's administrator", policeAdmin)
                .allows("its own administrator", cityAdmin);
        matrix.operation("GET /stakeholders/{id}/api-clients/history")
                .call(() -> ApiCall.get("/stakeholders/" + hidden + "/api-clients/history"))
                .refuses("another organisation's administrator", ngoAdmin)
                .refuses("its own member", user("kisenyi-member-" + t, hidden, "member"))
                .refuses("an enforcement body", policeAdmin, 404)
                .allows("the organisation's administrator", hiddenAdmin);

        // forums and memberships
        String forum = forum();
        String ngoSeat = seat(forum, ngo, "MEMBER");
        String hiddenSeat = seat(forum, hidden, "ELECTED_MIGRANT_REPRESENTATIVE");
        matrix.operation("POST /forums")
                .call(() -> ApiCall.post("/forums", forumJson("Forum " + tag(), city, null, null, null)))
                .refuses("another organisation's coordinator", ngoCoordinator)
                .refuses("the convenor's member without the role", cityMember)
                .refuses("the convenor's editor", cityEditor)
                .allows("the convenor's coordinator", cityCoordinator);
        matrix.operation("GET /forums")
                .call(() -> ApiCall.get("/forums?q=" + t))
                .openToEveryMember("forums and their scope are public within the platform")
                .allows("an enforcement body", policeAdmin);
        matrix.operation("GET /forums/{id}")
                .call(() -> ApiCall.get("/forums/" + forum))
                .openToEveryMember("a forum's profile is public within the platform")
                .allows("an enforcement body", policeAdmin);
        matrix.operation("PUT /forums/{id}")
                .call(() -> ApiCall.put(
                                "/forums/" + forum,
                                forumJson("Kampala Urban Refugee Forum " + t + " (renamed)", city, null, null, null))
                        .ifMatch("\"1\""))
                .refuses("a member's coordinator", ngoCoordinator)
                .refuses("a member's administrator", ngoAdmin)
                .refuses("the convenor's member without the role", cityMember)
                .refuses("an enforcement body", policeAdmin)
                .allows("the convenor's coordinator", cityCoordinator);
        matrix.operation("POST /forums/{id}/status")
                .call(() -> ApiCall.post("/forums/" + forum + "/status", "{\"status\":\"ACTIVE\"}"))
                .refuses("a member's coordinator", ngoCoordinator)
                .refuses("the convenor's member without the role", cityMember)
                .refuses("an enforcement body", policeAdmin)
                .allows("the convenor's coordinator", cityCoordinator);
        matrix.operation("GET /forums/{id}/history")
                .call(() -> ApiCall.get("/forums/" + forum + "/history"))
                .refuses("a member", ngoAdmin)
                .refuses("an enforcement body", policeAdmin)
                .allows("the convenor's coordinator", cityCoordinator);
        matrix.operation("GET /forums/{id}/memberships")
                .call(() -> ApiCall.get("/forums/" + forum + "/memberships"))
                .openToEveryMember("who sits in a forum is public; hidden members are left out for enforcement bodies")
                .allows("an enforcement body", policeAdmin);
        matrix.operation("POST /forums/{id}/memberships")
                .call(() -> ApiCall.post(
                        "/forums/" + forum + "/memberships",
                        membershipJson(active(refugeeDepartmentJson(tag())), "OBSERVER", "2026-01-01", null)))
                .refuses("a member's coordinator", ngoCoordinator)
                .refuses("the convenor's member without the role", cityMember)
                .refuses("an enforcement body", policeAdmin)
                .allows("the convenor's coordinator", cityCoordinator);
        matrix.operation("GET /forums/{id}/memberships/{membershipId}")
                .call(() -> ApiCall.get("/forums/" + forum + "/memberships/" + hiddenSeat))
                .refuses("an enforcement body, for a hidden member's seat", policeAdmin, 404)
                .allows("another member", ngoMember);
        matrix.operation("PUT /forums/{id}/memberships/{membershipId}")
                .call(() -> ApiCall.put(
                                "/forums/" + forum + "/memberships/" + ngoSeat,
                                "{\"seat\":\"OBSERVER\",\"termStart\":\"2026-01-01\"}")
                        .ifMatch("\"1\""))
                .refuses("the member itself", ngoAdmin)
                .refuses("the convenor's member without the role", cityMember)
                .refuses("an enforcement body", policeAdmin)
                .allows("the convenor's coordinator", cityCoordinator);
        matrix.operation("POST /forums/{id}/memberships/{membershipId}/end")
                .call(() -> ApiCall.post(
                        "/forums/" + forum + "/memberships/" + seat(forum, active(policeJson(tag())), "OBSERVER")
                                + "/end",
                        null))
                .refuses("another member's administrator", ngoAdmin)
                .refuses("the convenor's member without the role", cityMember)
                .allows("the convenor's coordinator", cityCoordinator);
        matrix.operation("GET /forums/{id}/memberships/{membershipId}/history")
                .call(() -> ApiCall.get("/forums/" + forum + "/memberships/" + hiddenSeat + "/history"))
                .refuses("another member", ngoAdmin)
                .refuses("an enforcement body", policeAdmin, 404)
                .allows("the member itself", hiddenAdmin);

        // a forum's meetings, decisions, assignments and agenda proposals (the police hold no seat in this forum)
        meetingForum = forum();
        seat(meetingForum, ngo, "MEMBER");
        seat(meetingForum, hidden, "MEMBER");
        Token outsiderAdmin = user(
                "opm-admin-" + t, active(refugeeDepartmentJson(tag())), "org-admin", "forum-coordinator", "member");
        String meetings = "/forums/" + meetingForum + "/meetings";
        matrix.operation("GET /forums/{forumId}/meetings")
                .call(() -> ApiCall.get(meetings))
                .refuses("an organisation without a seat", outsiderAdmin)
                .refuses("an enforcement body without a seat", policeAdmin)
                .allows("a member", ngoMember);
        matrix.operation("POST /forums/{forumId}/meetings")
                .call(() -> ApiCall.post(meetings, meetingJson()))
                .refuses("a member's coordinator", ngoCoordinator)
                .refuses("the convenor's member without the role", cityMember)
                .refuses("the convenor's editor", cityEditor)
                .refuses("an enforcement body", policeAdmin)
                .allows("the convenor's coordinator", cityCoordinator);
        matrix.operation("GET /forums/{forumId}/meetings/{meetingId}")
                .call(() -> ApiCall.get(meetings + "/" + meeting(false)))
                .refuses("an organisation without a seat", outsiderAdmin)
                .refuses("an enforcement body without a seat", policeAdmin)
                .allows("a member", ngoMember);
        matrix.operation("PUT /forums/{forumId}/meetings/{meetingId}")
                .call(() -> ApiCall.put(meetings + "/" + meeting(false), meetingJson())
                        .ifMatch("\"1\""))
                .refuses("a member's coordinator", ngoCoordinator)
                .refuses("the convenor's member without the role", cityMember)
                .refuses("an enforcement body", policeAdmin)
                .allows("the convenor's coordinator", cityCoordinator);
        matrix.operation("PUT /forums/{forumId}/meetings/{meetingId}/attendance")
                .call(() -> ApiCall.put(
                                meetings + "/" + meeting(false) + "/attendance",
                                "{\"attendance\":[{\"stakeholderId\":\"" + ngo + "\",\"status\":\"PRESENT\"}]}")
                        .ifMatch("\"1\""))
                .refuses("a member's coordinator", ngoCoordinator)
                .refuses("the convenor's member without the role", cityMember)
                .allows("the convenor's coordinator", cityCoordinator);
        matrix.operation("PUT /forums/{forumId}/meetings/{meetingId}/minutes")
                .call(() -> ApiCall.put(
                                meetings + "/" + meeting(true) + "/minutes", "{\"minutes\":\"Agreed a pilot.\"}")
                        .ifMatch("\"2\""))
                .refuses("a member's coordinator", ngoCoordinator)
                .refuses("the convenor's member without the role", cityMember)
                .allows("the convenor's coordinator", cityCoordinator);
        matrix.operation("POST /forums/{forumId}/meetings/{meetingId}/status")
                .call(() -> ApiCall.post(meetings + "/" + meeting(false) + "/status", "{\"status\":\"HELD\"}")
                        .ifMatch("\"1\""))
                .refuses("a member's coordinator", ngoCoordinator)
                .refuses("the convenor's member without the role", cityMember)
                .refuses("an enforcement body", policeAdmin)
                .allows("the convenor's coordinator", cityCoordinator);
        matrix.operation("POST /forums/{forumId}/meetings/{meetingId}/decisions")
                .call(() -> ApiCall.post(meetings + "/" + meeting(true) + "/decisions", decisionJson(ngo)))
                .refuses("a member's coordinator", ngoCoordinator)
                .refuses("the convenor's member without the role", cityMember)
                .refuses("an enforcement body", policeAdmin)
                .allows("the convenor's coordinator", cityCoordinator);
        matrix.operation("GET /forums/{forumId}/meetings/{meetingId}/history")
                .call(() -> ApiCall.get(meetings + "/" + meeting(false) + "/history"))
                .refuses("a member's administrator", ngoAdmin)
                .refuses("the convenor's member without the role", cityMember)
                .allows("the convenor's coordinator", cityCoordinator);
        matrix.operation("GET /forums/{forumId}/decisions")
                .call(() -> ApiCall.get("/forums/" + meetingForum + "/decisions"))
                .refuses("an organisation without a seat", outsiderAdmin)
                .refuses("an enforcement body without a seat", policeAdmin)
                .allows("a member", ngoMember);
        matrix.operation("GET /forums/{forumId}/agenda-proposals")
                .call(() -> ApiCall.get("/forums/" + meetingForum + "/agenda-proposals"))
                .refuses("an organisation without a seat", outsiderAdmin)
                .refuses("an enforcement body without a seat", policeAdmin)
                .allows("a member", ngoMember);
        matrix.operation("GET /assignments")
                .call(() -> ApiCall.get("/assignments?assignee=" + ngo + "&status=OPEN"))
                .refuses("another organisation's administrator", hiddenAdmin)
                .refuses("the forum's coordinator", cityCoordinator)
                .allows("the assignee's member", ngoMember);
        matrix.operation("GET /assignments/{assignmentId}")
                .call(() -> ApiCall.get("/assignments/" + assignment(hidden)))
                .refuses("an enforcement body, for a hidden assignee", policeAdmin, 404)
                .refuses("an organisation without a seat", outsiderAdmin)
                .allows("the assignee", hiddenAdmin);
        matrix.operation("POST /assignments/{assignmentId}/acceptance")
                .call(() -> ApiCall.post(
                                "/assignments/" + assignment(ngo) + "/acceptance",
                                "{\"actionId\":\"" + UUID.randomUUID() + "\"}")
                        .ifMatch("\"1\""))
                .refuses("the forum's coordinator", cityCoordinator)
                .refuses("another member's administrator", hiddenAdmin)
                .refuses("the assignee's member without the role", ngoMember)
                .allows("the assignee's coordinator", ngoCoordinator);
        matrix.operation("POST /assignments/{assignmentId}/decline")
                .call(() -> ApiCall.post("/assignments/" + assignment(ngo) + "/decline", "{\"reason\":\"no funding\"}")
                        .ifMatch("\"1\""))
                .refuses("the forum's coordinator", cityCoordinator)
                .refuses("another member's administrator", hiddenAdmin)
                .refuses("the assignee's member without the role", ngoMember)
                .allows("the assignee's administrator", ngoAdmin);

        matrix.verify();
    }

    private String meetingForum;

    private static String meetingJson() {
        return """
                {"title":"Coordination meeting","date":"2026-11-20","agenda":[{"title":"Escorts","records":[]}]}""";
    }

    private static String decisionJson(String assignee) {
        return """
                {"text":"Escorts at the bus park","type":"ASSIGN_ACTION","method":"CONSENSUS",
                 "assignments":[{"assigneeId":"%s","expected":"Run escorts","dueOn":"2027-01-31"}]}""".formatted(assignee);
    }

    /** A fresh meeting of the meetings forum: scheduled (version 1), or held (version 2). */
    private String meeting(boolean held) {
        try {
            String id = json(
                    perform(postJson("/forums/" + meetingForum + "/meetings", meetingJson()), cityCoordinator)
                            .andExpect(status().isCreated()),
                    "$.meetingId");
            if (held) {
                perform(
                                postJson(
                                                "/forums/" + meetingForum + "/meetings/" + id + "/status",
                                                "{\"status\":\"HELD\"}")
                                        .header("If-Match", "\"1\""),
                                cityCoordinator)
                        .andExpect(status().isOk());
            }
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh open assignment of the organisation, made by a decision at a held meeting. */
    private String assignment(String assignee) {
        try {
            return json(
                    perform(
                                    postJson(
                                            "/forums/" + meetingForum + "/meetings/" + meeting(true) + "/decisions",
                                            decisionJson(assignee)),
                                    cityCoordinator)
                            .andExpect(status().isCreated()),
                    "$.assignments[0].assignmentId");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh API client of the organisation (made by a platform administrator, at version 1). */
    private String apiClient(String organisation) {
        try {
            return json(
                    perform(
                                    postJson(
                                            "/stakeholders/" + organisation + "/api-clients",
                                            "{\"name\":\"Client " + tag() + "\",\"roles\":[\"member\"]}"),
                                    platformAdmin())
                            .andExpect(status().isCreated()),
                    "$.client.id");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A colleague's account in the (fake) realm, acting for the organisation. */
    private static String colleague(String organisation) {
        return FakeRealm.instance().add("colleague-" + tag() + "@example.org", UUID.fromString(organisation), "member");
    }

    private String forum() throws Exception {
        return json(
                perform(
                                postJson(
                                        "/forums",
                                        forumJson("Kampala Urban Refugee Forum " + t, city, null, null, null)),
                                cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.id");
    }

    private String seat(String forum, String organisation, String seat) {
        try {
            return json(
                    perform(
                                    postJson(
                                            "/forums/" + forum + "/memberships",
                                            membershipJson(organisation, seat, "2026-01-01", null)),
                                    cityCoordinator)
                            .andExpect(status().isCreated()),
                    "$.id");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh organisation, registered and active, so it can take a seat. */
    private String active(String json) {
        try {
            return registerActive(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh organisation in the state the step applies to. */
    private String organisationReadyFor(String step) {
        try {
            String id = register(refugeeDepartmentJson(tag()));
            if (step.equals("verify") || step.equals("archive")) {
                return id;
            }
            perform(postStep("/stakeholders/" + id + "/verify", null), platform).andExpect(status().isOk());
            if (step.equals("activate")) {
                return id;
            }
            perform(postStep("/stakeholders/" + id + "/activate", null), platform)
                    .andExpect(status().isOk());
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
