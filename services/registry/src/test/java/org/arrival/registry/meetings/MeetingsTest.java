package org.arrival.registry.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.RecordedEvent;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.registry.RegistryIntegrationTest;
import org.arrival.registry.meetings.application.OverdueAssignments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A forum's meetings, decisions and assignments end to end: each step's answer, the events on
 * arrival.registry.meetings.v1 (keyed by the forum, owned by its convenor, valid against their contracts), who is
 * refused, what an enforcement body is not shown, bad input, stale versions, overdue notices and escalations.
 */
class MeetingsTest extends RegistryIntegrationTest {

    private static final String NEED = "3f0c2b7e-5d1a-4c2e-9b7a-1e2f3a4b5c6d";
    private static final String FLAG = "9b1e6c0a-2d4f-4e8a-8c1b-7a6d5e4f3c2b";

    @Autowired
    OverdueAssignments overdue;

    @Autowired
    JdbcTemplate jdbc;

    private String t;
    private String city;
    private String ngo;
    private String hidden;
    private String police;
    private String stranger;
    private Token cityCoordinator;
    private Token cityMember;
    private Token ngoCoordinator;
    private Token ngoEditor;
    private Token ngoMember;
    private Token hiddenAdmin;
    private Token policeAdmin;
    private Token strangerAdmin;
    private String forum;

    @BeforeEach
    void forumWithMembers() throws Exception {
        t = tag();
        city = registerActive(cityAuthorityJson(t));
        ngo = registerActive(ngoJson(t));
        hidden = registerActive(associationJson(t, true));
        police = registerActive(policeJson(t));
        stranger = registerActive(refugeeDepartmentJson(t));
        cityCoordinator = user("kcca-coordinator-" + t, city, "forum-coordinator", "member");
        cityMember = user("kcca-member-" + t, city, "member");
        ngoCoordinator = user("irc-coordinator-" + t, ngo, "forum-coordinator", "member");
        ngoEditor = user("irc-editor-" + t, ngo, "org-editor", "member");
        ngoMember = user("irc-member-" + t, ngo, "member");
        hiddenAdmin = user("kisenyi-admin-" + t, hidden, "org-admin", "member");
        policeAdmin = user("dcic-admin-" + t, police, "org-admin", "forum-coordinator", "org-editor", "member");
        strangerAdmin = user("opm-admin-" + t, stranger, "org-admin", "forum-coordinator", "member");
        forum = forum(null);
        for (String member : List.of(ngo, hidden, police)) {
            perform(
                            postJson(
                                    "/forums/" + forum + "/memberships",
                                    membershipJson(member, "MEMBER", "2026-01-01", null)),
                            cityCoordinator)
                    .andExpect(status().isCreated());
        }
    }

