package org.arrival.notifications.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.Participant;
import org.arrival.contracts.actionplans.ParticipantRole;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.assessments.Need;
import org.arrival.contracts.assessments.NeedIdentified;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlag;
import org.arrival.contracts.forum.CoherenceFlagRaised;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.contracts.registry.AgendaItem;
import org.arrival.contracts.registry.Assignment;
import org.arrival.contracts.registry.AssignmentMade;
import org.arrival.contracts.registry.AssignmentOverdue;
import org.arrival.contracts.registry.AssignmentStatus;
import org.arrival.contracts.registry.Attendance;
import org.arrival.contracts.registry.AttendanceStatus;
import org.arrival.contracts.registry.Meeting;
import org.arrival.contracts.registry.MeetingScheduled;
import org.arrival.contracts.registry.MeetingStatus;
import org.arrival.contracts.registry.Membership;
import org.arrival.contracts.registry.MembershipGranted;
import org.arrival.contracts.registry.MembershipStatus;
import org.arrival.contracts.registry.RecordReference;
import org.arrival.contracts.registry.ReferencedRecordKind;
import org.arrival.contracts.registry.SeatType;
import org.arrival.notifications.mail.DigestJob;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The enforcement unit subscribed to everything, on every channel, after the hidden association and restricted
 * records appear in actions, flags, memberships, reports, meetings and assigned work: nothing it is told (inbox,
 * e-mails, digest, webhook calls) names them, while a forum member who may read them is told.
 */
class EnforcementFirewallTest extends RoutingTestSupport {

    @Autowired
    DigestJob digest;

    private UUID forum;
    private UUID city;
    private UUID ngo;
    private UUID police;
    private UUID association;
    private Token policeUser;
    private UUID policeMail;
    private UUID policeDigest;
    private UUID policeHook;
    private UUID ngoHook;
    private final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void seed() throws Exception {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        ngo = organisation("Refugee Law Project", "LOCAL_NGO_CSO", false, false);
        police = organisation(
                "Directorate of Citizenship and Immigration Control", "NATIONAL_GOVERNMENT_BODY", true, false);
        association = organisation("Kisenyi Refugee Women's Association", "REFUGEE_LED_ORGANISATION", false, true);
        for (UUID org : List.of(city, ngo, police, association)) {
            seat(forum, org);
        }
        secrets.add(association.toString());
        secrets.add("Kisenyi Refugee Women's Association");

        Token policeAdmin = user("dcic-admin-" + UUID.randomUUID(), police, "member", "org-admin");
        policeUser = user("dcic-officer-" + UUID.randomUUID(), police, "member");
        subscribe(policeAdmin, "{\"scope\":\"ORGANISATION\",\"channel\":\"IN_APP\"}");
        policeMail = subscribe(policeUser, "{\"channel\":\"EMAIL\",\"address\":\"officer@dcic.example.org\"}");
        policeDigest = subscribe(
                policeUser,
                "{\"channel\":\"EMAIL\",\"address\":\"digest@dcic.example.org\",\"frequency\":\"DAILY_DIGEST\"}");
        policeHook = hook(police);
        subscribe(
                user("rlp-" + UUID.randomUUID(), ngo, "member", "org-admin"),
                "{\"scope\":\"ORGANISATION\",\"channel\":\"IN_APP\"}");
        ngoHook = hook(ngo);
    }

