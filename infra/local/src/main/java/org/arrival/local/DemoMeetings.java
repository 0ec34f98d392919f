package org.arrival.local;

import static org.arrival.local.DemoForum.KCCA;
import static org.arrival.local.DemoForum.NGO;
import static org.arrival.local.DemoForum.OPM;
import static org.arrival.local.DemoForum.RLO;
import static org.arrival.local.DemoForum.UBOS;
import static org.arrival.local.DemoForum.UN_AGENCY;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The forum's last two meetings and its next one, in the registry: in September the forum asked the city to keep care
 * without a refugee ID in its plan (accepted with the city's action, which reports progress) and asked the NGO for a
 * second clinic day (declined, for lack of funds); in November it asked the refugee-led association to gather
 * residents' views on the Kisenyi water point (not answered by its due date) and adopted a position on the budget
 * formula with the national department's dissent. The next meeting is scheduled three weeks from the day the demo is
 * loaded.
 */
// load() sets the ids; DemoForum loads the meetings after the plans, in one go
@SuppressWarnings("NullAway.Init")
public final class DemoMeetings {

    public static final String SEPTEMBER = "Forum meeting, September 2026";
    public static final String NOVEMBER = "Forum meeting, November 2026";
    public static final String NEXT = "Forum meeting, next quarter";
    public static final String CITY_HEALTH = "Keep care without a refugee ID at the Kisenyi health centre in the city's"
            + " plan and report on it every quarter.";
    public static final String NGO_CLINIC = "Horizon Relief International adds a second mobile clinic day in Katwe.";
    /** Worded without the association's name: the decision is read by every member, the enforcement unit too. */
    public static final String WATER_VIEWS =
            "Residents' views on the repaired Kisenyi water point are gathered and brought to the forum.";

    public static final String BUDGET_POSITION =
            "The forum asks that the city's budget formula count every resident," + " registered or not.";
    public static final String DECLINE_REASON =
            "Our clinic funding ends in March; we can lend staff to the city's health centre instead.";

    private static final String CHAIR = "kcca-coordinator";

    private final DemoCalls calls;
    private final String forumId;
    private final DemoPlans plans;

    private String septemberId;
    private String novemberId;
    private String nextId;
    private String overdueAssignmentId;

    DemoMeetings(DemoCalls calls, String forumId, DemoPlans plans) {
        this.calls = calls;
        this.forumId = forumId;
        this.plans = plans;
    }

    public String septemberId() {
        return septemberId;
    }

    public String novemberId() {
        return novemberId;
    }

    public String nextId() {
        return nextId;
    }

    /** The association's assignment that was not answered by its due date. */
    public String overdueAssignmentId() {
        return overdueAssignmentId;
    }

    void load() {
        String health = plans.action(DemoPlans.HEALTH_ACCESS);
        String water = plans.action(DemoPlans.WATER_POINT);
        String legalAid = plans.action(DemoPlans.LEGAL_AID);

        JsonNode september = schedule(SEPTEMBER, "2026-09-10", """
                [{"title":"Health care for residents without a refugee ID","note":"Progress of the Kisenyi health centre.",
                  "records":[{"kind":"ACTION","recordId":"%s"}]},
                 {"title":"Referrals for people without documents",
                  "records":[{"kind":"ACTION","recordId":"%s"}]},
                 {"title":"Clinic days in Katwe","records":[]}]""".formatted(health, legalAid));
        septemberId = september.get("meetingId").asString();
        attend(septemberId, """
                [{"stakeholderId":"%s","status":"PRESENT"},{"stakeholderId":"%s","status":"PRESENT"},
                 {"stakeholderId":"%s","status":"PRESENT"},{"stakeholderId":"%s","status":"APOLOGIES"},
                 {"stakeholderId":"%s","status":"PRESENT"},{"stakeholderId":"%s","status":"ABSENT"}]""".formatted(KCCA, NGO, RLO, OPM, UN_AGENCY, UBOS));
        status(septemberId, "HELD");
        minutes(
                septemberId,
                "The health centre sees patients without a refugee ID since June; interpreters are still missing."
                        + " The NGO was asked about a second clinic day in Katwe and will answer in writing.");
        JsonNode healthDecision = decide(septemberId, """
                {"text":"%s","type":"ASSIGN_ACTION","method":"CONSENSUS","dissent":[],
                 "concerns":[{"kind":"ACTION","recordId":"%s"}],
                 "assignments":[{"assigneeId":"%s","expected":"Keep the action in the city's plan and report every quarter.",
                                 "dueOn":"2026-09-30"}]}""".formatted(CITY_HEALTH, health, KCCA));
        JsonNode clinicDecision = decide(septemberId, """
                {"text":"%s","type":"ASSIGN_ACTION","method":"VOTE","votes":{"inFavour":4,"against":0,"abstaining":1},
                 "dissent":[],"concerns":[],
                 "assignments":[{"assigneeId":"%s","expected":"Run the clinic in Katwe on Thursdays as well as Tuesdays.",
                                 "dueOn":"2026-10-10"}]}""".formatted(NGO_CLINIC, NGO));
        status(septemberId, "MINUTES_APPROVED");
        accept("kcca-coordinator", assignment(healthDecision), Map.of("actionId", health));
        decline("ngo-editor", assignment(clinicDecision), Map.of("reason", DECLINE_REASON));

        JsonNode november = schedule(NOVEMBER, "2026-11-12", """
                [{"title":"The Kisenyi water point after its repair","records":[{"kind":"ACTION","recordId":"%s"}]},
                 {"title":"Counting every resident in the city's budget","records":[]}]""".formatted(water));
        novemberId = november.get("meetingId").asString();
        attend(novemberId, """
                [{"stakeholderId":"%s","status":"PRESENT"},{"stakeholderId":"%s","status":"PRESENT"},
                 {"stakeholderId":"%s","status":"PRESENT"},{"stakeholderId":"%s","status":"PRESENT"}]""".formatted(KCCA, NGO, RLO, OPM));
        status(novemberId, "HELD");
        JsonNode waterDecision = decide(novemberId, """
                {"text":"%s","type":"ASSIGN_ACTION","method":"CONSENSUS","dissent":[],
                 "concerns":[{"kind":"ACTION","recordId":"%s"}],
                 "assignments":[{"assigneeId":"%s","expected":"Ask residents of Kisenyi III how the water point serves them and tell the forum.",
                                 "dueOn":"2026-11-30"}]}""".formatted(WATER_VIEWS, water, RLO));
        overdueAssignmentId = assignment(waterDecision);
        decide(novemberId, """
                {"text":"%s","type":"ADOPT_POSITION","method":"VOTE","votes":{"inFavour":3,"against":1,"abstaining":0},
                 "dissent":[{"stakeholderId":"%s","reason":"The formula is set nationally; the forum should ask the ministry, not the city."}],
                 "concerns":[],"assignments":[]}""".formatted(BUDGET_POSITION, OPM));

        JsonNode next = schedule(NEXT, LocalDate.now().plusWeeks(3).toString(), """
                [{"title":"What came of the November decisions",
                  "records":[{"kind":"DECISION","recordId":"%s"}]},
                 {"title":"Interpreters at the Kisenyi health centre","records":[{"kind":"ACTION","recordId":"%s"}]}]""".formatted(
                        waterDecision.get("decisionId").asString(), health));
        nextId = next.get("meetingId").asString();
        // the forum view limits this read per minute: ask every two seconds
        calls.await(
                "the forum's decisions",
                CHAIR,
                PlatformService.FORUM,
                "/forums/" + forumId + "/decisions",
                decisions -> decisions.get("totalItems").asInt() == 4,
                Duration.ofSeconds(2));
    }

    private JsonNode schedule(String title, String date, String agenda) {
        return calls.create(CHAIR, PlatformService.REGISTRY, meetings(), """
                {"title":"%s","date":"%s","startTime":"10:00","place":"City Hall, Kampala, committee room 2",
                 "agenda":%s}""".formatted(title, date, agenda));
    }

    private JsonNode attend(String meetingId, String attendance) {
        return change(
                "PUT", meetingId, "/attendance", PlatformClient.json().readTree("{\"attendance\":" + attendance + "}"));
    }

    private JsonNode status(String meetingId, String status) {
        return change("POST", meetingId, "/status", Map.of("status", status));
    }

    private JsonNode minutes(String meetingId, String minutes) {
        return change("PUT", meetingId, "/minutes", Map.of("minutes", minutes));
    }

    /** A change to the meeting as it is now, naming its version in If-Match. */
    private JsonNode change(String method, String meetingId, String what, Object body) {
        String path = meetings() + "/" + meetingId;
        JsonNode current = calls.read(CHAIR, PlatformService.REGISTRY, path);
        return calls.eventually(200, method, CHAIR, PlatformService.REGISTRY, path + what, body, current);
    }

    private JsonNode decide(String meetingId, String decision) {
        return calls.create(CHAIR, PlatformService.REGISTRY, meetings() + "/" + meetingId + "/decisions", decision);
    }

    private void accept(String user, String assignmentId, Map<String, String> body) {
        JsonNode current = calls.read(user, PlatformService.REGISTRY, "/assignments/" + assignmentId);
        calls.eventually(
                200,
                "POST",
                user,
                PlatformService.REGISTRY,
                "/assignments/" + assignmentId + "/acceptance",
                body,
                current);
    }

    private void decline(String user, String assignmentId, Map<String, String> body) {
        JsonNode current = calls.read(user, PlatformService.REGISTRY, "/assignments/" + assignmentId);
        calls.eventually(
                200,
                "POST",
                user,
                PlatformService.REGISTRY,
                "/assignments/" + assignmentId + "/decline",
                body,
                current);
    }

    private static String assignment(JsonNode decision) {
        return decision.get("assignments").get(0).get("assignmentId").asString();
    }

    private String meetings() {
        return "/forums/" + forumId + "/meetings";
    }
}
