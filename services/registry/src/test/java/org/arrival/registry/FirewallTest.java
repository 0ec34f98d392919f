package org.arrival.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.arrival.platform.testing.RecordedEvent;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Organisations hidden from enforcement bodies do not exist for them, however they ask. */
class FirewallTest extends RegistryIntegrationTest {

    private String t;
    private String city;
    private String ngo;
    private String police;
    private String hidden;
    private String forum;
    private String hiddenSeat;
    private String ngoSeat;

    @BeforeEach
    void organisations() throws Exception {
        t = tag();
        city = registerActive(cityAuthorityJson(t));
        ngo = registerActive(ngoJson(t));
        police = registerActive(policeJson(t));
        hidden = registerActive(associationJson(t, true));
        Token cityCoordinator = user("kcca-coordinator-" + t, city, "forum-coordinator");
        forum = json(
                perform(
                                postJson(
                                        "/forums",
                                        forumJson("Kampala Urban Refugee Forum " + t, city, null, null, null)),
                                cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.id");
        hiddenSeat = json(
                perform(
                                postJson(
                                        "/forums/" + forum + "/memberships",
                                        membershipJson(hidden, "ELECTED_MIGRANT_REPRESENTATIVE", "2026-01-01", null)),
                                cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.id");
        ngoSeat = json(
                perform(
                                postJson(
                                        "/forums/" + forum + "/memberships",
                                        membershipJson(ngo, "MEMBER", "2026-01-01", null)),
                                cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.id");
    }

    /** Callers for whom the hidden group does not exist: an enforcement body's staff and unknown organisations. */
    private List<Token> blind() {
        return List.of(
                user("dcic-officer-" + t, police, "member"),
                user("dcic-admin-" + t, police, "org-admin", "forum-coordinator", "org-editor", "member"),
                user("stranger-" + t, UUID.randomUUID(), "org-admin", "member"),
                user("orgless-" + t, (UUID) null, "member"));
    }

    /** Callers who see it: other organisations, the group itself, the platform. */
    private List<Token> sighted() {
        return List.of(
                user("irc-officer-" + t, ngo, "member"),
                user("kcca-officer-" + t, city, "member"),
                user("kisenyi-member-" + t, hidden, "member"),
                platformAdmin());
    }

    private List<String> stakeholderIds(Token token, String query) throws Exception {
        return json(perform(getJson("/stakeholders?" + query), token).andExpect(status().isOk()), "$.items[*].id");
    }

    private static final List<String> FILTERS = List.of(
            "",
            "&type=MIGRANT_REFUGEE_IDP_ASSOCIATION",
            "&sector=LIVELIHOODS",
            "&sector=SOCIAL_COHESION",
            "&country=UG",
            "&subdivision=UG-C",
            "&level=NEIGHBOURHOOD",
            "&status=ACTIVE",
            "&enforcementBody=false",
            "&sort=-name",
            "&size=1&page=0");

    @Test
    void theHiddenGroupIsAbsentFromEveryListingAndFilterForEnforcementBodies() throws Exception {
        for (Token token : blind()) {
            for (String filter : FILTERS) {
                assertThat(stakeholderIds(token, "q=" + t + filter)).doesNotContain(hidden);
            }
            assertThat(stakeholderIds(token, "q=" + t)).containsExactlyInAnyOrder(city, ngo, police);
            perform(getJson("/stakeholders?q=" + t), token)
                    .andExpect(jsonPath("$.totalItems").value(3));
            assertThat(stakeholderIds(token, "q=Kisenyi")).doesNotContain(hidden);
            assertThat(stakeholderIds(token, "forum=" + forum)).containsExactly(ngo);
            assertThat(stakeholderIds(token, "q=" + t + "&type=MIGRANT_REFUGEE_IDP_ASSOCIATION"))
                    .isEmpty();
        }
        for (Token token : sighted()) {
            assertThat(stakeholderIds(token, "q=" + t)).containsExactlyInAnyOrder(city, ngo, police, hidden);
            assertThat(stakeholderIds(token, "q=" + t + "&type=MIGRANT_REFUGEE_IDP_ASSOCIATION"))
                    .containsExactly(hidden);
            assertThat(stakeholderIds(token, "forum=" + forum)).containsExactlyInAnyOrder(ngo, hidden);
        }
    }

    @Test
    void theHiddenGroupCannotBeReadByIdNorItsHistory() throws Exception {
        for (Token token : blind()) {
            perform(getJson("/stakeholders/" + hidden), token)
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value("No stakeholder with id " + hidden));
            perform(getJson("/stakeholders/" + hidden + "/history"), token).andExpect(status().isNotFound());
            // the same answer as for an id that never existed
            UUID never = UUID.randomUUID();
            perform(getJson("/stakeholders/" + never), token)
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value("No stakeholder with id " + never));
            perform(getJson("/stakeholders/" + city), token).andExpect(status().isOk());
        }
        for (Token token : sighted()) {
            perform(getJson("/stakeholders/" + hidden), token)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.hiddenFromEnforcementBodies").value(true));
        }
        perform(getJson("/stakeholders/" + hidden + "/history"), user("kisenyi-admin-" + t, hidden, "org-admin"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3));
    }

    @Test
    void theHiddenGroupCannotBeChangedByAnEnforcementBody() throws Exception {
        Token policeAdmin = user("dcic-admin-" + t, police, "org-admin", "forum-coordinator");
        Token policePlatformLike = user("dcic-admin2-" + t, police, "org-admin");
        perform(putJson("/stakeholders/" + hidden, associationJson(t + " renamed", true), "\"3\""), policeAdmin)
                .andExpect(status().isNotFound());
        for (String step : List.of("verify", "activate", "suspend", "archive")) {
            perform(postStep("/stakeholders/" + hidden + "/" + step, null), policePlatformLike)
                    .andExpect(status().isNotFound());
        }
        perform(getJson("/stakeholders/" + hidden), platformAdmin())
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        awaitEvents(hidden, "StakeholderRegistered", "StakeholderVerified", "StakeholderActivated");
    }

    @Test
    void theHiddenGroupsSeatIsAbsentFromTheForumForEnforcementBodies() throws Exception {
        for (Token token : blind()) {
            assertThat((List<String>) json(
                            perform(getJson("/forums/" + forum + "/memberships"), token)
                                    .andExpect(status().isOk()),
                            "$[*].id"))
                    .containsExactly(ngoSeat);
            assertThat((List<String>) json(
                            perform(getJson("/forums/" + forum + "/memberships?includeEnded=true"), token),
                            "$[*].stakeholderId"))
                    .containsExactly(ngo);
            perform(getJson("/forums/" + forum + "/memberships/" + hiddenSeat), token)
                    .andExpect(status().isNotFound());
            perform(getJson("/forums/" + forum + "/memberships/" + hiddenSeat + "/history"), token)
                    .andExpect(status().isNotFound());
            perform(getJson("/forums/" + forum + "/memberships/" + ngoSeat), token)
                    .andExpect(status().isOk());
            perform(getJson("/forums?member=" + hidden), token)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.totalItems").value(0))
                    .andExpect(jsonPath("$.items.length()").value(0));
            perform(getJson("/forums?member=" + ngo), token)
                    .andExpect(jsonPath("$.items[0].id").value(forum));
        }
        for (Token token : sighted()) {
            assertThat((List<String>) json(perform(getJson("/forums/" + forum + "/memberships"), token), "$[*].id"))
                    .containsExactlyInAnyOrder(ngoSeat, hiddenSeat);
            perform(getJson("/forums/" + forum + "/memberships/" + hiddenSeat), token)
                    .andExpect(status().isOk());
            perform(getJson("/forums?member=" + hidden), token)
                    .andExpect(jsonPath("$.items[0].id").value(forum));
        }
    }

    @Test
    void anEnforcementBodyRunningAForumCannotSeatNorSeeTheHiddenGroup() throws Exception {
        Token policeCoordinator = user("dcic-coordinator-" + t, police, "forum-coordinator");
        String policeForum = json(
                perform(
                                postJson(
                                        "/forums",
                                        forumJson("Kampala Border Liaison Group " + t, police, null, null, null)),
                                policeCoordinator)
                        .andExpect(status().isCreated()),
                "$.id");
        perform(
                        postJson(
                                "/forums/" + policeForum + "/memberships",
                                membershipJson(hidden, "MEMBER", null, null)),
                        policeCoordinator)
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.detail").value("stakeholderId: no organisation " + hidden));
        perform(
                        postJson(
                                "/forums",
                                forumJson("Kampala Border Liaison Group II " + t, police, hidden, null, null)),
                        policeCoordinator)
                .andExpect(status().is(422));
        // managing a forum the hidden group sits in does not reveal it either
        Token cityAsPolice = user("dcic-coordinator-" + t, police, "forum-coordinator");
        perform(postStep("/forums/" + forum + "/memberships/" + hiddenSeat + "/end", null), cityAsPolice)
                .andExpect(status().isNotFound());
        perform(getJson("/forums/" + forum + "/memberships"), platformAdmin())
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void theHiddenGroupsEventsAreRestrictedAndOthersPublic() throws Exception {
        List<RecordedEvent> own =
                awaitEvents(hidden, "StakeholderRegistered", "StakeholderVerified", "StakeholderActivated");
        assertThat(own).allSatisfy(e -> {
            assertThat(e.header("ce_dataclassification")).isEqualTo("RESTRICTED");
            assertThat(e.header("ce_ownerorg")).isEqualTo(hidden);
            assertThat(e.key()).isEqualTo(hidden);
        });
        RecordedEvent seat = events.awaitExactlyOne(type("MembershipGranted"), hiddenSeat);
        assertThat(seat.header("ce_dataclassification")).isEqualTo("RESTRICTED");
        assertThat(seat.header("ce_ownerorg")).isEqualTo(city);
        assertThat(seat.key()).isEqualTo(forum);

        assertThat(events.awaitExactlyOne(type("MembershipGranted"), ngoSeat).header("ce_dataclassification"))
                .isEqualTo("PUBLIC");
        assertThat(awaitEvents(police, "StakeholderRegistered", "StakeholderVerified", "StakeholderActivated"))
                .allSatisfy(e -> assertThat(e.header("ce_dataclassification")).isEqualTo("PUBLIC"));

        // once the group stops hiding, its next event is public
        perform(
                        putJson("/stakeholders/" + hidden, associationJson(t, false), "\"3\""),
                        user("kisenyi-admin-" + t, hidden, "org-admin"))
                .andExpect(status().isOk());
        RecordedEvent unhidden = awaitEvents(
                        hidden,
                        "StakeholderRegistered",
                        "StakeholderVerified",
                        "StakeholderActivated",
                        "StakeholderUpdated")
                .get(3);
        assertThat(unhidden.header("ce_dataclassification")).isEqualTo("PUBLIC");
        perform(getJson("/stakeholders/" + hidden), user("dcic-officer-" + t, police, "member"))
                .andExpect(status().isOk());
    }

    @Test
    void onlyThePlatformSaysWhoIsAnEnforcementBody() throws Exception {
        Token policeAdmin = user("dcic-admin-" + t, police, "org-admin");
        String unflagged = policeJson(t).replace("\"enforcementBody\":true", "\"enforcementBody\":false");
        perform(putJson("/stakeholders/" + police, unflagged, "\"3\""), policeAdmin)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("enforcement body")));
        // leaving the flag out of a full replacement is an unflagging too
        perform(
                        putJson(
                                "/stakeholders/" + police,
                                unflagged.replace("\"enforcementBody\":false,", ""),
                                "\"3\""),
                        policeAdmin)
                .andExpect(status().isForbidden());
        perform(getJson("/stakeholders/" + police), policeAdmin)
                .andExpect(jsonPath("$.enforcementBody").value(true))
                .andExpect(jsonPath("$.version").value(3));
        // still blind
        perform(getJson("/stakeholders/" + hidden), policeAdmin).andExpect(status().isNotFound());
        // nor can another organisation declare itself one
        Token ngoAdmin = user("irc-admin-" + t, ngo, "org-admin");
        perform(
                        putJson(
                                "/stakeholders/" + ngo,
                                ngoJson(t).replace("\"type\"", "\"enforcementBody\":true,\"type\""),
                                "\"3\""),
                        ngoAdmin)
                .andExpect(status().isForbidden());
        // an enforcement body's administrator may still edit the rest of its profile
        perform(putJson("/stakeholders/" + police, policeJson(t).replace("DCIC-EU", "DCIC"), "\"3\""), policeAdmin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enforcementBody").value(true));
        awaitEvents(
                police, "StakeholderRegistered", "StakeholderVerified", "StakeholderActivated", "StakeholderUpdated");
        awaitEvents(ngo, "StakeholderRegistered", "StakeholderVerified", "StakeholderActivated");

        // a hidden group can never be flagged, and an enforcement body never hides
        perform(
                        putJson(
                                "/stakeholders/" + hidden,
                                associationJson(t, true).replace("\"type\"", "\"enforcementBody\":true,\"type\""),
                                "\"3\""),
                        platformAdmin())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("hiddenFromEnforcementBodies")));
        perform(
                        postJson(
                                "/stakeholders",
                                policeJson(t + " hiding")
                                        .replace(
                                                "\"enforcementBody\":true",
                                                "\"enforcementBody\":true,\"hiddenFromEnforcementBodies\":true")),
                        platformAdmin())
                .andExpect(status().isBadRequest());
        // the platform unflags it, and the unit now sees the group
        perform(putJson("/stakeholders/" + police, unflagged.replace("DCIC-EU", "DCIC"), "\"4\""), platformAdmin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enforcementBody").value(false));
        perform(getJson("/stakeholders/" + hidden), policeAdmin).andExpect(status().isOk());
        RecordedEvent unflaggedEvent = awaitEvents(
                        police,
                        "StakeholderRegistered",
                        "StakeholderVerified",
                        "StakeholderActivated",
                        "StakeholderUpdated",
                        "StakeholderUpdated")
                .get(4);
        assertThat(unflaggedEvent.payloadText()).contains("\"changedFields\":[\"enforcementBody\"]");
    }

    @Test
    void onlyInformalGroupsAndMigrantAssociationsMayHide() throws Exception {
        String t2 = tag();
        perform(
                        postJson(
                                "/stakeholders",
                                ngoJson(t2).replace("\"type\"", "\"hiddenFromEnforcementBodies\":true,\"type\"")),
                        platformAdmin())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("hiddenFromEnforcementBodies")));
        perform(getJson("/stakeholders?q=" + t2), platformAdmin())
                .andExpect(jsonPath("$.totalItems").value(0));
        perform(
                        postJson(
                                "/stakeholders",
                                ngoJson(t2)
                                        .replace("REGISTERED_LEGAL_ENTITY", "UNDISCLOSED")
                                        .replace("\"type\"", "\"hiddenFromEnforcementBodies\":true,\"type\"")),
                        platformAdmin())
                .andExpect(status().isCreated());
        perform(
                        postJson(
                                "/stakeholders",
                                associationJson(t2, true).replace("INFORMAL", "REGISTERED_LEGAL_ENTITY")),
                        platformAdmin())
                .andExpect(status().isCreated());
        perform(getJson("/stakeholders?q=" + t2), user("dcic-officer-" + t, police, "member"))
                .andExpect(jsonPath("$.totalItems").value(0));
        perform(getJson("/stakeholders?q=" + t2), user("irc-officer-" + t, ngo, "member"))
                .andExpect(jsonPath("$.totalItems").value(2));
    }

    @Test
    void aHiddenGroupCannotHoldAForumRoleThatEveryMemberSees() throws Exception {
        Token cityCoordinator = user("kcca-coordinator-" + t, city, "forum-coordinator");
        for (String body : List.of(
                forumJson("Hidden chair " + t, city, hidden, null, null),
                forumJson("Hidden secretariat " + t, city, null, hidden, null))) {
            perform(postJson("/forums", body), cityCoordinator)
                    .andExpect(status().is(422))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                            .value(org.hamcrest.Matchers.containsString("hidden from enforcement bodies")));
        }
        perform(
                        postJson("/forums", forumJson("Hidden convenor " + t, hidden, null, null, null)),
                        user("kisenyi-admin-" + t, hidden, "org-admin"))
                .andExpect(status().is(422));
        org.assertj.core.api.Assertions.assertThat(json(
                                perform(getJson("/forums?q=Hidden&size=200"), platformAdmin())
                                        .andExpect(status().isOk()),
                                "$.items[*].name")
                        .toString())
                .doesNotContain(t);
    }
}
