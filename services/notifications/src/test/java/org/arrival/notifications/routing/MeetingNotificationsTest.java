package org.arrival.notifications.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.registry.AgendaItem;
import org.arrival.contracts.registry.Assignment;
import org.arrival.contracts.registry.AssignmentDeclined;
import org.arrival.contracts.registry.AssignmentMade;
import org.arrival.contracts.registry.AssignmentOverdue;
import org.arrival.contracts.registry.AssignmentStatus;
import org.arrival.contracts.registry.Attendance;
import org.arrival.contracts.registry.AttendanceStatus;
import org.arrival.contracts.registry.Forum;
import org.arrival.contracts.registry.ForumEstablished;
import org.arrival.contracts.registry.ForumStatus;
import org.arrival.contracts.registry.ForumType;
import org.arrival.contracts.registry.Meeting;
import org.arrival.contracts.registry.MeetingScheduled;
import org.arrival.contracts.registry.MeetingStatus;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forum meetings and the work forum decisions assign, as the registry publishes them on its meetings topic: the
 * assignee hears of work given to it, the forum's chair and secretariat of work declined or left unanswered, the
 * forum's members of a meeting scheduled; nobody else unless subscribed, and an enforcement body nothing that names
 * an organisation hidden from it.
 */
class MeetingNotificationsTest extends RoutingTestSupport {

