package org.arrival.registry.forums;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.arrival.platform.testing.RecordedEvent;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ForumAndMembershipTest extends RegistryIntegrationTest {

    private String t;
    private String city;
    private String department;
    private String ngo;
    private String association;
    private Token cityCoordinator;
    private Token departmentCoordinator;
    private Token ngoAdmin;
    private Token associationAdmin;

    @BeforeEach
    void organisations() throws Exception {
        t = tag();
        city = registerActive(cityAuthorityJson(t));
        department = registerActive(refugeeDepartmentJson(t));
        ngo = registerActive(ngoJson(t));
        association = registerActive(associationJson(t, false));
        cityCoordinator = user("kcca-coordinator-" + t, city, "forum-coordinator", "member");
        departmentCoordinator = user("opm-coordinator-" + t, department, "forum-coordinator", "member");
        ngoAdmin = user("irc-admin-" + t, ngo, "org-admin", "member");
        associationAdmin = user("kisenyi-admin-" + t, association, "org-admin", "member");
    }

    /** A forum convened by the city, chaired by the department, with the NGO as secretariat. */
    private String kampalaForum(String parent) throws Exception {
        return json(
                perform(
                                postJson(
                                        "/forums",
                                        forumJson("Kampala Urban Refugee Forum " + t, city, department, ngo, parent)),
                                cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.id");
    }

    private String nationalBoard() throws Exception {
        return json(
                perform(
                                postJson(
                                        "/forums",
                                        forumJson("Uganda Refugee Response Board " + t, department, null, null, null)
                                                .replace("COORDINATION_FORUM", "NATIONAL_BOARD")),
                                platformAdmin())
                        .andExpect(status().isCreated()),
                "$.id");
    }

    private String grant(String forum, String member, Token by) throws Exception {
        return json(
                perform(
                                postJson(
                                        "/forums/" + forum + "/memberships",
                                        membershipJson(member, "MEMBER", "2026-01-01", "2027-12-31")),
                                by)
                        .andExpect(status().isCreated()),
                "$.id");
    }

    @Test
    void theCityEstablishesAForumUnderTheNationalBoard() throws Exception {
        String board = nationalBoard();
        ResultActions created = perform(
                        postJson(
                                "/forums", forumJson("Kampala Urban Refugee Forum " + t, city, department, ngo, board)),
                        cityCoordinator)
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("ESTABLISHED"))
                .andExpect(jsonPath("$.parentForumId").value(board))
                .andExpect(jsonPath("$.convenorId").value(city))
                .andExpect(jsonPath("$.thematicScope.sectors[0]").value("RECEPTION"))
                .andExpect(jsonPath("$.thematicScope.populationGroups[1]").value("URBAN_DISPLACED"))
                .andExpect(jsonPath("$.thematicScope.mandate")
                        .value("Coordinate the reception of urban refugees in Kampala"))
                .andExpect(jsonPath("$.thematicScope.languages[2]").value("sw"))
                .andExpect(jsonPath("$.geographicScope.subdivision").value("UG-C"));
        String forum = json(created, "$.id");
        perform(
                        postJson(
                                "/forums",
                                forumJson("Kampala Health Working Group " + t, city, null, null, null)
                                        .replace("\"lg\"", "\"Luganda\"")),
                        cityCoordinator)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("thematicScope.languages[1]"));
        assertThat(created.andReturn().getResponse().getHeader("Location")).endsWith("/forums/" + forum);

        RecordedEvent established = events.awaitExactlyOne(type("ForumEstablished"), forum);
        assertThat(established.key()).isEqualTo(forum);
        assertThat(established.topic()).isEqualTo(FORUMS);
        assertThat(established.header("ce_ownerorg")).isEqualTo(city);
        assertThat(established.header("ce_dataclassification")).isEqualTo("PUBLIC");
        RecordedEvent boardEvent = events.awaitExactlyOne(type("ForumEstablished"), board);
        assertThat(boardEvent.header("ce_ownerorg")).isEqualTo(department);

        var reader = user("reader-" + t, association, "member");
        perform(getJson("/forums/" + forum), reader)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Kampala Urban Refugee Forum " + t));
        assertThat((List<String>) json(perform(getJson("/forums?parent=" + board), reader), "$.items[*].id"))
                .containsExactly(forum);
        assertThat((List<String>)
                        json(perform(getJson("/forums?q=" + t + "&type=NATIONAL_BOARD"), reader), "$.items[*].id"))
                .containsExactly(board);
        assertThat((List<String>) json(
                        perform(getJson("/forums?q=" + t + "&group=URBAN_DISPLACED&subdivision=UG-C"), reader),
                        "$.items[*].id"))
                .containsExactlyInAnyOrder(forum, board);

        // the chair's coordinator edits it and moves it on
        String renamed = forumJson("Kampala Urban Refugee Coordination Forum " + t, city, department, ngo, board);
        perform(putJson("/forums/" + forum, renamed, "\"1\""), departmentCoordinator)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(header().string("ETag", "\"2\""));
        perform(
                        postJson(
                                        "/forums/" + forum + "/status",
                                        "{\"status\":\"ACTIVE\",\"reason\":\"first meeting held\"}")
                                .header("If-Match", "\"2\""),
                        ngoAdmin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.version").value(3));
        List<RecordedEvent> all = awaitEvents(forum, "ForumEstablished", "ForumUpdated", "ForumUpdated");
        assertThat(all).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo(forum);
            assertThat(e.header("ce_ownerorg")).isEqualTo(city);
        });
        assertThat(all.get(1).payloadText()).contains("\"changedFields\":[\"name\"]");
        assertThat(all.get(2).payloadText()).contains("first meeting held").contains("\"status\":\"ACTIVE\"");

        perform(getJson("/forums/" + forum + "/history"), cityCoordinator)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[1].changedFields[0]").value("name"))
                .andExpect(jsonPath("$[2].reason").value("first meeting held"));
        perform(getJson("/forums/" + forum + "/history"), associationAdmin).andExpect(status().isForbidden());
    }

    @Test
    void membershipsAreGrantedChangedAndEndedEachWithOneEventKeyedByTheForum() throws Exception {
        String forum = kampalaForum(null);
        ResultActions granted = perform(
                        postJson(
                                "/forums/" + forum + "/memberships",
                                membershipJson(association, "MEMBER", "2026-01-01", "2027-12-31")),
                        cityCoordinator)
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.forumId").value(forum))
                .andExpect(jsonPath("$.termEnd").value("2027-12-31"));
        String membership = json(granted, "$.id");
        assertThat(granted.andReturn().getResponse().getHeader("Location"))
                .endsWith("/forums/" + forum + "/memberships/" + membership);
        RecordedEvent grantedEvent = events.awaitExactlyOne(type("MembershipGranted"), membership);
        assertThat(grantedEvent.key()).isEqualTo(forum);
        assertThat(grantedEvent.topic()).isEqualTo(FORUMS);
        assertThat(grantedEvent.header("ce_ownerorg")).isEqualTo(city);

        var reader = user("reader-" + t, ngo, "member");
        assertThat((List<String>) json(perform(getJson("/stakeholders?forum=" + forum), reader), "$.items[*].id"))
                .containsExactly(association);
        assertThat((List<String>) json(perform(getJson("/forums?member=" + association), reader), "$.items[*].id"))
                .containsExactly(forum);
        perform(getJson("/forums/" + forum + "/memberships/" + membership), reader)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seat").value("MEMBER"));

        perform(
                        putJson(
                                "/forums/" + forum + "/memberships/" + membership,
                                "{\"seat\":\"ELECTED_MIGRANT_REPRESENTATIVE\",\"termStart\":\"2026-01-01\",\"termEnd\":\"2028-06-30\"}",
                                "\"1\""),
                        departmentCoordinator)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.seat").value("ELECTED_MIGRANT_REPRESENTATIVE"));
        perform(
                        postStep("/forums/" + forum + "/memberships/" + membership + "/end", "\"2\"")
                                .contentType("application/json")
                                .content("{\"reason\":\"term handed over\"}"),
                        cityCoordinator)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENDED"))
                .andExpect(jsonPath("$.version").value(3));
        perform(postStep("/forums/" + forum + "/memberships/" + membership + "/end", null), cityCoordinator)
                .andExpect(status().isConflict());
        perform(
                        putJson("/forums/" + forum + "/memberships/" + membership, "{\"seat\":\"MEMBER\"}", "\"3\""),
                        cityCoordinator)
                .andExpect(status().isConflict());

        List<RecordedEvent> all = awaitEvents(membership, "MembershipGranted", "MembershipChanged", "MembershipEnded");
        assertThat(all).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo(forum);
            assertThat(e.header("ce_ownerorg")).isEqualTo(city);
        });
        assertThat(all.get(1).payloadText()).contains("\"changedFields\":[\"seat\",\"termEnd\"]");
        assertThat(all.get(2).payloadText()).contains("term handed over");

        assertThat((List<String>) json(perform(getJson("/stakeholders?forum=" + forum), reader), "$.items[*].id"))
                .isEmpty();
        assertThat((List<String>) json(perform(getJson("/forums/" + forum + "/memberships"), reader), "$[*].id"))
                .isEmpty();
        assertThat((List<String>) json(
                        perform(getJson("/forums/" + forum + "/memberships?includeEnded=true"), reader), "$[*].id"))
                .containsExactly(membership);
        // the organisation may take a seat again once the old one ended
        grant(forum, association, cityCoordinator);
    }

    @Test
    void aSecondActiveSeatAndATermEndingBeforeItStartsAreRefused() throws Exception {
        String forum = kampalaForum(null);
        String membership = grant(forum, association, cityCoordinator);
        perform(
                        postJson(
                                "/forums/" + forum + "/memberships",
                                membershipJson(association, "OBSERVER", null, null)),
                        cityCoordinator)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("active seat")));
        perform(
                        postJson(
                                "/forums/" + forum + "/memberships",
                                membershipJson(ngo, "MEMBER", "2026-06-01", "2026-05-31")),
                        cityCoordinator)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("termEnd")));
        perform(
                        putJson(
                                "/forums/" + forum + "/memberships/" + membership,
                                "{\"seat\":\"MEMBER\",\"termStart\":\"2026-06-01\",\"termEnd\":\"2026-05-31\"}",
                                "\"1\""),
                        cityCoordinator)
                .andExpect(status().isBadRequest());
        perform(
                        putJson("/forums/" + forum + "/memberships/" + membership, "{\"seat\":\"MEMBER\"}", null),
                        cityCoordinator)
                .andExpect(status().isPreconditionRequired());
        perform(
                        putJson("/forums/" + forum + "/memberships/" + membership, "{\"seat\":\"OBSERVER\"}", "\"5\""),
                        cityCoordinator)
                .andExpect(status().isPreconditionFailed());
        perform(getJson("/forums/" + forum + "/memberships"), cityCoordinator)
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].seat").value("MEMBER"));
        awaitEvents(membership, "MembershipGranted");
        perform(getJson("/stakeholders?forum=" + forum), cityCoordinator)
                .andExpect(jsonPath("$.totalItems").value(1));
    }

    @Test
    void theMemberOrganisationMayLeaveButNotRemoveOthers() throws Exception {
        String forum = kampalaForum(null);
        String associationSeat = grant(forum, association, cityCoordinator);
        String councilSeat = grant(forum, registerActive(associationJson(t + " Nakivale", false)), cityCoordinator);
        // a member's ordinary members and another member's administrators may not end the seat
        perform(
                        postStep("/forums/" + forum + "/memberships/" + associationSeat + "/end", null),
                        user("kisenyi-member-" + t, association, "member"))
                .andExpect(status().isForbidden());
        perform(
                        postStep("/forums/" + forum + "/memberships/" + associationSeat + "/end", null),
                        user("kisenyi-coordinator-" + t, association, "forum-coordinator"))
                .andExpect(status().isForbidden());
        perform(postStep("/forums/" + forum + "/memberships/" + councilSeat + "/end", null), associationAdmin)
                .andExpect(status().isForbidden());
        // nor change its own seat
        perform(
                        putJson(
                                "/forums/" + forum + "/memberships/" + associationSeat,
                                "{\"seat\":\"CHAIR\"}",
                                "\"1\""),
                        associationAdmin)
                .andExpect(status().isForbidden());

        perform(
                        postStep("/forums/" + forum + "/memberships/" + associationSeat + "/end", "\"1\"")
                                .contentType("application/json")
                                .content("{\"reason\":\"leaving the forum\"}"),
                        associationAdmin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENDED"));
        RecordedEvent ended = awaitEvents(associationSeat, "MembershipGranted", "MembershipEnded")
                .get(1);
        assertThat(ended.key()).isEqualTo(forum);
        assertThat(ended.payloadText()).contains("leaving the forum");
        awaitEvents(councilSeat, "MembershipGranted");
    }

    @Test
    void onlyTheConvenorOrThePlatformEstablishes() throws Exception {
        String body = forumJson("Kampala Health Working Group " + t, city, null, null, null);
        for (Token token : List.of(
                ngoAdmin,
                user("opm-admin-" + t, department, "org-admin"),
                user("kcca-member-" + t, city, "member"),
                user("kcca-editor-" + t, city, "org-editor"))) {
            perform(postJson("/forums", body), token)
                    .andExpect(status().isForbidden())
                    .andExpect(header().string("Content-Type", "application/problem+json"));
        }
        perform(postJson("/forums", body), null).andExpect(status().isUnauthorized());
        perform(getJson("/forums?q=Kampala Health Working Group " + t), platformAdmin())
                .andExpect(jsonPath("$.totalItems").value(0));
        perform(postJson("/forums", body), user("kcca-admin-" + t, city, "org-admin"))
                .andExpect(status().isCreated());
        perform(postJson("/forums", body.replace("Health", "Housing")), platformAdmin())
                .andExpect(status().isCreated());
        perform(getJson("/forums?q=" + t), platformAdmin())
                .andExpect(jsonPath("$.totalItems").value(2));
    }

    @Test
    void onlyTheForumsManagersRunIt() throws Exception {
        String forum = kampalaForum(null);
        String membership = grant(forum, association, departmentCoordinator);
        String extra = registerActive(ngoJson(t + " Windle"));
        // the association is a member; its coordinator and administrator are not managers
        Token memberCoordinator = user("kisenyi-coordinator-" + t, association, "forum-coordinator", "member");
        Token cityEditor = user("kcca-editor-" + t, city, "org-editor", "member");
        Token cityMember = user("kcca-member-" + t, city, "member");
        String edited = forumJson("Renamed " + t, city, department, ngo, null);
        for (Token token : List.of(memberCoordinator, associationAdmin, cityEditor, cityMember)) {
            for (MockHttpServletRequestBuilder request : List.of(
                    putJson("/forums/" + forum, edited, "\"1\""),
                    postJson("/forums/" + forum + "/status", "{\"status\":\"ACTIVE\"}"),
                    postJson("/forums/" + forum + "/memberships", membershipJson(extra, "OBSERVER", null, null)),
                    putJson("/forums/" + forum + "/memberships/" + membership, "{\"seat\":\"OBSERVER\"}", "\"1\""))) {
                perform(request, token)
                        .andExpect(status().isForbidden())
                        .andExpect(header().string("Content-Type", "application/problem+json"));
            }
        }
        // the history is for the managing organisations (any of their staff) and the platform
        for (Token token : List.of(memberCoordinator, associationAdmin)) {
            perform(getJson("/forums/" + forum + "/history"), token).andExpect(status().isForbidden());
        }
        perform(getJson("/forums/" + forum + "/history"), cityMember).andExpect(status().isOk());
        for (Token token : List.of(memberCoordinator, cityEditor, cityMember)) {
            perform(postStep("/forums/" + forum + "/memberships/" + membership + "/end", null), token)
                    .andExpect(status().isForbidden());
        }
        perform(getJson("/forums/" + forum), cityMember)
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.status").value("ESTABLISHED"));
        perform(getJson("/forums/" + forum + "/memberships"), cityMember)
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].version").value(1));
        awaitEvents(forum, "ForumEstablished");
        awaitEvents(membership, "MembershipGranted");

        // every manager: convenor, chair, secretariat (coordinators or administrators) and the platform
        perform(
                        putJson("/forums/" + forum + "/memberships/" + membership, "{\"seat\":\"OBSERVER\"}", "\"1\""),
                        ngoAdmin)
                .andExpect(status().isOk());
        perform(
                        putJson("/forums/" + forum + "/memberships/" + membership, "{\"seat\":\"MEMBER\"}", "\"2\""),
                        user("kcca-admin-" + t, city, "org-admin"))
                .andExpect(status().isOk());
        perform(postJson("/forums/" + forum + "/status", "{\"status\":\"ACTIVE\"}"), platformAdmin())
                .andExpect(status().isOk());
        awaitEvents(membership, "MembershipGranted", "MembershipChanged", "MembershipChanged");
        awaitEvents(forum, "ForumEstablished", "ForumUpdated");
    }

    @Test
    void everyForumEndpointNeedsATokenAndKnowsUnknownIds() throws Exception {
        String forum = kampalaForum(null);
        String membership = grant(forum, association, cityCoordinator);
        String unknown = UUID.randomUUID().toString();
        java.util.function.BiFunction<String, String, List<MockHttpServletRequestBuilder>> endpoints =
                (f, m) -> List.of(
                        getJson("/forums"),
                        postJson("/forums", forumJson("Kampala Forum " + t, city, null, null, null)),
                        getJson("/forums/" + f),
                        putJson("/forums/" + f, forumJson("Kampala Forum " + t, city, null, null, null), "\"1\""),
                        postJson("/forums/" + f + "/status", "{\"status\":\"ACTIVE\"}"),
                        getJson("/forums/" + f + "/history"),
                        getJson("/forums/" + f + "/memberships"),
                        postJson("/forums/" + f + "/memberships", membershipJson(ngo, "MEMBER", null, null)),
                        getJson("/forums/" + f + "/memberships/" + m),
                        putJson("/forums/" + f + "/memberships/" + m, "{\"seat\":\"OBSERVER\"}", "\"1\""),
                        postStep("/forums/" + f + "/memberships/" + m + "/end", null),
                        getJson("/forums/" + f + "/memberships/" + m + "/history"));
        Token expired = user("kcca-coordinator-" + t, city, "forum-coordinator", "platform-admin")
                .expiresAt(java.time.Instant.now().minusSeconds(300));
        for (Token token : java.util.Arrays.asList(null, expired)) {
            for (MockHttpServletRequestBuilder request : endpoints.apply(forum, membership)) {
                perform(request, token).andExpect(status().isUnauthorized());
            }
        }
        // unknown forum, and unknown membership of a known forum
        List<MockHttpServletRequestBuilder> unknownForum =
                endpoints.apply(unknown, membership).subList(2, 12);
        List<MockHttpServletRequestBuilder> unknownMembership =
                endpoints.apply(forum, unknown).subList(8, 12);
        for (MockHttpServletRequestBuilder request : concat(unknownForum, unknownMembership)) {
            perform(request, platformAdmin())
                    .andExpect(status().isNotFound())
                    .andExpect(header().string("Content-Type", "application/problem+json"));
        }
        // a membership is only found under its own forum
        String other = kampalaForum(null);
        perform(getJson("/forums/" + other + "/memberships/" + membership), platformAdmin())
                .andExpect(status().isNotFound());
        perform(getJson("/forums?q=Kampala Forum " + t), platformAdmin())
                .andExpect(jsonPath("$.totalItems").value(0));
        awaitEvents(forum, "ForumEstablished");
        awaitEvents(membership, "MembershipGranted");
        perform(getJson("/forums/" + forum + "/memberships/" + membership + "/history"), associationAdmin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].change").value("MembershipGranted"));
        perform(getJson("/forums/" + forum + "/memberships/" + membership + "/history"), ngoAdmin)
                .andExpect(status().isOk());
        perform(
                        getJson("/forums/" + forum + "/memberships/" + membership + "/history"),
                        user("opm-member-" + t, UUID.randomUUID(), "member"))
                .andExpect(status().isForbidden());
    }

    @Test
    void referencesMustExistAndBeAbleToTakePart() throws Exception {
        String unknown = UUID.randomUUID().toString();
        Token admin = platformAdmin();
        String suspended = registerActive(ngoJson(t + " suspended"));
        perform(postStep("/stakeholders/" + suspended + "/suspend", null), admin)
                .andExpect(status().isOk());
        String archived = register(ngoJson(t + " archived"));
        perform(postStep("/stakeholders/" + archived + "/archive", null), admin).andExpect(status().isOk());
        String dissolved = kampalaForum(null);
        perform(postJson("/forums/" + dissolved + "/status", "{\"status\":\"DISSOLVED\"}"), admin)
                .andExpect(status().isOk());

        record Case(String field, String body) {}
        String name = "Kampala Livelihoods Working Group " + t;
        for (Case c : List.of(
                new Case("convenorId", forumJson(name, unknown, null, null, null)),
                new Case("convenorId", forumJson(name, suspended, null, null, null)),
                new Case("chairId", forumJson(name, city, unknown, null, null)),
                new Case("chairId", forumJson(name, city, archived, null, null)),
                new Case("secretariatId", forumJson(name, city, null, unknown, null)),
                new Case("secretariatId", forumJson(name, city, null, suspended, null)),
                new Case("parentForumId", forumJson(name, city, null, null, unknown)),
                new Case("parentForumId", forumJson(name, city, null, null, dissolved)))) {
            perform(postJson("/forums", c.body()), admin)
                    .andExpect(status().is(422))
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(c.field())));
        }
        perform(getJson("/forums?q=" + name), admin)
                .andExpect(jsonPath("$.totalItems").value(0));

        String forum = kampalaForum(null);
        for (String member : List.of(unknown, suspended, archived)) {
            perform(
                            postJson("/forums/" + forum + "/memberships", membershipJson(member, "MEMBER", null, null)),
                            cityCoordinator)
                    .andExpect(status().is(422))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("stakeholderId")));
        }
        perform(postJson("/forums/" + unknown + "/memberships", membershipJson(ngo, "MEMBER", null, null)), admin)
                .andExpect(status().isNotFound());
        perform(
                        putJson(
                                "/forums/" + forum,
                                forumJson("Kampala Urban Refugee Forum " + t, city, unknown, ngo, null),
                                "\"1\""),
                        cityCoordinator)
                .andExpect(status().is(422));
        perform(getJson("/forums/" + forum + "/memberships"), admin)
                .andExpect(jsonPath("$.length()").value(0));
        perform(getJson("/forums/" + forum), admin)
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.chairId").value(department));
        awaitEvents(forum, "ForumEstablished");
    }

    @Test
    void aForumCannotBecomeItsOwnAncestor() throws Exception {
        String b = kampalaForum(null);
        String a = json(
                perform(
                                postJson(
                                        "/forums", forumJson("Kampala Health Working Group " + t, city, null, null, b)),
                                cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.id");
        String c = json(
                perform(
                                postJson("/forums", forumJson("Kampala Clinics Task Team " + t, city, null, null, a)),
                                cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.id");
        // B under A: A's parent is B
        perform(
                        putJson(
                                "/forums/" + b,
                                forumJson("Kampala Urban Refugee Forum " + t, city, department, ngo, a),
                                "\"1\""),
                        cityCoordinator)
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("parentForumId")));
        // B under C: C -> A -> B
        perform(
                        putJson(
                                "/forums/" + b,
                                forumJson("Kampala Urban Refugee Forum " + t, city, department, ngo, c),
                                "\"1\""),
                        cityCoordinator)
                .andExpect(status().is(422));
        // B under itself
        perform(
                        putJson(
                                "/forums/" + b,
                                forumJson("Kampala Urban Refugee Forum " + t, city, department, ngo, b),
                                "\"1\""),
                        cityCoordinator)
                .andExpect(status().isBadRequest());
        perform(getJson("/forums/" + b), cityCoordinator)
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.parentForumId").doesNotExist());
        awaitEvents(b, "ForumEstablished");
        // moving a sibling is fine
        String board = nationalBoard();
        perform(
                        putJson(
                                "/forums/" + b,
                                forumJson("Kampala Urban Refugee Forum " + t, city, department, ngo, board),
                                "\"1\""),
                        cityCoordinator)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentForumId").value(board));
    }

    @Test
    void aDissolvedForumTakesNoMembersAndNoEdits() throws Exception {
        String forum = kampalaForum(null);
        String membership = grant(forum, association, cityCoordinator);
        perform(postJson("/forums/" + forum + "/status", "{\"status\":\"DORMANT\"}"), cityCoordinator)
                .andExpect(status().isConflict());
        perform(
                        postJson("/forums/" + forum + "/status", "{\"status\":\"DISSOLVED\",\"reason\":\"merged\"}")
                                .header("If-Match", "\"1\""),
                        cityCoordinator)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISSOLVED"))
                .andExpect(jsonPath("$.version").value(2));
        perform(
                        postJson("/forums/" + forum + "/memberships", membershipJson(ngo, "MEMBER", null, null)),
                        cityCoordinator)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("dissolved")));
        perform(
                        putJson(
                                "/forums/" + forum,
                                forumJson("Kampala Urban Refugee Forum (renamed) " + t, city, department, ngo, null),
                                "\"2\""),
                        cityCoordinator)
                .andExpect(status().isConflict());
        perform(postJson("/forums/" + forum + "/status", "{\"status\":\"ACTIVE\"}"), cityCoordinator)
                .andExpect(status().isConflict());
        perform(putJson("/forums/" + forum, forumJson("X " + t, city, null, null, null), null), cityCoordinator)
                .andExpect(status().isPreconditionRequired());
        perform(getJson("/forums/" + forum), cityCoordinator)
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.name").value("Kampala Urban Refugee Forum " + t));
        perform(
                        putJson(
                                "/forums/" + forum + "/memberships/" + membership,
                                "{\"seat\":\"OBSERVER\",\"termStart\":null,\"termEnd\":null}",
                                "\"1\""),
                        cityCoordinator)
                .andExpect(status().isConflict());
        perform(getJson("/forums/" + forum + "/memberships"), cityCoordinator)
                .andExpect(jsonPath("$.length()").value(1));
        awaitEvents(forum, "ForumEstablished", "ForumUpdated");
        awaitEvents(membership, "MembershipGranted");
    }

    @Test
    void forumUpdatesNeedACurrentETag() throws Exception {
        String forum = kampalaForum(null);
        String body = forumJson("Kampala Urban Refugee Forum II " + t, city, department, ngo, null);
        perform(putJson("/forums/" + forum, body, null), cityCoordinator).andExpect(status().isPreconditionRequired());
        perform(putJson("/forums/" + forum, body, "\"2\""), cityCoordinator).andExpect(status().isPreconditionFailed());
        perform(
                        postJson("/forums/" + forum + "/status", "{\"status\":\"ACTIVE\"}")
                                .header("If-Match", "\"9\""),
                        cityCoordinator)
                .andExpect(status().isPreconditionFailed());
        perform(putJson("/forums/" + forum, body, "\"1\""), cityCoordinator).andExpect(status().isOk());
        perform(putJson("/forums/" + forum, body.replace("II", "III"), "\"1\""), cityCoordinator)
                .andExpect(status().isPreconditionFailed());
        awaitEvents(forum, "ForumEstablished", "ForumUpdated");
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
