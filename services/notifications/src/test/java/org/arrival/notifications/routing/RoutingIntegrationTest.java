package org.arrival.notifications.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Contribution;
import org.arrival.contracts.actionplans.ContributionKind;
import org.arrival.contracts.actionplans.ContributionMade;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlag;
import org.arrival.contracts.forum.CoherenceFlagRaised;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Events published on the real broker become notifications, e-mails, digest items and webhook calls for exactly
 * the recipients the filters, the default rules and the firewall allow, once however often they are delivered.
 */
class RoutingIntegrationTest extends RoutingTestSupport {

    private UUID forum;
    private UUID city;
    private UUID ngo;
    private UUID outsider;
    private UUID police;
    private UUID hiddenGroup;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        ngo = organisation("Refugee Law Project", "LOCAL_NGO_CSO", false, false);
        outsider = organisation("NGO outside the forum", "LOCAL_NGO_CSO", false, false);
        police = organisation("Uganda Police Force", "NATIONAL_GOVERNMENT_BODY", true, false);
        hiddenGroup = organisation("Undocumented migrants' collective", "INFORMAL_COMMUNITY_GROUP", false, true);
        seat(forum, city);
        seat(forum, ngo);
        seat(forum, police);
        seat(forum, hiddenGroup);
    }

    @Test
    void forumMembersHearOfNewCommitmentsSharedWithTheirForumAndTheRecordBecomesKnown() {
        UUID action = UUID.randomUUID();
        String eventId = propose(action, city, "Multilingual referral desks", List.of(forum), DataClassification.FORUM);

        assertThat(notifications(eventId, ngo)).isEqualTo(1);
        assertThat(notifications(eventId, police)).isEqualTo(1);
        assertThat(notifications(eventId, city))
                .as("the proposer knows already")
                .isZero();
        assertThat(notifications(eventId, outsider)).isZero();
        Map<String, Object> n =
                jdbc.queryForMap("SELECT * FROM notification WHERE event_id = ? AND recipient_org = ?", eventId, ngo);
        assertThat(n.get("title")).isEqualTo("Kampala Capital City Authority proposed “Multilingual referral desks”");
        // and what it says in no language, for readers of other languages
        assertThat(n.get("code")).isEqualTo("ActionProposed");
        assertThat(json(String.valueOf(n.get("parameters"))).properties())
                .extracting(Map.Entry::getKey)
                .contains("organisation", "title", "kind", "text");
        assertThat(n.get("link")).isEqualTo("http://127.0.0.1:8080/actions/" + action);
        assertThat(n.get("recipient_user")).isNull();
        Map<String, Object> known = jdbc.queryForMap(
                "SELECT kind, owner_id, classification, title, array_to_string(sectors, ',') AS sectors,"
                        + " array_to_string(subdivisions, ',') AS subdivisions, shared_with_forums[1] AS forum"
                        + " FROM known_record WHERE id = ?",
                action);
        assertThat(known)
                .containsEntry("kind", "ACTION")
                .containsEntry("owner_id", city)
                .containsEntry("classification", "FORUM")
                .containsEntry("title", "Multilingual referral desks")
                .containsEntry("sectors", "RECEPTION,HEALTH")
                .containsEntry("subdivisions", "UG-C")
                .containsEntry("forum", forum);
    }

    @Test
    void matchingSubscriptionsAreToldOnceEvenWhenTheEventIsDeliveredTwice() throws Exception {
        UUID action = UUID.randomUUID();
        propose(action, city, "Multilingual referral desks", List.of(forum), DataClassification.FORUM);
        Token ngoUser = user("ngo-officer-" + UUID.randomUUID(), ngo, "member");
        Token outsiderUser = user("outsider-" + UUID.randomUUID(), outsider, "member");
        UUID inApp = subscribe(ngoUser, """
                {"channel":"IN_APP","filter":{"records":["%s"],"eventTypes":["ProgressReported"]}}""".formatted(action));
        UUID mail = subscribe(ngoUser, """
                {"channel":"EMAIL","address":"officer@rlp.example.org","filter":{"sectors":["HEALTH"],"areas":["UG-C"]}}""");
        UUID digest = subscribe(ngoUser, """
                {"channel":"EMAIL","address":"digest@rlp.example.org","frequency":"DAILY_DIGEST","filter":{"forums":["%s"]}}""".formatted(forum));
        UUID notMatching = subscribe(ngoUser, """
                {"channel":"EMAIL","address":"other@rlp.example.org","filter":{"sectors":["EDUCATION"]}}""");
        subscribe(outsiderUser, "{\"channel\":\"IN_APP\"}");
        UUID hook = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO webhook (id, version, owner_org, url, secret, event_types, created_at, created_by, updated_at, updated_by)
                VALUES (?, 1, ?, 'https://hooks.rlp.example.org/arrival', 's3cret', '{ProgressReported}', now(), 't', now(), 't')""", hook, ngo);
        UUID otherTypesHook = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO webhook (id, version, owner_org, url, secret, event_types, created_at, created_by, updated_at, updated_by)
                VALUES (?, 1, ?, 'https://hooks.rlp.example.org/other', 's3cret', '{org.arrival.actionplans.ActionUpdated.v1}', now(), 't', now(), 't')""", otherTypesHook, ngo);

        String eventId = UUID.randomUUID().toString();
        feed.publish(
                report(action, city, 40, Rag.AMBER),
                UUID.randomUUID(),
                action,
                city,
                DataClassification.FORUM,
                eventId);
        awaitHandled(eventId);
        feed.publish(
                report(action, city, 40, Rag.AMBER),
                UUID.randomUUID(),
                action,
                city,
                DataClassification.FORUM,
                eventId);
        Thread.sleep(1500);

        List<Map<String, Object>> told = jdbc.queryForList("SELECT * FROM notification WHERE event_id = ?", eventId);
        assertThat(told)
                .filteredOn(n -> ngo.equals(n.get("recipient_org")))
                .hasSize(1)
                .first()
                .satisfies(n -> {
                    assertThat(n.get("recipient_user")).isEqualTo(ngoUser.subject());
                    assertThat(n.get("subscription_id")).isEqualTo(inApp);
                    assertThat(n.get("title"))
                            .isEqualTo(
                                    "Kampala Capital City Authority reported 40% progress on “Multilingual referral desks”");
                    assertThat(n.get("body")).isEqualTo("Rating: At risk.\nTwo of five desks are open.");
                    assertThat(n.get("code")).isEqualTo("ProgressReported");
                });
        assertThat(told).noneMatch(n -> outsider.equals(n.get("recipient_org")));

        List<Map<String, Object>> deliveries = jdbc.queryForList("SELECT * FROM delivery WHERE event_id = ?", eventId);
        assertThat(deliveries)
                .filteredOn(d -> "EMAIL".equals(d.get("channel")))
                .hasSize(1)
                .first()
                .satisfies(d -> {
                    assertThat(d.get("subscription_id")).isEqualTo(mail);
                    assertThat(d.get("target")).isEqualTo("officer@rlp.example.org");
                    assertThat(d.get("status")).isEqualTo("PENDING");
                    assertThat(d.get("subject"))
                            .isEqualTo(told.stream()
                                    .filter(n -> ngo.equals(n.get("recipient_org")))
                                    .findFirst()
                                    .orElseThrow()
                                    .get("title"));
                    assertThat((String) d.get("payload")).contains("Two of five desks are open.", "/actions/" + action);
                });
        assertThat(deliveries).noneMatch(d -> notMatching.equals(d.get("subscription_id")));
        assertThat(deliveries)
                .filteredOn(d -> "WEBHOOK".equals(d.get("channel")))
                .hasSize(1)
                .first()
                .satisfies(d -> {
                    assertThat(d.get("webhook_id")).isEqualTo(hook);
                    assertThat(d.get("target")).isEqualTo("https://hooks.rlp.example.org/arrival");
                    JsonNode ce = json((String) d.get("payload"));
                    assertThat(ce.path("specversion").asString()).isEqualTo("1.0");
                    assertThat(ce.path("id").asString()).isEqualTo(eventId);
                    assertThat(ce.path("type").asString()).isEqualTo("org.arrival.actionplans.ProgressReported.v1");
                    assertThat(ce.path("source").asString()).isEqualTo("/arrival/action-plans");
                    assertThat(ce.path("datacontenttype").asString()).isEqualTo("application/json");
                    assertThat(ce.path("ownerorg").asString()).isEqualTo(city.toString());
                    assertThat(ce.path("dataclassification").asString()).isEqualTo("FORUM");
                    assertThat(ce.path("subject").asString()).isNotBlank();
                    assertThat(java.time.Instant.parse(ce.path("time").asString()))
                            .isNotNull();
                    assertThat(ce.path("data")
                                    .path("report")
                                    .path("percentComplete")
                                    .asInt())
                            .isEqualTo(40);
                });
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM digest_item d JOIN notification n ON n.id = d.notification_id
                WHERE d.subscription_id = ? AND n.event_id = ?""", Long.class, digest, eventId)).isEqualTo(1);
    }

    @Test
    void anEnforcementBodySubscribedToEverythingGetsNoRestrictedEventAndNothingAboutAHiddenOrganisation()
            throws Exception {
        subscribe(
                user("police-admin-" + UUID.randomUUID(), police, "member", "org-admin"),
                "{\"scope\":\"ORGANISATION\",\"channel\":\"IN_APP\"}");
        Token ngoUser = user("ngo-" + UUID.randomUUID(), ngo, "member");
        subscribe(ngoUser, "{\"channel\":\"IN_APP\"}");
        Token outsiderUser = user("outsider-" + UUID.randomUUID(), outsider, "member");
        subscribe(outsiderUser, "{\"channel\":\"IN_APP\"}");
        Token cityUser = user("city-" + UUID.randomUUID(), city, "member");
        subscribe(cityUser, "{\"channel\":\"IN_APP\"}");

        String restricted =
                propose(UUID.randomUUID(), city, "Protection referrals", List.of(forum), DataClassification.RESTRICTED);
        String hidden =
                propose(UUID.randomUUID(), hiddenGroup, "Community kitchen", List.of(), DataClassification.PUBLIC);
        String forumOnly =
                propose(UUID.randomUUID(), city, "Forum workplan item", List.of(forum), DataClassification.FORUM);
        String organisationOnly =
                propose(UUID.randomUUID(), city, "Internal staffing", List.of(forum), DataClassification.ORGANISATION);
        String open =
                propose(UUID.randomUUID(), city, "Public information campaign", List.of(), DataClassification.PUBLIC);

        assertThat(notifications(restricted, police)).isZero();
        assertThat(notifications(restricted, ngo)).isPositive();
        assertThat(notifications(restricted, outsider)).isZero();
        assertThat(notifications(hidden, police)).isZero();
        assertThat(notifications(hidden, outsider)).isPositive();
        assertThat(notifications(forumOnly, police)).isPositive();
        assertThat(notifications(forumOnly, ngo)).isPositive();
        assertThat(notifications(forumOnly, outsider)).isZero();
        assertThat(notifications(organisationOnly, city)).isPositive();
        assertThat(notifications(organisationOnly, ngo)).isZero();
        assertThat(notifications(organisationOnly, police)).isZero();
        assertThat(notifications(open, police)).isPositive();
        assertThat(notifications(open, outsider)).isPositive();

        // a webhook follows its organisation's firewall too
        UUID policeHook = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO webhook (id, version, owner_org, url, secret, created_at, created_by, updated_at, updated_by)
                VALUES (?, 1, ?, 'https://police.example.org/hook', 's', now(), 't', now(), 't')""", policeHook, police);
        String restrictedAgain =
                propose(UUID.randomUUID(), city, "Safe shelter", List.of(forum), DataClassification.RESTRICTED);
        String publicAgain = propose(UUID.randomUUID(), city, "Open data portal", List.of(), DataClassification.PUBLIC);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM delivery WHERE webhook_id = ? AND event_id = ?",
                        Long.class,
                        policeHook,
                        restrictedAgain))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM delivery WHERE webhook_id = ? AND event_id = ?",
                        Long.class,
                        policeHook,
                        publicAgain))
                .isEqualTo(1);
    }

    @Test
    void aNewFlagReachesTheConvenorAndTheOwnersOfTheRecordsItNamesAsTheFirewallAllows() {
        UUID municipality = organisation("Wakiso District Local Government", "LOCAL_GOVERNMENT", false, false);
        seat(forum, municipality);
        UUID clinic = UUID.randomUUID();
        propose(clinic, ngo, "Evening legal clinic", List.of(forum), DataClassification.FORUM);
        UUID liaison = UUID.randomUUID();
        propose(liaison, police, "Police liaison desk", List.of(forum), DataClassification.FORUM);
        UUID shelter = UUID.randomUUID();
        propose(shelter, hiddenGroup, "Night shelter", List.of(forum), DataClassification.FORUM);
        UUID outreach = UUID.randomUUID(); // of an organisation without a seat, shared with the forum
        propose(outreach, outsider, "Street outreach", List.of(forum), DataClassification.FORUM);

        // the city convenes the forum: the forum service publishes its flags as the city's
        String unfunded = raise(CoherenceCheckCode.ACTION_WITHOUT_FUNDING, List.of(clinic), DataClassification.FORUM);
        assertThat(notifications(unfunded, city)).isEqualTo(1);
        assertThat(notifications(unfunded, ngo)).isEqualTo(1);
        assertThat(notifications(unfunded, police)).isZero();
        assertThat(notifications(unfunded, hiddenGroup)).isZero();
        assertThat(notifications(unfunded, municipality)).isZero();

        // a flag naming the hidden group's action is RESTRICTED: never to the enforcement body, even as an owner
        String overlap =
                raise(CoherenceCheckCode.OVERLAPPING_ACTIONS, List.of(liaison, shelter), DataClassification.RESTRICTED);
        assertThat(notifications(overlap, hiddenGroup)).isEqualTo(1);
        assertThat(notifications(overlap, city)).isEqualTo(1);
        assertThat(notifications(overlap, police)).isZero();

        // an expected local implementer is told of its own gap
        String missing = raise(
                CoherenceCheckCode.MISSING_LOCAL_IMPLEMENTATION,
                List.of(clinic, municipality),
                DataClassification.FORUM);
        assertThat(notifications(missing, municipality)).isEqualTo(1);
        assertThat(notifications(missing, ngo)).isEqualTo(1);

        // an owner without a seat may not read the forum's flags
        String noEvidence =
                raise(CoherenceCheckCode.ACTION_WITHOUT_EVIDENCE, List.of(outreach), DataClassification.FORUM);
        assertThat(notifications(noEvidence, outsider)).isZero();
        assertThat(notifications(noEvidence, city)).isEqualTo(1);

        // the organisations the forum service names as running the follow-up (its secretariat) are told too, as
        // far as they may read the flag
        String secretariat = raise(
                CoherenceCheckCode.ACTION_WITHOUT_FUNDING,
                List.of(clinic),
                DataClassification.FORUM,
                List.of(city, municipality));
        assertThat(notifications(secretariat, municipality)).isEqualTo(1);
        String restricted = raise(
                CoherenceCheckCode.OVERLAPPING_ACTIONS,
                List.of(liaison, shelter),
                DataClassification.RESTRICTED,
                List.of(city, police));
        assertThat(notifications(restricted, police)).isZero();
    }

    private String raise(CoherenceCheckCode check, List<UUID> records, DataClassification classification) {
        return raise(check, records, classification, null);
    }

    private String raise(
            CoherenceCheckCode check,
            List<UUID> records,
            DataClassification classification,
            @org.jspecify.annotations.Nullable List<UUID> coordinators) {
        UUID flagId = UUID.randomUUID();
        CoherenceFlagRaised raised = new CoherenceFlagRaised(
                new CoherenceFlag(
                        flagId,
                        1,
                        forum,
                        check,
                        records,
                        "A finding about " + records.size() + " records.",
                        FlagStatus.OPEN,
                        null,
                        null,
                        FlagSeverity.MEDIUM),
                null,
                coordinators);
        String eventId = feed.publish(raised, flagId, forum, city, classification);
        awaitHandled(eventId);
        return eventId;
    }

    @Test
    void theOwnerHearsOfContributionsToItsActionsInItsOrganisationInbox() throws Exception {
        UUID action = UUID.randomUUID();
        propose(action, city, "Multilingual referral desks", List.of(forum), DataClassification.FORUM);
        ContributionMade endorsement = new ContributionMade(
                new Contribution(
                        UUID.randomUUID(),
                        action,
                        ngo,
                        ContributionKind.ENDORSEMENT,
                        "We will refer our clients to the desks."),
                new Actor("ngo-officer", ngo));
        String eventId = feed.publish(
                endorsement, endorsement.contribution().contributionId(), action, ngo, DataClassification.FORUM);
        awaitHandled(eventId);
        assertThat(jdbc.queryForObject(
                        "SELECT title FROM notification WHERE event_id = ? AND recipient_org = ?",
                        String.class,
                        eventId,
                        city))
                .isEqualTo("Refugee Law Project endorsed “Multilingual referral desks”");

        Token cityUser = user("city-" + UUID.randomUUID(), city, "member");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> perform(getJson("/inbox"), cityUser)
                        .andExpect(status().isOk())
                        .andExpect(jsonPath(
                                        "$.items[?(@.eventType == 'org.arrival.actionplans.ContributionMade.v1')].title")
                                .value("Refugee Law Project endorsed “Multilingual referral desks”"))
                        // the code and parameters a client words in its reader's language
                        .andExpect(jsonPath(
                                        "$.items[?(@.eventType == 'org.arrival.actionplans.ContributionMade.v1')].code")
                                .value("ContributionMade"))
                        .andExpect(jsonPath("$.items[?(@.eventType == 'org.arrival.actionplans.ContributionMade.v1')]"
                                        + ".parameters.contributionKind")
                                .value("ENDORSEMENT"))
                        .andExpect(jsonPath("$.items[?(@.eventType == 'org.arrival.actionplans.ContributionMade.v1')]"
                                        + ".parameters.contributor")
                                .value("Refugee Law Project"))
                        .andExpect(jsonPath("$.items[?(@.eventType == 'org.arrival.actionplans.ContributionMade.v1')]"
                                        + ".parameters.title")
                                .value("Multilingual referral desks")));
    }
}