    private UUID forum;
    private UUID city;
    private UUID chair;
    private UUID secretariat;
    private UUID ngo;
    private UUID member;
    private UUID outsider;
    private UUID police;
    private UUID association;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        chair = organisation("Office of the Lord Mayor", "LOCAL_GOVERNMENT", false, false);
        secretariat = organisation("Kampala Urban Refugee Network", "LOCAL_NGO_CSO", false, false);
        ngo = organisation("Refugee Law Project", "LOCAL_NGO_CSO", false, false);
        member = organisation("Uganda Red Cross Society", "LOCAL_NGO_CSO", false, false);
        outsider = organisation("NGO outside the forum", "LOCAL_NGO_CSO", false, false);
        police = organisation(
                "Directorate of Citizenship and Immigration Control", "NATIONAL_GOVERNMENT_BODY", true, false);
        association = organisation("Kisenyi Refugee Women's Association", "REFUGEE_LED_ORGANISATION", false, true);
        for (UUID org : List.of(city, chair, secretariat, ngo, member, police, association)) {
            seat(forum, org);
        }
        publish(
                new ForumEstablished(
                        new Forum(
                                forum,
                                1,
                                "Kampala coordination forum",
                                ForumType.COORDINATION_FORUM,
                                null,
                                null,
                                city,
                                chair,
                                secretariat,
                                null,
                                ForumStatus.ACTIVE),
                        new Actor("convenor", city)),
                forum,
                DataClassification.PUBLIC);
    }

    private String publish(Object payload, UUID subject, DataClassification c) {
        String eventId = feed.publish(payload, subject, forum, city, c);
        awaitHandled(eventId);
        return eventId;
    }

    private Assignment assignment(UUID id, UUID assignee, AssignmentStatus status, String declineReason) {
        return new Assignment(
                id,
                1,
                forum,
                UUID.randomUUID(),
                assignee,
                "Open a night shelter in Kisenyi for new arrivals",
                LocalDate.of(2026, 12, 15),
                status,
                null,
                declineReason);
    }

    private Map<String, Object> notification(String eventId, UUID org) {
        return jdbc.queryForMap("SELECT * FROM notification WHERE event_id = ? AND recipient_org = ?", eventId, org);
    }

    @Test
    void workAssignedReachesTheAssigneesPeopleInTheirLanguageAndNobodyElseAndOnlyOnceWhenDeliveredAgain()
            throws Exception {
        Token officer = user("rlp-officer-" + UUID.randomUUID(), ngo, "member");
        UUID mail = subscribe(officer, """
                {"channel":"EMAIL","address":"officer@rlp.example.org","language":"fr",
                 "filter":{"eventTypes":["AssignmentMade"]}}""");
        UUID id = UUID.randomUUID();
        AssignmentMade made =
                new AssignmentMade(assignment(id, ngo, AssignmentStatus.OPEN, null), new Actor("secretary", city));
        String eventId = publish(made, id, DataClassification.FORUM);
        // the same event again (a redelivery), then another event of the forum behind it on the same partition
        feed.publish(made, id, forum, city, DataClassification.FORUM, eventId);
        publish(
                new AssignmentMade(
                        assignment(UUID.randomUUID(), member, AssignmentStatus.OPEN, null), new Actor("s", city)),
                forum,
                DataClassification.FORUM);

        // the organisation's inbox, and the officer's own notification of its e-mail subscription: once each
        assertThat(jdbc.queryForList(
                        "SELECT coalesce(recipient_user, 'organisation') FROM notification WHERE event_id = ?"
                                + " AND recipient_org = ?",
                        String.class,
                        eventId,
                        ngo))
                .containsExactlyInAnyOrder("organisation", officer.subject());
        for (UUID other : List.of(city, chair, secretariat, member, outsider, police, association)) {
            assertThat(notifications(eventId, other)).as("%s", other).isZero();
        }
        Map<String, Object> n = jdbc.queryForMap(
                "SELECT * FROM notification WHERE event_id = ? AND recipient_org = ? AND recipient_user IS NULL",
                eventId,
                ngo);
        assertThat(n.get("code")).isEqualTo("AssignmentMade");
        assertThat(n.get("title"))
                .isEqualTo("Refugee Law Project was given work by “Kampala coordination forum”, due Dec 15, 2026");
        assertThat(String.valueOf(n.get("body"))).contains("Open a night shelter in Kisenyi for new arrivals");
        assertThat(n.get("link")).isEqualTo("http://127.0.0.1:8080/assignments/" + id);
        assertThat(json(String.valueOf(n.get("parameters"))).properties())
                .extracting(Map.Entry::getKey)
                .contains("assignee", "forum", "dueOn", "text");

        List<Map<String, Object>> mails = jdbc.queryForList(
                "SELECT subject, payload FROM delivery WHERE subscription_id = ? AND event_id = ?", mail, eventId);
        assertThat(mails).as("one e-mail, however often the event arrives").hasSize(1);
        assertThat(mails.getFirst().get("subject"))
                .isEqualTo(
                        "« Kampala coordination forum » a confié une tâche à Refugee Law Project, échéance le 15 déc."
                                + " 2026");
        assertThat(String.valueOf(mails.getFirst().get("payload"))).contains("/assignments/" + id);

        perform(getJson("/inbox"), officer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.link == 'http://127.0.0.1:8080/assignments/%s')].code".formatted(id))
                        .value(hasItem("AssignmentMade")));
    }

    @Test
    void workDeclinedReachesTheForumsChairAndSecretariatWithTheReason() {
        UUID id = UUID.randomUUID();
        String eventId = publish(
                new AssignmentDeclined(
                        assignment(id, ngo, AssignmentStatus.DECLINED, "We have no staff in Kisenyi this year."),
                        new Actor("rlp-director", ngo)),
                id,
                DataClassification.FORUM);

        assertThat(notifications(eventId, chair)).isEqualTo(1);
        assertThat(notifications(eventId, secretariat)).isEqualTo(1);
        for (UUID other : List.of(ngo, city, member, outsider, police, association)) {
            assertThat(notifications(eventId, other)).as("%s", other).isZero();
        }
        Map<String, Object> n = notification(eventId, secretariat);
        assertThat(n.get("code")).isEqualTo("AssignmentDeclined");
        assertThat(n.get("title")).isEqualTo("Refugee Law Project declined work given by “Kampala coordination forum”");
        assertThat(String.valueOf(n.get("body"))).endsWith("Reason: We have no staff in Kisenyi this year.");
        assertThat(n.get("link")).isEqualTo("http://127.0.0.1:8080/forums/" + forum + "/decisions");
    }

    @Test
    void workOverdueReachesTheCoordinatorsAndTheAssigneeButNoEnforcementBodyWhenTheAssigneeIsHidden() throws Exception {
        Token policeAdmin = user("dcic-admin-" + UUID.randomUUID(), police, "member", "org-admin");
        subscribe(policeAdmin, "{\"scope\":\"ORGANISATION\",\"channel\":\"IN_APP\"}");

        UUID visible = UUID.randomUUID();
        String toNgo = publish(
                new AssignmentOverdue(assignment(visible, ngo, AssignmentStatus.OPEN, null), 3),
                visible,
                DataClassification.FORUM);
        UUID hidden = UUID.randomUUID();
        String toAssociation = publish(
                new AssignmentOverdue(assignment(hidden, association, AssignmentStatus.OPEN, null), 3),
                hidden,
                DataClassification.FORUM);

        for (String eventId : List.of(toNgo, toAssociation)) {
            assertThat(notifications(eventId, chair)).isEqualTo(1);
            assertThat(notifications(eventId, secretariat)).isEqualTo(1);
            assertThat(notifications(eventId, member)).isZero();
            assertThat(notifications(eventId, outsider)).isZero();
        }
        assertThat(notifications(toNgo, ngo)).isEqualTo(1);
        assertThat(notifications(toAssociation, association)).isEqualTo(1);
        assertThat(notifications(toNgo, police))
                .as("subscribed to everything, a forum member is told of work assigned to a visible organisation")
                .isEqualTo(1);
        assertThat(notifications(toAssociation, police))
                .as("nothing naming the hidden association reaches an enforcement body")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM notification WHERE recipient_org = ? AND (title LIKE '%Kisenyi Refugee%'"
                                + " OR parameters::text LIKE ? OR link LIKE ?)",
                        Long.class, police, "%" + association + "%", "%" + hidden + "%"))
                .isZero();

        Map<String, Object> n = notification(toNgo, chair);
        assertThat(n.get("code")).isEqualTo("AssignmentOverdue");
        assertThat(n.get("title"))
                .isEqualTo(
                        "Refugee Law Project has not taken on work given by “Kampala coordination forum”, due Dec 15,"
                                + " 2026");
        assertThat(String.valueOf(n.get("body"))).startsWith("It is 3 days past its due date");
        assertThat(n.get("link")).isEqualTo("http://127.0.0.1:8080/assignments/" + visible);
    }

    @Test
    void aForumNotSeenYetHasItsConvenorToldOfWorkDeclined() {
        UUID unseen = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        Assignment a = new Assignment(
                id,
                1,
                unseen,
                UUID.randomUUID(),
                ngo,
                "Translate the referral leaflet",
                LocalDate.of(2026, 12, 1),
                AssignmentStatus.DECLINED,
                null,
                "No translators.");
        seat(unseen, city);
        seat(unseen, ngo);
        String eventId = feed.publish(
                new AssignmentDeclined(a, new Actor("rlp", ngo)), id, unseen, city, DataClassification.FORUM);
        awaitHandled(eventId);

        assertThat(notifications(eventId, city)).isEqualTo(1);
        assertThat(notifications(eventId, chair)).isZero();
        assertThat(notification(eventId, city).get("title"))
                .isEqualTo("Refugee Law Project declined work given by an untitled forum");
    }

    @Test
    void aMeetingScheduledReachesTheForumsMembersButNoEnforcementBodyWhenItNamesAHiddenOrganisation() {
        UUID open = UUID.randomUUID();
        String plain = publish(
                new MeetingScheduled(meeting(open, List.of()), new Actor("secretary", city)),
                open,
                DataClassification.FORUM);
        UUID withAssociation = UUID.randomUUID();
        String naming = publish(
                new MeetingScheduled(
                        meeting(
                                withAssociation,
                                List.of(
                                        new Attendance(ngo, AttendanceStatus.PRESENT),
                                        new Attendance(association, AttendanceStatus.APOLOGIES))),
                        new Actor("secretary", city)),
                withAssociation,
                DataClassification.FORUM);

        for (UUID seated : List.of(chair, secretariat, ngo, member, association)) {
            assertThat(notifications(plain, seated)).as("%s", seated).isEqualTo(1);
            assertThat(notifications(naming, seated)).as("%s", seated).isEqualTo(1);
        }
        assertThat(notifications(plain, city))
                .as("the organisation that scheduled it")
                .isZero();
        assertThat(notifications(plain, outsider)).isZero();
        assertThat(notifications(naming, outsider)).isZero();
        assertThat(notifications(plain, police)).as("a member like the others").isEqualTo(1);
        assertThat(notifications(naming, police))
                .as("the meeting names the hidden association")
                .isZero();

        Map<String, Object> n = notification(plain, member);
        assertThat(n.get("code")).isEqualTo("MeetingScheduled");
        assertThat(n.get("title"))
                .isEqualTo("“Kampala coordination forum” scheduled a meeting on Jan 14, 2027: “Quarterly review”");
        assertThat(String.valueOf(n.get("body")))
                .isEqualTo("It starts at 10:00.\nPlace: City Hall, room 4.\nOnline: https://meet.example.org/kcf");
        assertThat(n.get("link")).isEqualTo("http://127.0.0.1:8080/forums/" + forum + "/meetings/" + open);
    }

    private Meeting meeting(UUID id, List<Attendance> attendance) {
        return new Meeting(
                id,
                1,
                forum,
                "Quarterly review",
                LocalDate.of(2027, 1, 14),
                "10:00",
                "City Hall, room 4",
                "https://meet.example.org/kcf",
                List.of(new AgendaItem(UUID.randomUUID(), "Shelter in Kisenyi", null, List.of(), null)),
                attendance,
                null,
                MeetingStatus.SCHEDULED,
                null);
    }
}