    private UUID hook(UUID org) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO webhook (id, version, owner_org, url, secret, created_at, created_by, updated_at, updated_by)
                VALUES (?, 1, ?, 'https://hooks.example.org/arrival', 's', now(), 't', now(), 't')""", id, org);
        return id;
    }

    private Action action(UUID id, UUID owner, String title, List<Participant> participants, List<UUID> needs) {
        return new Action(
                id,
                1,
                owner,
                null,
                title,
                "Escorts to the health centre",
                org.arrival.contracts.actionplans.ActionKind.SERVICE,
                List.of(Sector.HEALTH),
                List.of(PopulationGroup.REFUGEES),
                List.of(new Jurisdiction("UG", "UG-C", null, "Kampala")),
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                org.arrival.contracts.actionplans.ReportingCadence.QUARTERLY,
                participants,
                null,
                false,
                List.of(),
                null,
                needs,
                List.of(),
                List.of(),
                List.of(forum),
                org.arrival.contracts.actionplans.ActionStatus.COMMITTED,
                null);
    }

    private Meeting meeting(UUID id, String title, List<RecordReference> records, List<Attendance> attendance) {
        return new Meeting(
                id,
                1,
                forum,
                title,
                LocalDate.of(2026, 12, 10),
                null,
                "Kisenyi community hall",
                null,
                List.of(new AgendaItem(UUID.randomUUID(), "Follow-up", null, records, null)),
                attendance,
                null,
                MeetingStatus.SCHEDULED,
                null);
    }

    private String publish(Object payload, UUID subject, UUID owner, DataClassification c) {
        return publish(payload, subject, subject, owner, c);
    }

    private String publish(Object payload, UUID subject, UUID key, UUID owner, DataClassification c) {
        String eventId = feed.publish(payload, subject, key, owner, c);
        awaitHandled(eventId);
        return eventId;
    }

    @Test
    void theEnforcementUnitIsToldNothingOfTheHiddenAssociationOrOfRestrictedRecordsOnAnyChannel() throws Exception {
        // the association's own action, shared with the forum
        UUID hiddenAction = UUID.randomUUID();
        secrets.add(hiddenAction.toString());
        secrets.add("Health escort in Kisenyi");
        String hiddenActionEvent = publish(
                new ActionProposed(
                        action(hiddenAction, association, "Health escort in Kisenyi", List.of(), List.of()),
                        new Actor("krwa-editor", association)),
                hiddenAction,
                association,
                DataClassification.FORUM);

        // a restricted need of the city, and the city's forum action that answers it with the association's help
        UUID restrictedNeed = UUID.randomUUID();
        secrets.add(restrictedNeed.toString());
        secrets.add("Safe houses for survivors in Kisenyi");
        publish(
                new NeedIdentified(
                        new Need(
                                restrictedNeed,
                                1,
                                city,
                                "Safe houses for survivors in Kisenyi",
                                Sector.PROTECTION_RIGHTS,
                                List.of(PopulationGroup.REFUGEES),
                                new Jurisdiction("UG", "UG-C", null, "Kampala"),
                                Severity.HIGH,
                                List.of(),
                                List.of(),
                                null,
                                NeedStatus.VALIDATED,
                                null,
                                List.of(forum)),
                        new Actor("kcca-planner", city)),
                restrictedNeed,
                city,
                DataClassification.RESTRICTED);
        UUID partnered = UUID.randomUUID();
        secrets.add(partnered.toString());
        String partneredEvent = publish(
                new ActionProposed(
                        action(
                                partnered,
                                city,
                                "Referral pathway for survivors",
                                List.of(new Participant(association, ParticipantRole.IMPLEMENTING)),
                                List.of(restrictedNeed)),
                        new Actor("kcca-planner", city)),
                partnered,
                city,
                DataClassification.FORUM);

        // a restricted action of the city, then a progress report on it that its producer classified FORUM
        UUID restrictedAction = UUID.randomUUID();
        secrets.add(restrictedAction.toString());
        secrets.add("Protection referrals");
        publish(
                new ActionProposed(
                        action(restrictedAction, city, "Protection referrals", List.of(), List.of()),
                        new Actor("kcca-planner", city)),
                restrictedAction,
                city,
                DataClassification.RESTRICTED);
        String reportEvent = publish(
                report(restrictedAction, city, 40, Rag.AMBER), restrictedAction, city, DataClassification.FORUM);

        // flags of the forum's checks naming the association's action: as the forum service classifies them now
        // (RESTRICTED), and as an older producer did (FORUM)
        UUID restrictedFlag = UUID.randomUUID();
        UUID forumFlag = UUID.randomUUID();
        secrets.add(restrictedFlag.toString());
        secrets.add(forumFlag.toString());
        secrets.add("has no committed funding");
        String restrictedFlagEvent =
                publish(flag(restrictedFlag, hiddenAction), restrictedFlag, forum, city, DataClassification.RESTRICTED);
        String forumFlagEvent =
                publish(flag(forumFlag, hiddenAction), forumFlag, forum, city, DataClassification.FORUM);

        // the association takes a seat, as a producer that forgot to restrict it would say
        UUID seat = UUID.randomUUID();
        String seatEvent = publish(
                new MembershipGranted(
                        new Membership(
                                seat,
                                1,
                                forum,
                                association,
                                SeatType.MEMBER,
                                LocalDate.of(2026, 1, 1),
                                null,
                                MembershipStatus.ACTIVE),
                        new Actor("kcca-secretary", city)),
                seat,
                forum,
                city,
                DataClassification.PUBLIC);

        // the forum gives the association work, which it leaves unanswered; and meetings that name it, or name the
        // restricted action on their agenda
        UUID assigned = UUID.randomUUID();
        secrets.add(assigned.toString());
        secrets.add("Women's safety walk rota");
        Assignment work = new Assignment(
                assigned,
                1,
                forum,
                UUID.randomUUID(),
                association,
                "Women's safety walk rota",
                LocalDate.of(2026, 11, 30),
                AssignmentStatus.OPEN,
                null,
                null);
        String assignedEvent = publish(
                new AssignmentMade(work, new Actor("kcca-secretary", city)),
                assigned,
                forum,
                city,
                DataClassification.FORUM);
        String overdueEvent = publish(new AssignmentOverdue(work, 4), assigned, forum, city, DataClassification.FORUM);
        UUID attended = UUID.randomUUID();
        UUID onAgenda = UUID.randomUUID();
        secrets.add(attended.toString());
        secrets.add(onAgenda.toString());
        secrets.add("Survivors' referrals review");
        String attendedEvent = publish(
                new MeetingScheduled(
                        meeting(
                                attended,
                                "Kisenyi outreach",
                                List.of(),
                                List.of(new Attendance(association, AttendanceStatus.PRESENT))),
                        new Actor("kcca-secretary", city)),
                attended,
                forum,
                city,
                DataClassification.FORUM);
        String agendaEvent = publish(
                new MeetingScheduled(
                        meeting(
                                onAgenda,
                                "Survivors' referrals review",
                                List.of(new RecordReference(ReferencedRecordKind.ACTION, restrictedAction)),
                                List.of()),
                        new Actor("kcca-secretary", city)),
                onAgenda,
                forum,
                city,
                DataClassification.FORUM);

        // what the enforcement unit may hear of: the city's forum action, with no one hidden in it
        UUID open = UUID.randomUUID();
        String openEvent = publish(
                new ActionProposed(
                        action(open, city, "Open data portal", List.of(), List.of()), new Actor("kcca-planner", city)),
                open,
                city,
                DataClassification.FORUM);

        digest.run(LocalDate.now(ZoneId.systemDefault()));

        String inbox = perform(getJson("/inbox?size=100"), policeUser)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String mails = String.join(
                "\n",
                jdbc.queryForList(
                        "SELECT coalesce(subject, '') || ' ' || payload FROM delivery WHERE subscription_id IN (?, ?)",
                        String.class,
                        policeMail,
                        policeDigest));
        String calls = String.join(
                "\n", jdbc.queryForList("SELECT payload FROM delivery WHERE webhook_id = ?", String.class, policeHook));
        for (String told : List.of(inbox, mails, calls)) {
            for (String secret : secrets) {
                assertThat(told).doesNotContain(secret);
            }
        }
        // not a vacuous check: the unit is told, on every channel, what it may read
        assertThat(inbox).contains("Open data portal");
        assertThat(mails).contains("Open data portal");
        assertThat(calls).contains(open.toString());
        for (String event : List.of(
                hiddenActionEvent,
                partneredEvent,
                reportEvent,
                restrictedFlagEvent,
                forumFlagEvent,
                seatEvent,
                assignedEvent,
                overdueEvent,
                attendedEvent,
                agendaEvent)) {
            assertThat(notifications(event, police)).as(event).isZero();
        }
        assertThat(notifications(openEvent, police)).isPositive();
        // while a forum member who may read them hears of them, the flags included
        for (String event : List.of(
                hiddenActionEvent,
                partneredEvent,
                reportEvent,
                restrictedFlagEvent,
                forumFlagEvent,
                seatEvent,
                assignedEvent,
                overdueEvent,
                attendedEvent,
                agendaEvent,
                openEvent)) {
            assertThat(notifications(event, ngo)).as(event).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM delivery WHERE webhook_id = ? AND event_id = ?",
                        Long.class,
                        ngoHook,
                        restrictedFlagEvent))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT title || ' ' || body FROM notification WHERE event_id = ? AND recipient_org = ?",
                        String.class,
                        restrictedFlagEvent,
                        ngo))
                .contains("has no committed funding");
    }

    @Test
    void aHiddenAssociationsNameTypedInAMeetingOrADecisionReachesTheEnforcementUnitAsAPlaceholderOnEveryChannel()
            throws Exception {
        UUID briefing = UUID.randomUUID();
        Meeting typed = meeting(briefing, "Briefing by the Kisenyi Refugee Women's Association", List.of(), List.of());
        String meetingEvent = publish(
                new MeetingScheduled(
                        new Meeting(
                                typed.meetingId(),
                                typed.version(),
                                typed.forumId(),
                                typed.title(),
                                typed.date(),
                                typed.startTime(),
                                typed.place(),
                                typed.onlineLink(),
                                List.of(new AgendaItem(
                                        UUID.randomUUID(),
                                        "KISENYI REFUGEE WOMEN'S ASSOCIATION will gather residents' views",
                                        null,
                                        List.of(),
                                        null)),
                                List.of(),
                                null,
                                MeetingStatus.SCHEDULED,
                                null),
                        new Actor("kcca-secretary", city)),
                briefing,
                forum,
                city,
                DataClassification.FORUM);
        UUID decision = UUID.randomUUID();
        String decisionEvent = publish(
                new org.arrival.contracts.registry.DecisionRecorded(
                        new org.arrival.contracts.registry.Decision(
                                decision,
                                1,
                                forum,
                                briefing,
                                LocalDate.of(2026, 12, 10),
                                "Kisenyi Refugee Women's Association will gather residents' views on the water point",
                                org.arrival.contracts.registry.DecisionType.ASSIGN_ACTION,
                                org.arrival.contracts.registry.DecisionMethod.CONSENSUS,
                                null,
                                List.of(),
                                List.of(),
                                null),
                        new Actor("kcca-secretary", city)),
                decision,
                forum,
                city,
                DataClassification.FORUM);
        // a flag on the city's action resolved by a decision that quotes the association's name
        UUID portal = UUID.randomUUID();
        publish(
                new ActionProposed(
                        action(portal, city, "Open data portal", List.of(), List.of()),
                        new Actor("kcca-planner", city)),
                portal,
                city,
                DataClassification.FORUM);
        UUID resolved = UUID.randomUUID();
        String flagEvent = publish(
                new org.arrival.contracts.forum.CoherenceFlagUpdated(
                        new CoherenceFlag(
                                resolved,
                                2,
                                forum,
                                CoherenceCheckCode.ACTION_WITHOUT_FUNDING,
                                List.of(portal),
                                "Action 'Open data portal' has no committed funding",
                                FlagStatus.RESOLVED,
                                "Resolved by the forum's decision of 2026-12-10: "
                                        + "Kisenyi Refugee Women's Association will gather residents' views",
                                null,
                                null),
                        new Actor("kcca-secretary", city),
                        List.of("status", "reason"),
                        "Resolved by the forum's decision of 2026-12-10: "
                                + "Kisenyi Refugee Women's Association will gather residents' views"),
                resolved,
                forum,
                city,
                DataClassification.FORUM);
        digest.run(LocalDate.now(ZoneId.systemDefault()));

        String inbox = perform(getJson("/inbox?size=100"), policeUser)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String mails = String.join(
                "\n",
                jdbc.queryForList(
                        "SELECT coalesce(subject, '') || ' ' || payload FROM delivery WHERE subscription_id IN (?, ?)",
                        String.class,
                        policeMail,
                        policeDigest));
        String calls = String.join(
                "\n", jdbc.queryForList("SELECT payload FROM delivery WHERE webhook_id = ?", String.class, policeHook));
        assertThat(notifications(flagEvent, police)).isPositive();
        assertThat(inbox).contains("2026-12-10: […] will gather residents' views");
        for (String told : List.of(inbox, mails, calls)) {
            assertThat(told.toLowerCase(java.util.Locale.ROOT)).doesNotContain("kisenyi refugee women");
            assertThat(told).contains("[…]");
        }
        assertThat(inbox)
                .contains("Briefing by the […]")
                .contains("[…] will gather residents' views on the water point");
        assertThat(calls).contains("[…] will gather residents' views\"");
        assertThat(notifications(meetingEvent, police)).isPositive();
        // a member reads what was typed, the webhook included
        assertThat(jdbc.queryForObject(
                        "SELECT title FROM notification WHERE event_id = ? AND recipient_org = ?",
                        String.class,
                        meetingEvent,
                        ngo))
                .contains("Briefing by the Kisenyi Refugee Women's Association");
        assertThat(jdbc.queryForObject(
                        "SELECT payload FROM delivery WHERE webhook_id = ? AND event_id = ?",
                        String.class,
                        ngoHook,
                        decisionEvent))
                .contains("Kisenyi Refugee Women's Association will gather residents' views on the water point");
    }

    @Test
    void anOrganisationHiddenAfterTheEnforcementUnitWasToldOfItDisappearsFromItsInboxAndDigest() throws Exception {
        UUID becomesHidden = organisation("Congolese Youth Network", "REFUGEE_LED_ORGANISATION", false, false);
        seat(forum, becomesHidden);
        UUID action = UUID.randomUUID();
        String event = publish(
                new ActionProposed(
                        action(action, becomesHidden, "Youth football league", List.of(), List.of()),
                        new Actor("cyn-editor", becomesHidden)),
                action,
                becomesHidden,
                DataClassification.FORUM);
        assertThat(notifications(event, police)).isPositive();
        UUID told = jdbc.queryForObject(
                "SELECT id FROM notification WHERE event_id = ? AND recipient_org = ? AND recipient_user IS NULL",
                UUID.class,
                event,
                police);
        long unreadBefore = unread();

        // the network asks to be hidden from enforcement bodies (the registry's event updates the replica)
        jdbc.update("UPDATE organisation SET hidden = true WHERE id = ?", becomesHidden);

        String inbox = perform(getJson("/inbox?size=100"), policeUser)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(inbox)
                .doesNotContain("Youth football league")
                .doesNotContain(told.toString())
                .doesNotContain("Congolese Youth Network");
        assertThat(unread()).isEqualTo(unreadBefore - 2); // the organisation-wide item and the personal e-mail's
        perform(post("/inbox/" + told + "/read"), policeUser).andExpect(status().isNotFound());
        digest.run(LocalDate.now(ZoneId.systemDefault()));
        assertThat(String.join(
                        "\n",
                        jdbc.queryForList(
                                "SELECT payload FROM delivery WHERE subscription_id = ?", String.class, policeDigest)))
                .doesNotContain("Youth football league");
    }

    private long unread() throws Exception {
        String json = perform(getJson("/inbox/unread-count"), policeUser)
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(json).path("unread").asLong();
    }

    private CoherenceFlagRaised flag(UUID flagId, UUID action) {
        return new CoherenceFlagRaised(
                new CoherenceFlag(
                        flagId,
                        1,
                        forum,
                        CoherenceCheckCode.ACTION_WITHOUT_FUNDING,
                        List.of(action),
                        "Action 'Health escort in Kisenyi' has no committed funding",
                        FlagStatus.OPEN,
                        null),
                null);
    }
}