    private String forum(String parent) throws Exception {
        return json(
                perform(
                                postJson(
                                        "/forums",
                                        forumJson("Kampala Urban Refugee Forum " + tag(), city, null, null, parent)),
                                cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.id");
    }

    private static String meetingJson(String title, String date) {
        return """
                {"title":"%s","date":"%s","startTime":"10:00","place":"KCCA City Hall, room 2",
                 "onlineLink":"https://meet.example.org/kampala",
                 "agenda":[{"title":"Escort service for new arrivals","note":"gap found in May",
                            "records":[{"kind":"NEED","recordId":"%s"}]}]}""".formatted(title, date, NEED);
    }

    private String meetings() {
        return "/forums/" + forum + "/meetings";
    }

    private String schedule(String date) throws Exception {
        return json(
                perform(postJson(meetings(), meetingJson("Coordination meeting " + t, date)), cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.meetingId");
    }

    /** A meeting that was held: scheduled, attended by the NGO and the hidden association, marked held. */
    private String heldMeeting(String date) throws Exception {
        String meeting = schedule(date);
        perform(
                        putJson(meetings() + "/" + meeting + "/attendance", """
                                {"attendance":[{"stakeholderId":"%s","status":"PRESENT"},
                                               {"stakeholderId":"%s","status":"APOLOGIES"}]}""".formatted(ngo, hidden), "\"1\""),
                        cityCoordinator)
                .andExpect(status().isOk());
        perform(
                        postJson(meetings() + "/" + meeting + "/status", "{\"status\":\"HELD\"}")
                                .header("If-Match", "\"2\""),
                        cityCoordinator)
                .andExpect(status().isOk());
        return meeting;
    }

    private static String decisionJson(String assignee, String dueOn) {
        return """
                {"text":"IRC leads an escort service at the bus park","type":"ASSIGN_ACTION","method":"CONSENSUS",
                 "concerns":[{"kind":"NEED","recordId":"%s"}],
                 "assignments":[{"assigneeId":"%s","expected":"Run escorts on arrival days","dueOn":"%s"}]}""".formatted(NEED, assignee, dueOn);
    }

    private List<RecordedEvent> meetingEvents(String subject) {
        return events.events(e -> MEETINGS.equals(e.topic()) && subject.equals(e.subject()));
    }

    /** Waits for exactly these events on the meetings topic about the forum, each valid, keyed and owned right. */
    private List<RecordedEvent> awaitMeetingEvents(String subject, String owner, String... types) {
        events.await(
                e -> MEETINGS.equals(e.topic()) && subject.equals(e.subject()), types.length, Duration.ofSeconds(20));
        pause(300);
        List<RecordedEvent> all = meetingEvents(subject);
        assertThat(all)
                .extracting(RecordedEvent::type)
                .containsExactly(Arrays.stream(types)
                        .map(x -> "org.arrival.registry." + x + ".v1")
                        .toArray(String[]::new));
        for (RecordedEvent e : all) {
            EventRecorder.assertValidCloudEvent(e);
            assertThat(e.key()).isEqualTo(subject);
            assertThat(e.header("ce_ownerorg")).isEqualTo(owner);
            assertThat(e.header("ce_dataclassification")).isEqualTo("FORUM");
        }
        return all;
    }

    @Test
    void aMeetingIsScheduledHeldMinutedAndItsDecisionAssignsWork() throws Exception {
        // schedule
        var scheduled = perform(
                        postJson(meetings(), meetingJson("Second quarter meeting " + t, "2026-11-20")), cityCoordinator)
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.forumId").value(forum))
                .andExpect(jsonPath("$.startTime").value("10:00"))
                .andExpect(jsonPath("$.agenda[0].records[0].kind").value("NEED"))
                .andExpect(jsonPath("$.attendance.length()").value(0))
                .andExpect(jsonPath("$.decisions.length()").value(0));
        String meeting = json(scheduled, "$.meetingId");
        String itemId = json(scheduled, "$.agenda[0].itemId");
        assertThat(scheduled.andReturn().getResponse().getHeader("Location")).isEqualTo(meetings() + "/" + meeting);

        // edit the agenda: the first item keeps its id
        String edited = meetingJson("Second quarter meeting " + t, "2026-11-20")
                .replace("}]}]}", "}]},{\"title\":\"Any other business\"}]}");
        perform(putJson(meetings() + "/" + meeting, edited, "\"1\""), cityCoordinator)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.agenda.length()").value(2))
                .andExpect(jsonPath("$.agenda[0].itemId").value(itemId))
                .andExpect(jsonPath("$.agenda[1].title").value("Any other business"));

        // attendance, held, minutes
        perform(
                        putJson(meetings() + "/" + meeting + "/attendance", """
                                {"attendance":[{"stakeholderId":"%s","status":"PRESENT"},
                                               {"stakeholderId":"%s","status":"APOLOGIES"}]}""".formatted(ngo, hidden), "\"2\""),
                        cityCoordinator)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.attendance[0].stakeholderId").value(ngo))
                .andExpect(jsonPath("$.attendance[0].name").value("International Rescue Committee Uganda " + t))
                .andExpect(jsonPath("$.attendance[1].status").value("APOLOGIES"));
        perform(
                        postJson(meetings() + "/" + meeting + "/status", "{\"status\":\"HELD\"}")
                                .header("If-Match", "\"3\""),
                        cityCoordinator)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("HELD"));
        perform(
                        putJson(
                                meetings() + "/" + meeting + "/minutes",
                                "{\"minutes\":\"The forum agreed a pilot.\"}",
                                "\"4\""),
                        cityCoordinator)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.minutes").value("The forum agreed a pilot."))
                .andExpect(header().string("ETag", "\"5\""));

        // a decision with two assignments, taken by a vote with dissent
        var decided = perform(
                        postJson(meetings() + "/" + meeting + "/decisions", """
                                {"text":"Escorts for new arrivals at the bus park","type":"ASSIGN_ACTION","method":"VOTE",
                                 "votes":{"inFavour":5,"against":1,"abstaining":0},
                                 "dissent":[{"stakeholderId":"%s","reason":"the city should run it"}],
                                 "concerns":[{"kind":"NEED","recordId":"%s"}],
                                 "assignments":[{"assigneeId":"%s","expected":"Run escorts on arrival days","dueOn":"2027-01-31"},
                                                {"assigneeId":"%s","expected":"Interpret for the escorts","dueOn":"2027-01-31"}]}""".formatted(hidden, NEED, ngo, hidden)),
                        cityCoordinator)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", meetings() + "/" + meeting))
                .andExpect(jsonPath("$.decidedOn").value("2026-11-20"))
                .andExpect(jsonPath("$.votes.inFavour").value(5))
                .andExpect(jsonPath("$.dissent[0].name").value("Kisenyi Refugee Women's Association " + t))
                .andExpect(jsonPath("$.assignments.length()").value(2))
                .andExpect(jsonPath("$.assignments[0].status").value("OPEN"))
                .andExpect(jsonPath("$.assignments[0].meetingTitle").value("Second quarter meeting " + t));
        String ngoAssignment = json(decided, "$.assignments[0].assignmentId");
        String hiddenAssignment = json(decided, "$.assignments[1].assignmentId");

        // the NGO accepts with its action, the association declines
        String action = UUID.randomUUID().toString();
        perform(
                        postJson("/assignments/" + ngoAssignment + "/acceptance", "{\"actionId\":\"" + action + "\"}")
                                .header("If-Match", "\"1\""),
                        ngoEditor)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.actionId").value(action))
                .andExpect(jsonPath("$.forumName").value("Kampala Urban Refugee Forum " + forumTag()))
                .andExpect(jsonPath("$.decisionText").value("Escorts for new arrivals at the bus park"));
        perform(
                        postJson(
                                        "/assignments/" + hiddenAssignment + "/decline",
                                        "{\"reason\":\"no interpreters free\"}")
                                .header("If-Match", "\"1\""),
                        hiddenAdmin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECLINED"))
                .andExpect(jsonPath("$.declineReason").value("no interpreters free"));
        perform(
                        postJson("/assignments/" + hiddenAssignment + "/decline", "{\"reason\":\"again\"}")
                                .header("If-Match", "\"2\""),
                        hiddenAdmin)
                .andExpect(status().isConflict());

        // minutes approved: the meeting's record is final
        perform(
                        postJson(meetings() + "/" + meeting + "/status", "{\"status\":\"MINUTES_APPROVED\"}")
                                .header("If-Match", "\"5\""),
                        cityCoordinator)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("MINUTES_APPROVED"))
                .andExpect(jsonPath("$.decisions[0].assignments[0].status").value("ACCEPTED"))
                .andExpect(jsonPath("$.decisions[0].assignments[1].status").value("DECLINED"));
        perform(putJson(meetings() + "/" + meeting + "/minutes", "{\"minutes\":\"changed\"}", "\"6\""), cityCoordinator)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("MINUTES_APPROVED")));

        // a later meeting is cancelled with its reason
        String later = schedule("2027-02-10");
        perform(
                        postJson(meetings() + "/" + later + "/status", "{\"status\":\"CANCELLED\"}")
                                .header("If-Match", "\"1\""),
                        cityCoordinator)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        perform(
                        postJson(
                                        meetings() + "/" + later + "/status",
                                        "{\"status\":\"CANCELLED\",\"reason\":\"the venue is flooded\"}")
                                .header("If-Match", "\"1\""),
                        cityCoordinator)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancellationReason").value("the venue is flooded"));

        // what members read
        perform(getJson(meetings()), ngoMember)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[0].meetingId").value(later))
                .andExpect(jsonPath("$.items[1].meetingId").value(meeting));
        perform(getJson(meetings() + "?status=CANCELLED"), ngoMember)
                .andExpect(jsonPath("$.totalItems").value(1));
        perform(getJson(meetings() + "/" + meeting), ngoMember)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"6\""));
        perform(getJson("/forums/" + forum + "/decisions"), ngoMember)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].concerns[0].recordId").value(NEED));
        perform(getJson("/assignments?assignee=" + ngo), ngoMember)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].assignmentId").value(ngoAssignment));
        perform(getJson("/assignments?status=OPEN"), ngoMember)
                .andExpect(jsonPath("$.totalItems").value(0));
        perform(getJson("/assignments/" + ngoAssignment), cityMember)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        perform(getJson(meetings() + "/" + meeting + "/history"), cityCoordinator)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].change").value("MeetingScheduled"))
                .andExpect(jsonPath("$[?(@.change == 'DecisionRecorded')]").isNotEmpty())
                .andExpect(jsonPath("$[?(@.change == 'AssignmentDeclined')]").isNotEmpty())
                .andExpect(jsonPath("$[-1].change").value("MinutesApproved"));

        List<RecordedEvent> published = awaitMeetingEvents(
                forum,
                city,
                "MeetingScheduled",
                "MeetingUpdated",
                "MeetingUpdated",
                "MeetingHeld",
                "MeetingUpdated",
                "DecisionRecorded",
                "AssignmentMade",
                "AssignmentMade",
                "AssignmentAccepted",
                "AssignmentDeclined",
                "MinutesApproved",
                "MeetingScheduled",
                "MeetingCancelled");
        assertThat(published.get(5).payloadText())
                .contains("\"method\":\"VOTE\"")
                .contains(hidden);
        assertThat(published.get(8).payloadText()).contains(action);
        assertThat(published.get(12).payloadText()).contains("\"cancellationReason\":\"the venue is flooded\"");
    }

    private String forumTag() throws Exception {
        String name = json(perform(getJson("/forums/" + forum), ngoMember), "$.name");
        return name.substring("Kampala Urban Refugee Forum ".length());
    }

    @Test
    void onlyThoseWhoRunTheForumWriteAndOnlyItsMembersRead() throws Exception {
        // a seated member's coordinator does not run the forum
        perform(postJson(meetings(), meetingJson("Ours", "2026-11-20")), ngoCoordinator)
                .andExpect(status().isForbidden());
        // the convenor's member without the role neither
        perform(postJson(meetings(), meetingJson("Ours", "2026-11-20")), cityMember)
                .andExpect(status().isForbidden());
        String meeting = heldMeeting("2026-11-20");
        // an organisation without a seat reads nothing of it; an unknown forum is not found
        perform(getJson(meetings()), strangerAdmin).andExpect(status().isForbidden());
        perform(getJson(meetings() + "/" + meeting), strangerAdmin).andExpect(status().isForbidden());
        perform(getJson("/forums/" + forum + "/decisions"), strangerAdmin).andExpect(status().isForbidden());
        perform(getJson("/forums/" + UUID.randomUUID() + "/meetings"), ngoMember)
                .andExpect(status().isNotFound());
        perform(getJson(meetings() + "/" + UUID.randomUUID()), ngoMember).andExpect(status().isNotFound());
        perform(getJson(meetings() + "/" + meeting + "/history"), ngoCoordinator)
                .andExpect(status().isForbidden());

        String assignment = json(
                perform(
                                postJson(meetings() + "/" + meeting + "/decisions", decisionJson(ngo, "2027-01-31")),
                                cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.assignments[0].assignmentId");
        // another organisation cannot answer the NGO's assignment, nor can the NGO's plain member
        perform(
                        postJson(
                                        "/assignments/" + assignment + "/acceptance",
                                        "{\"actionId\":\"" + UUID.randomUUID() + "\"}")
                                .header("If-Match", "\"1\""),
                        cityCoordinator)
                .andExpect(status().isForbidden());
        perform(
                        postJson("/assignments/" + assignment + "/decline", "{\"reason\":\"not ours\"}")
                                .header("If-Match", "\"1\""),
                        hiddenAdmin)
                .andExpect(status().isForbidden());
        perform(
                        postJson(
                                        "/assignments/" + assignment + "/acceptance",
                                        "{\"actionId\":\"" + UUID.randomUUID() + "\"}")
                                .header("If-Match", "\"1\""),
                        ngoMember)
                .andExpect(status().isForbidden());
        perform(getJson("/assignments/" + assignment), strangerAdmin).andExpect(status().isForbidden());
        perform(getJson("/assignments?assignee=" + ngo), hiddenAdmin).andExpect(status().isForbidden());
        perform(getJson("/assignments/" + assignment), ngoMember)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"));
        awaitMeetingEvents(
                forum, city, "MeetingScheduled", "MeetingUpdated", "MeetingHeld", "DecisionRecorded", "AssignmentMade");
    }

    @Test
    void anEnforcementBodySeesNoRecordReferencesAndNoHiddenOrganisation() throws Exception {
        String meeting = heldMeeting("2026-11-20");
        var decided = perform(
                        postJson(meetings() + "/" + meeting + "/decisions", """
                                {"text":"Escorts and interpreting","type":"RESOLVE_FLAG","method":"CONSENSUS",
                                 "dissent":[{"stakeholderId":"%s","reason":"not consulted"}],
                                 "concerns":[{"kind":"FLAG","recordId":"%s"}],
                                 "assignments":[{"assigneeId":"%s","expected":"Escorts","dueOn":"2027-01-31"},
                                                {"assigneeId":"%s","expected":"Interpreting","dueOn":"2027-01-31"}]}""".formatted(hidden, FLAG, ngo, hidden)),
                        cityCoordinator)
                .andExpect(status().isCreated());
        String hiddenAssignment = json(decided, "$.assignments[1].assignmentId");

        perform(getJson(meetings() + "/" + meeting), policeAdmin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agenda[0].title").value("Escort service for new arrivals"))
                .andExpect(jsonPath("$.agenda[0].records.length()").value(0))
                .andExpect(jsonPath("$.attendance.length()").value(1))
                .andExpect(jsonPath("$.attendance[0].stakeholderId").value(ngo))
                .andExpect(jsonPath("$.decisions[0].concerns.length()").value(0))
                .andExpect(jsonPath("$.decisions[0].dissent.length()").value(0))
                .andExpect(jsonPath("$.decisions[0].assignments.length()").value(1));
        String body = perform(getJson("/forums/" + forum + "/decisions"), policeAdmin)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain(hidden).doesNotContain(FLAG).doesNotContain(hiddenAssignment);
        assertThat(perform(getJson(meetings()), policeAdmin)
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(hidden)
                .doesNotContain(NEED);
        perform(getJson("/assignments/" + hiddenAssignment), policeAdmin).andExpect(status().isNotFound());
        // a member that is no enforcement body sees it all
        perform(getJson(meetings() + "/" + meeting), ngoMember)
                .andExpect(jsonPath("$.attendance.length()").value(2))
                .andExpect(jsonPath("$.agenda[0].records[0].recordId").value(NEED))
                .andExpect(jsonPath("$.decisions[0].concerns[0].recordId").value(FLAG))
                .andExpect(jsonPath("$.decisions[0].assignments.length()").value(2));
        perform(getJson("/assignments/" + hiddenAssignment), hiddenAdmin).andExpect(status().isOk());
    }

    @Test
    void aHiddenAssociationsNameTypedInTheMeetingReachesMembersInFullAndAnEnforcementBodyAsAPlaceholder()
            throws Exception {
        String name = "Kisenyi Refugee Women's Association " + t;
        String acronym = "URA" + t.substring(0, 3).toUpperCase(java.util.Locale.ROOT);
        // another hidden association, known to the forum's chair by its acronym
        register(associationJson(t, true)
                .replace("Kisenyi Refugee Women's Association", "Umoja Refugee Association")
                .replace("{\"name\"", "{\"acronym\":\"" + acronym + "\",\"name\""));
        String meeting = json(
                perform(
                                postJson(
                                        meetings(), """
                                {"title":"Coordination meeting %1$s","date":"2026-11-20",
                                 "agenda":[{"title":"%2$s will gather residents' views","note":"asked by %3$s",
                                            "records":[]}]}""".formatted(t, name, acronym.toLowerCase(java.util.Locale.ROOT))),
                                cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.meetingId");
        perform(
                        postJson(meetings() + "/" + meeting + "/status", "{\"status\":\"HELD\"}")
                                .header("If-Match", "\"1\""),
                        cityCoordinator)
                .andExpect(status().isOk());
        perform(
                        putJson(
                                meetings() + "/" + meeting + "/minutes",
                                // the name in other letters; the run's tag as it is, since upper-cased a tag such
                                // as b6927934 has the shape of a passport number and the minutes would be refused
                                "{\"minutes\":\"KISENYI REFUGEE WOMEN'S ASSOCIATION %s reported first.\"}".formatted(t),
                                "\"2\""),
                        cityCoordinator)
                .andExpect(status().isOk());
        var decided = perform(
                        postJson(meetings() + "/" + meeting + "/decisions", """
                                {"text":"%1$s will gather residents' views on the water point","type":"ASSIGN_ACTION",
                                 "method":"CONSENSUS",
                                 "assignments":[{"assigneeId":"%2$s","expected":"Meet %3$s in Kisenyi","dueOn":"2027-01-31"}]}""".formatted(name, ngo, acronym)),
                        cityCoordinator)
                .andExpect(status().isCreated());
        String assignment = json(decided, "$.assignments[0].assignmentId");

        // a member reads what was typed
        perform(getJson(meetings() + "/" + meeting), ngoMember)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agenda[0].title").value(name + " will gather residents' views"))
                .andExpect(jsonPath("$.decisions[0].text")
                        .value(name + " will gather residents' views on the water point"));
        perform(getJson("/assignments/" + assignment), ngoMember)
                .andExpect(jsonPath("$.expected").value("Meet " + acronym + " in Kisenyi"));

        // the enforcement body reads the same texts with the association's name and acronym taken out
        perform(getJson(meetings() + "/" + meeting), policeAdmin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agenda[0].title").value("[…] will gather residents' views"))
                .andExpect(jsonPath("$.agenda[0].note").value("asked by […]"))
                .andExpect(jsonPath("$.minutes").value("[…] reported first."))
                .andExpect(jsonPath("$.decisions[0].text").value("[…] will gather residents' views on the water point"))
                .andExpect(jsonPath("$.decisions[0].assignments[0].expected").value("Meet […] in Kisenyi"));
        perform(getJson("/assignments/" + assignment), policeAdmin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisionText").value("[…] will gather residents' views on the water point"))
                .andExpect(jsonPath("$.expected").value("Meet […] in Kisenyi"));
        for (String path : List.of(meetings(), meetings() + "/" + meeting, "/forums/" + forum + "/decisions")) {
            String body = perform(getJson(path), policeAdmin)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body.toLowerCase(java.util.Locale.ROOT))
                    .as(path)
                    .doesNotContain(name.toLowerCase(java.util.Locale.ROOT))
                    .doesNotContain(acronym.toLowerCase(java.util.Locale.ROOT))
                    .contains("[…]");
        }
    }

    @Test
    void anEnforcementBodyRunningTheForumEditsWhatItWasShownWithoutOverwritingTheNamesItWasNotShown() throws Exception {
        String name = "Kisenyi Refugee Women's Association " + t;
        String chaired = json(
                perform(
                                postJson("/forums", forumJson("Kampala border forum " + t, city, police, null, null)),
                                cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.id");
        String path = "/forums/" + chaired + "/meetings";
        String meeting = json(
                perform(postJson(path, """
                                {"title":"Coordination meeting %1$s","date":"2026-11-20","place":"Office of %2$s",
                                 "agenda":[{"title":"%2$s will gather residents' views",
                                            "records":[{"kind":"NEED","recordId":"%3$s"}]}]}""".formatted(t, name, NEED)), cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.meetingId");
        perform(getJson(path + "/" + meeting), policeAdmin)
                .andExpect(jsonPath("$.place").value("Office of […]"))
                .andExpect(jsonPath("$.agenda[0].title").value("[…] will gather residents' views"));
        // the chair sends back what it was shown, with a new start time
        perform(putJson(path + "/" + meeting, """
                                {"title":"Coordination meeting %s","date":"2026-11-20","startTime":"09:30",
                                 "place":"Office of […]",
                                 "agenda":[{"title":"[…] will gather residents' views","records":[]}]}""".formatted(t), "\"1\""), policeAdmin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.startTime").value("09:30"))
                .andExpect(jsonPath("$.agenda[0].title").value("[…] will gather residents' views"));
        perform(getJson(path + "/" + meeting), cityCoordinator)
                .andExpect(jsonPath("$.startTime").value("09:30"))
                .andExpect(jsonPath("$.place").value("Office of " + name))
                .andExpect(jsonPath("$.agenda[0].title").value(name + " will gather residents' views"))
                .andExpect(jsonPath("$.agenda[0].records[0].recordId").value(NEED));
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        String meeting = schedule("2026-11-20");
        String path = meetings() + "/" + meeting;
        // an unknown attendance status
        perform(
                        putJson(
                                path + "/attendance",
                                "{\"attendance\":[{\"stakeholderId\":\"" + ngo + "\",\"status\":\"LATE\"}]}",
                                "\"1\""),
                        cityCoordinator)
                .andExpect(status().isBadRequest());
        // an organisation without a seat in the forum
        perform(
                        putJson(
                                path + "/attendance",
                                "{\"attendance\":[{\"stakeholderId\":\"" + stranger + "\",\"status\":\"PRESENT\"}]}",
                                "\"1\""),
                        cityCoordinator)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attendance[0].stakeholderId"));
        perform(postJson(meetings(), meetingJson("Bad time", "2026-11-20").replace("10:00", "25:00")), cityCoordinator)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("startTime"));
        perform(
                        postJson(
                                meetings(),
                                meetingJson("Bad link", "2026-11-20").replace("https://meet", "http://meet")),
                        cityCoordinator)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("onlineLink"));
        perform(
                        postJson(
                                meetings(),
                                meetingJson("Bad record", "2026-11-20").replace("\"NEED\"", "\"MEMO\"")),
                        cityCoordinator)
                .andExpect(status().isBadRequest());
        // a decision at a meeting that has not been held
        perform(postJson(path + "/decisions", decisionJson(ngo, "2027-01-31")), cityCoordinator)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("SCHEDULED")));
        perform(postJson(path + "/status", "{\"status\":\"HELD\"}").header("If-Match", "\"1\""), cityCoordinator)
                .andExpect(status().isOk());
        // a vote without its counts
        perform(
                        postJson(
                                path + "/decisions",
                                decisionJson(ngo, "2027-01-31").replace("CONSENSUS", "VOTE")),
                        cityCoordinator)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("votes"));
        // due before the meeting
        perform(postJson(path + "/decisions", decisionJson(ngo, "2026-11-19")), cityCoordinator)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assignments[0].dueOn"));
        // an assignee without a seat, an unknown type, an escalation without a parent forum, a flag resolution without
        // flags
        perform(postJson(path + "/decisions", decisionJson(stranger, "2027-01-31")), cityCoordinator)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assignments[0].assigneeId"));
        perform(
                        postJson(
                                path + "/decisions",
                                decisionJson(ngo, "2027-01-31").replace("ASSIGN_ACTION", "DELEGATE")),
                        cityCoordinator)
                .andExpect(status().isBadRequest());
        perform(
                        postJson(
                                path + "/decisions",
                                decisionJson(ngo, "2027-01-31").replace("ASSIGN_ACTION", "ESCALATE")),
                        cityCoordinator)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        perform(
                        postJson(
                                path + "/decisions",
                                decisionJson(ngo, "2027-01-31").replace("ASSIGN_ACTION", "RESOLVE_FLAG")),
                        cityCoordinator)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("concerns"));
        perform(postJson(path + "/decisions", """
                {"text":"Nobody is assigned","type":"ASSIGN_ACTION","method":"CONSENSUS"}"""), cityCoordinator)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assignments"));
        perform(getJson(path), ngoMember)
                .andExpect(jsonPath("$.decisions.length()").value(0));
        awaitMeetingEvents(forum, city, "MeetingScheduled", "MeetingHeld");
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() throws Exception {
        String meeting = schedule("2026-11-20");
        String path = meetings() + "/" + meeting;
        perform(putJson(path, meetingJson("Renamed " + t, "2026-11-21"), "\"1\""), cityCoordinator)
                .andExpect(status().isOk());
        perform(putJson(path, meetingJson("Renamed again " + t, "2026-11-22"), "\"1\""), cityCoordinator)
                .andExpect(status().isPreconditionFailed());
        perform(postJson(path + "/status", "{\"status\":\"HELD\"}").header("If-Match", "\"1\""), cityCoordinator)
                .andExpect(status().isPreconditionFailed());
        perform(putJson(path, meetingJson("Renamed again " + t, "2026-11-22"), null), cityCoordinator)
                .andExpect(status().is(428));
        perform(getJson(path), ngoMember)
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.title").value("Renamed " + t))
                .andExpect(jsonPath("$.date").value("2026-11-21"))
                .andExpect(jsonPath("$.status").value("SCHEDULED"));
        awaitMeetingEvents(forum, city, "MeetingScheduled", "MeetingUpdated");
    }

    @Test
    void anOverdueAssignmentIsAnnouncedOnce() throws Exception {
        String meeting = heldMeeting("2026-11-20");
        var decided = perform(
                        postJson(meetings() + "/" + meeting + "/decisions", """
                                {"text":"Two pieces of work","type":"ASSIGN_ACTION","method":"CONSENSUS",
                                 "assignments":[{"assigneeId":"%s","expected":"Escorts","dueOn":"2026-12-01"},
                                                {"assigneeId":"%s","expected":"Interpreting","dueOn":"2026-12-01"}]}""".formatted(ngo, hidden)),
                        cityCoordinator)
                .andExpect(status().isCreated());
        String open = json(decided, "$.assignments[0].assignmentId");
        String declined = json(decided, "$.assignments[1].assignmentId");
        perform(
                        postJson("/assignments/" + declined + "/decline", "{\"reason\":\"no interpreters\"}")
                                .header("If-Match", "\"1\""),
                        hiddenAdmin)
                .andExpect(status().isOk());
        List<UUID> ids = List.of(UUID.fromString(open), UUID.fromString(declined));

        assertThat(overdue.check(LocalDate.parse("2026-12-01"), ids)).isEmpty();
        assertThat(overdue.check(LocalDate.parse("2026-12-04"), ids)).containsExactly(UUID.fromString(open));
        assertThat(overdue.check(LocalDate.parse("2026-12-05"), ids)).isEmpty();

        List<RecordedEvent> published = awaitMeetingEvents(
                forum,
                city,
                "MeetingScheduled",
                "MeetingUpdated",
                "MeetingHeld",
                "DecisionRecorded",
                "AssignmentMade",
                "AssignmentMade",
                "AssignmentDeclined",
                "AssignmentOverdue");
        assertThat(published.get(7).payloadText()).contains(open).contains("\"daysOverdue\":3");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM assignment_overdue WHERE assignment_id = ?::uuid", Long.class, open))
                .isEqualTo(1L);
    }

    @Test
    void anEscalationProposesAnAgendaItemToTheParentForum() throws Exception {
        String parent = forum(null);
        String nested = forum(parent);
        perform(
                        postJson(
                                "/forums/" + nested + "/memberships",
                                membershipJson(ngo, "MEMBER", "2026-01-01", null)),
                        cityCoordinator)
                .andExpect(status().isCreated());
        perform(
                        postJson(
                                "/forums/" + parent + "/memberships",
                                membershipJson(hidden, "MEMBER", "2026-01-01", null)),
                        cityCoordinator)
                .andExpect(status().isCreated());
        String meeting = json(
                perform(
                                postJson("/forums/" + nested + "/meetings", meetingJson("Nested " + t, "2026-11-20")),
                                cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.meetingId");
        perform(
                        postJson("/forums/" + nested + "/meetings/" + meeting + "/status", "{\"status\":\"HELD\"}")
                                .header("If-Match", "\"1\""),
                        cityCoordinator)
                .andExpect(status().isOk());
        String decision = json(
                perform(
                                postJson("/forums/" + nested + "/meetings/" + meeting + "/decisions", """
                                        {"text":"Housing for large families needs the national board","type":"ESCALATE",
                                         "method":"CHAIR_DECISION","concerns":[{"kind":"NEED","recordId":"%s"}]}""".formatted(
                                                NEED)),
                                cityCoordinator)
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.escalatedToForumId").value(parent)),
                "$.decisionId");

        var proposals = perform(getJson("/forums/" + parent + "/agenda-proposals"), hiddenAdmin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].fromForumId").value(nested))
                .andExpect(jsonPath("$[0].decisionId").value(decision))
                .andExpect(jsonPath("$[0].title").value("Housing for large families needs the national board"))
                .andExpect(jsonPath("$[0].records[0].recordId").value(NEED))
                .andExpect(jsonPath("$[0].proposedOn").value("2026-11-20"))
                .andExpect(jsonPath("$[0].takenUpByMeetingId").doesNotExist());
        String proposal = json(proposals, "$[0].proposalId");

        // a meeting of the parent forum takes it up; a proposal to another forum cannot be taken up
        String takeUp = """
                {"title":"Board meeting","date":"2026-12-15","agenda":[{"title":"Housing","records":[],"proposalId":"%s"}]}""".formatted(proposal);
        perform(postJson("/forums/" + nested + "/meetings", takeUp), cityCoordinator)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("agenda[0].proposalId"));
        String boardMeeting = json(
                perform(postJson("/forums/" + parent + "/meetings", takeUp), cityCoordinator)
                        .andExpect(status().isCreated()),
                "$.meetingId");
        perform(getJson("/forums/" + parent + "/agenda-proposals"), hiddenAdmin)
                .andExpect(jsonPath("$[0].takenUpByMeetingId").value(boardMeeting));
        perform(getJson("/forums/" + parent + "/agenda-proposals"), ngoMember).andExpect(status().isForbidden());

        List<RecordedEvent> toParent = awaitMeetingEvents(parent, city, "AgendaItemProposed", "MeetingScheduled");
        assertThat(toParent.get(0).payloadText())
                .contains(proposal)
                .contains(decision)
                .contains(nested);
        awaitMeetingEvents(nested, city, "MeetingScheduled", "MeetingHeld", "DecisionRecorded");
    }
}
