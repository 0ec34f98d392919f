package org.arrival.web.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrival.web.SignedIn;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.arrival.web.layout.Languages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A forum's meetings against stub services: the list with its paging and empty state, scheduling (the JSON sent, the
 * registry's refusal at its field with what was typed kept), a meeting's attendance and minutes at the version read
 * (412 keeps what was typed), a decision with votes only for a vote and its assignment rows, a member who reads only,
 * the four languages, and every form control labelled.
 */
class MeetingPagesTest extends WebTest {

    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID MEETING = UUID.fromString("1a2b3c4d-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID CITY = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");
    static final UUID NGO = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID ACTION = UUID.fromString("a11c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID HIDDEN_ACTION = UUID.fromString("b11c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID ASSIGNMENT = UUID.fromString("c11c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final SignedIn CHAIR = SignedIn.as("kcca-coordinator", CITY, "forum-coordinator", "member");
    static final SignedIn NGO_COORDINATOR = SignedIn.as("irc-coordinator", NGO, "forum-coordinator", "member");
    static final String BASE = "/forums/" + FORUM + "/meetings";
    static final String ONE = BASE + "/" + MEETING;

    @Autowired
    MockMvc mvc;

    static String meeting(long version, String status, String minutes) {
        return """
                {"meetingId":"%s","version":%d,"forumId":"%s","title":"March coordination meeting",
                 "date":"2026-03-14","startTime":"09:30","place":"City hall, room 4","onlineLink":null,
                 "agenda":[{"itemId":"%s","title":"Winter shelter","note":"Beds short",
                   "records":[{"kind":"ACTION","recordId":"%s"}],"proposalId":null}],
                 "attendance":[{"stakeholderId":"%s","name":"Kampala Capital City Authority","status":"PRESENT"}],
                 "minutes":%s,"status":"%s","cancellationReason":null,
                 "decisions":[{"decisionId":"%s","version":1,"forumId":"%s","meetingId":"%s","decidedOn":"2026-03-14",
                   "text":"Open two more shelters","type":"ASSIGN_ACTION","method":"VOTE",
                   "votes":{"inFavour":7,"against":1,"abstaining":2},"dissent":[],"concerns":[],
                   "escalatedToForumId":null,
                   "assignments":[{"assignmentId":"%s","version":1,"assigneeId":"%s","assigneeName":"Refugee legal aid",
                     "expected":"Find two buildings","dueOn":"2026-04-30","status":"OPEN"}]}]}""".formatted(
                        MEETING,
                        version,
                        FORUM,
                        UUID.randomUUID(),
                        ACTION,
                        CITY,
                        minutes == null ? "null" : "\"" + minutes + "\"",
                        status,
                        UUID.randomUUID(),
                        FORUM,
                        MEETING,
                        ASSIGNMENT,
                        NGO);
    }

    static String listing(int page, int totalPages, long total, String... items) {
        return """
                {"items":[%s],"page":%d,"size":20,"totalItems":%d,"totalPages":%d}""".formatted(String.join(",", items), page, total, totalPages);
    }

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer("GET", "/forums/" + FORUM, 200, """
                {"id":"%s","version":3,"name":"Kampala coordination forum","type":"COORDINATION_FORUM",
                 "convenorId":"%s","chairId":"%s","secretariatId":null,"parentForumId":null,"status":"ACTIVE"}""".formatted(FORUM, CITY, CITY));
        SERVICES.answer("GET", BASE, 200, listing(0, 1, 1, meeting(4, "SCHEDULED", null)));
        SERVICES.answer("GET", ONE, 200, meeting(4, "HELD", "We met."));
        SERVICES.answer("GET", ONE + "/pack", 200, """
                {"meeting":{"meetingId":"%s","agenda":[{"itemId":"%s","title":"Winter shelter","note":"Beds short",
                  "records":[{"kind":"ACTION","recordId":"%s","title":"Emergency shelter in Kawempe",
                    "status":"IN_PROGRESS"}]}]}}""".formatted(MEETING, UUID.randomUUID(), ACTION));
        SERVICES.answer("GET", "/forums/" + FORUM + "/memberships", 200, """
                [{"id":"%s","version":1,"forumId":"%s","stakeholderId":"%s","seat":"CHAIR","status":"ACTIVE"},
                 {"id":"%s","version":4,"forumId":"%s","stakeholderId":"%s","seat":"MEMBER","status":"ACTIVE"}]""".formatted(
                        UUID.randomUUID(), FORUM, CITY, UUID.randomUUID(), FORUM, NGO));
        SERVICES.answer("GET", "/stakeholders/" + CITY, 200, """
                {"id":"%s","version":1,"name":"Kampala Capital City Authority","type":"LOCAL_GOVERNMENT",
                 "status":"ACTIVE"}""".formatted(CITY));
        SERVICES.answer("GET", "/stakeholders/" + NGO, 200, """
                {"id":"%s","version":1,"name":"Refugee legal aid","type":"NGO","status":"ACTIVE"}""".formatted(NGO));
        SERVICES.answer("GET", "/forums/" + FORUM + "/tracker", 200, """
                {"items":[{"actionId":"%s","title":"Emergency shelter in Kawempe","ownerId":"%s",
                  "ownerName":"Kampala Capital City Authority","status":"IN_PROGRESS","kind":"LOCAL","overdue":false}],
                 "page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(ACTION, CITY));
        SERVICES.answer(
                "GET",
                "/forums/" + FORUM + "/flags",
                200,
                "{\"items\":[],\"page\":0,\"size\":200,\"totalItems\":0,\"totalPages\":0}");
        SERVICES.answer("GET", "/forums/" + FORUM + "/decisions", 200, listing(0, 0, 0));
        SERVICES.answer("GET", "/forums/" + FORUM + "/agenda-proposals", 200, "[]");
    }

    private static StubServices.Request sent(String method, String path) {
        return SERVICES.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    @Test
    void theListPagesNewestFirstAndSaysWhenThereIsNone() throws Exception {
        SERVICES.answer("GET", BASE, 200, listing(1, 3, 45, meeting(4, "SCHEDULED", null)));
        String page = html(get(BASE + "?page=1&status=SCHEDULED").with(as(NGO_COORDINATOR)), 200);
        assertThat(sent("GET", BASE).query()).isEqualTo("status=SCHEDULED&page=1&size=20");
        assertThat(page)
                .contains("<a href=\"" + ONE + "\">March coordination meeting</a>", "45 meetings")
                .contains("href=\"" + BASE + "?status=SCHEDULED&amp;page=0\" id=\"meetings-previous\"")
                .contains("href=\"" + BASE + "?status=SCHEDULED&amp;page=2\" id=\"meetings-next\"")
                .contains("Page 2 of 3", ">Scheduled</span>");

        SERVICES.answer("GET", BASE, 200, listing(0, 0, 0));
        assertThat(html(get(BASE).with(as(NGO_COORDINATOR)), 200))
                .contains("id=\"meetings-none\"", "No meeting has been scheduled for this forum yet.")
                .doesNotContain("id=\"meetings-next\"");
        assertThat(html(get(BASE + "?status=CANCELLED").with(as(NGO_COORDINATOR)), 200))
                .contains("No meeting has the status “Cancelled”.");
    }

    @Test
    void theChairSchedulesAMeetingWithAnAgendaItemNamingAnAction() throws Exception {
        String form = html(get(BASE).with(as(CHAIR)), 200);
        assertThat(form)
                .contains("id=\"schedule-form\"")
                .contains("<option value=\"ACTION:" + ACTION + "\">Emergency shelter in Kawempe</option>");
        SERVICES.answer("POST", BASE, 201, meeting(1, "SCHEDULED", null));
        mvc.perform(schedule("March coordination meeting", "2026-03-14").with(as(CHAIR)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(ONE));
        assertThat(sent("POST", BASE).body())
                .isEqualTo("{\"title\":\"March coordination meeting\",\"date\":\"2026-03-14\",\"startTime\":\"09:30\","
                        + "\"place\":\"City hall, room 4\",\"onlineLink\":null,\"agenda\":[{\"title\":\"Winter shelter\","
                        + "\"note\":null,\"records\":[{\"kind\":\"ACTION\",\"recordId\":\"" + ACTION + "\"}],"
                        + "\"proposalId\":null}]}");
    }

    @Test
    void theAgendaMayNameTheForumsNeedsAndRoundsGroupedByKind() throws Exception {
        UUID need = UUID.randomUUID();
        UUID otherNeed = UUID.randomUUID();
        UUID round = UUID.randomUUID();
        SERVICES.answer("GET", "/forums/" + FORUM + "/needs-coverage", 200, """
                [{"sector":"WASH","group":"REFUGEES","area":"UG-102","coverage":"NONE","needs":1,
                  "needIds":["%s"],"actionIds":[],"inputs":0}]""".formatted(need));
        SERVICES.answer("GET", "/needs", 200, """
                {"items":[{"id":"%s","version":1,"ownerId":"%s","statement":"Safe water in Nakivale",
                   "sector":"WASH","populationGroups":[],"status":"OPEN"},
                  {"id":"%s","version":1,"ownerId":"%s","statement":"A need of another forum",
                   "sector":"HEALTH","populationGroups":[],"status":"OPEN"}],
                 "page":0,"size":200,"totalItems":2,"totalPages":1}""".formatted(need, NGO, otherNeed, NGO));
        SERVICES.answer("GET", "/forums/" + FORUM + "/readiness", 200, """
                {"latest":{"roundId":"%s","title":"Readiness 2026","publishedAt":"2026-02-01T08:00:00Z",
                   "respondents":4,"divergentQuestions":[]},
                 "trend":[{"roundId":"%s","title":"Readiness 2026","publishedAt":"2026-02-01T08:00:00Z",
                   "respondents":4,"divergentQuestions":[]}],"recommendations":[],"divergentQuestions":[]}""".formatted(round, round));
        String form = html(get(BASE).with(as(CHAIR)), 200);
        assertThat(form)
                .contains(
                        "<optgroup label=\"Need\">",
                        "<option value=\"NEED:" + need + "\">Safe water in Nakivale</option>")
                .contains(
                        "<optgroup label=\"Checklist round\">",
                        "<option value=\"ROUND:" + round + "\">Readiness 2026</option>")
                .doesNotContain(otherNeed.toString());
        assertThat(form.indexOf("label=\"Action\"")).isLessThan(form.indexOf("label=\"Need\""));
        // the latest round is also the trend's: offered once in each row's select
        String firstRow = form.substring(form.indexOf("id=\"agenda-row-0\""), form.indexOf("id=\"agenda-row-1\""));
        assertThat(firstRow.indexOf("ROUND:" + round)).isEqualTo(firstRow.lastIndexOf("ROUND:" + round));
    }

    private static MockHttpServletRequestBuilder schedule(String title, String date) {
        return post(BASE)
                .with(csrf())
                .param("rows", "3")
                .param("title", title)
                .param("date", date)
                .param("startTime", "09:30")
                .param("place", "City hall, room 4")
                .param("onlineLink", "")
                // the first row left empty: the second is sent first
                .param("agenda[0].title", "")
                .param("agenda[1].title", "Winter shelter")
                .param("agenda[1].record", "ACTION:" + ACTION);
    }

    @Test
    void theRegistrysRefusalIsShownAtItsFieldWithWhatWasTypedKept() throws Exception {
        SERVICES.answer("POST", BASE, 400, """
                {"status":400,"title":"Bad Request","errors":[
                  {"field":"agenda[0].records[0].recordId","message":"is not a record of this forum"},
                  {"field":"title","message":"must not be blank"}]}""");
        String refused = html(schedule(" ", "2026-03-14").with(as(CHAIR)), 400);
        assertThat(refused)
                .contains("<div id=\"field-title-error\">", "must not be blank")
                // the first agenda item sent came from the second row
                .contains("<div id=\"field-agenda-1--record-error\">", "is not a record of this forum")
                .contains("value=\"Winter shelter\"", "value=\"City hall, room 4\"")
                .contains("<option value=\"ACTION:" + ACTION + "\" selected>");

        int calls = SERVICES.requests().size();
        String noDate = html(schedule("March", "14 March").with(as(CHAIR)), 400);
        assertThat(noDate).contains("<div id=\"field-date-error\">", "value=\"14 March\"");
        assertThat(SERVICES.requests().subList(calls, SERVICES.requests().size()))
                .noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void aStaleAttendanceOrMinutesKeepsWhatWasTypedAndSaysSomeoneElseChangedIt() throws Exception {
        String page = html(get(ONE).with(as(CHAIR)), 200);
        assertThat(page)
                .contains("id=\"attendance-form\"", "id=\"minutes-form\"", "id=\"decision-form\"")
                .contains("<a href=\"/actions/" + ACTION + "\">Emergency shelter in Kawempe</a>")
                .contains("<span class=\"badge\">In progress</span>")
                .contains("name=\"attendance[0].status\" value=\"PRESENT\" checked");

        SERVICES.answer("PUT", ONE + "/attendance", 200, meeting(5, "HELD", "We met."));
        mvc.perform(post(ONE + "/attendance")
                        .with(as(CHAIR))
                        .with(csrf())
                        .param("version", "4")
                        .param("attendance[0].stakeholderId", CITY.toString())
                        .param("attendance[0].status", "PRESENT")
                        .param("attendance[1].stakeholderId", NGO.toString())
                        .param("attendance[1].status", "APOLOGIES"))
                .andExpect(redirectedUrl(ONE));
        StubServices.Request put = sent("PUT", ONE + "/attendance");
        assertThat(put.ifMatch()).isEqualTo("\"4\"");
        assertThat(put.body())
                .isEqualTo("{\"attendance\":[{\"stakeholderId\":\"" + CITY + "\",\"status\":\"PRESENT\"},"
                        + "{\"stakeholderId\":\"" + NGO + "\",\"status\":\"APOLOGIES\"}]}");

        SERVICES.answer("PUT", ONE + "/attendance", 412, """
                {"status":412,"title":"Precondition Failed","detail":"The meeting changed"}""");
        SERVICES.answer("GET", ONE, 200, meeting(6, "HELD", "Someone else's words."));
        String stale = html(
                post(ONE + "/attendance")
                        .with(as(CHAIR))
                        .with(csrf())
                        .param("version", "4")
                        .param("attendance[0].stakeholderId", NGO.toString())
                        .param("attendance[0].status", "ABSENT"),
                412);
        String attendance = stale.substring(stale.indexOf("id=\"attendance\""), stale.indexOf("id=\"minutes\""));
        assertThat(attendance)
                .contains("id=\"error-summary\"", "Someone else changed")
                .contains("name=\"version\" value=\"6\"")
                .contains("name=\"attendance[0].status\" value=\"ABSENT\" checked");

        SERVICES.answer("PUT", ONE + "/minutes", 412, """
                {"status":412,"title":"Precondition Failed","detail":"The meeting changed"}""");
        String minutes = html(
                post(ONE + "/minutes")
                        .with(as(CHAIR))
                        .with(csrf())
                        .param("version", "4")
                        .param("minutes", "My careful notes"),
                412);
        assertThat(sent("PUT", ONE + "/minutes").body()).isEqualTo("{\"minutes\":\"My careful notes\"}");
        String section = minutes.substring(minutes.indexOf("id=\"minutes\""), minutes.indexOf("id=\"steps\""));
        assertThat(section)
                .contains("Someone else changed", ">My careful notes</textarea>", "name=\"version\" value=\"6\"");
    }

    @Test
    void aDecisionSendsVotesOnlyForAVoteAndItsAssignmentRows() throws Exception {
        String decisions = "/forums/" + FORUM + "/meetings/" + MEETING + "/decisions";
        SERVICES.answer("POST", decisions, 201, """
                {"decisionId":"%s","version":1,"forumId":"%s","meetingId":"%s","text":"x","type":"ASSIGN_ACTION",
                 "method":"VOTE"}""".formatted(UUID.randomUUID(), FORUM, MEETING));
        mvc.perform(decision("VOTE").with(as(CHAIR))).andExpect(redirectedUrl(ONE + "#decisions"));
        assertThat(sent("POST", decisions).body())
                .isEqualTo("{\"text\":\"Open two more shelters\",\"type\":\"ASSIGN_ACTION\",\"method\":\"VOTE\","
                        + "\"votes\":{\"inFavour\":7,\"against\":1,\"abstaining\":0},\"dissent\":[{\"stakeholderId\":\""
                        + NGO
                        + "\",\"reason\":\"Not enough staff\"}],\"concerns\":[{\"kind\":\"ACTION\",\"recordId\":\""
                        + ACTION + "\"}],\"assignments\":[{\"assigneeId\":\"" + NGO
                        + "\",\"expected\":\"Find two buildings\",\"dueOn\":\"2026-04-30\"}]}");

        mvc.perform(decision("CONSENSUS").with(as(CHAIR))).andExpect(redirectedUrl(ONE + "#decisions"));
        assertThat(sent("POST", decisions).body())
                .doesNotContain("votes")
                .contains("\"method\":\"CONSENSUS\"", "\"expected\":\"Find two buildings\"");

        SERVICES.answer("POST", decisions, 400, """
                {"status":400,"title":"Bad Request","errors":[
                  {"field":"assignments[0].dueOn","message":"must not be before the meeting"}]}""");
        String refused = html(decision("VOTE").with(as(CHAIR)), 400);
        assertThat(refused)
                .contains("<div id=\"field-assignments-1--dueOn-error\">", "must not be before the meeting")
                .contains(">Open two more shelters</textarea>", "value=\"Find two buildings\"");

        String more = html(decision("VOTE").param("more", "1").with(as(CHAIR)), 200);
        assertThat(more).contains("id=\"assignment-row-2\"", "name=\"rows\" value=\"3\"");
    }

    private static MockHttpServletRequestBuilder decision(String method) {
        return post("/forums/" + FORUM + "/meetings/" + MEETING + "/decisions")
                .with(csrf())
                .param("rows", "2")
                .param("text", "Open two more shelters")
                .param("type", "ASSIGN_ACTION")
                .param("method", method)
                .param("votes.inFavour", "7")
                .param("votes.against", "1")
                .param("votes.abstaining", "")
                .param("dissent[0].stakeholderId", NGO.toString())
                .param("dissent[0].reason", "Not enough staff")
                .param("concerns", "ACTION:" + ACTION)
                .param("assignments[0].assigneeId", "")
                .param("assignments[0].expected", "")
                .param("assignments[0].dueOn", "")
                .param("assignments[1].assigneeId", NGO.toString())
                .param("assignments[1].expected", "Find two buildings")
                .param("assignments[1].dueOn", "2026-04-30");
    }

    @Test
    void theStepsCarryTheVersionReadAndCancellingNeedsAReason() throws Exception {
        SERVICES.answer("GET", ONE, 200, meeting(4, "SCHEDULED", null));
        String page = html(get(ONE).with(as(CHAIR)), 200);
        assertThat(page)
                .contains("id=\"step-held\"", "id=\"step-cancel\"", "id=\"decide-later\"")
                .doesNotContain("id=\"minutes-form\"", "id=\"decision-form\"");
        int calls = SERVICES.requests().size();
        String refused = html(
                post(ONE + "/status")
                        .with(as(CHAIR))
                        .with(csrf())
                        .param("version", "4")
                        .param("status", "CANCELLED")
                        .param("reason", " "),
                400);
        assertThat(refused).contains("<div id=\"field-reason-error\">", "Say why the meeting is cancelled.");
        assertThat(SERVICES.requests().subList(calls, SERVICES.requests().size()))
                .noneMatch(r -> r.method().equals("POST"));

        SERVICES.answer("POST", ONE + "/status", 200, meeting(5, "CANCELLED", null));
        mvc.perform(post(ONE + "/status")
                        .with(as(CHAIR))
                        .with(csrf())
                        .param("version", "4")
                        .param("status", "CANCELLED")
                        .param("reason", "The hall flooded"))
                .andExpect(redirectedUrl(ONE));
        StubServices.Request cancel = sent("POST", ONE + "/status");
        assertThat(cancel.ifMatch()).isEqualTo("\"4\"");
        assertThat(cancel.body()).isEqualTo("{\"status\":\"CANCELLED\",\"reason\":\"The hall flooded\"}");
    }

    @Test
    void aDecisionMayResolveAnOpenFlagOfTheForum() throws Exception {
        UUID flag = UUID.randomUUID();
        SERVICES.answer("GET", "/forums/" + FORUM + "/flags", 200, """
                {"items":[{"flagId":"%s","version":1,"forumId":"%s","checkCode":"ACTION_WITHOUT_FUNDING","key":"k",
                  "recordIds":["%s"],"summary":"Action Emergency shelter in Kawempe has no committed funding.",
                  "status":"OPEN","conditionHolds":true,"createdAt":"2026-03-01T08:00:00Z",
                  "updatedAt":"2026-03-01T08:00:00Z"}],"page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(flag, FORUM, ACTION));
        String page = html(get(ONE).with(as(CHAIR)), 200);
        assertThat(page)
                .contains("name=\"concerns\" value=\"ACTION:" + ACTION + "\"")
                .contains("name=\"concerns\" value=\"FLAG:" + flag + "\"")
                .contains("has no committed funding");
    }

    @Test
    void aMemberWhoDoesNotRunTheForumReadsWithoutForms() throws Exception {
        String list = html(get(BASE).with(as(NGO_COORDINATOR)), 200);
        assertThat(list).doesNotContain("id=\"schedule-form\"");
        String page = html(get(ONE).with(as(NGO_COORDINATOR)), 200);
        assertThat(page)
                .doesNotContain("id=\"attendance-form\"", "id=\"minutes-form\"", "id=\"decision-form\"")
                .doesNotContain("id=\"step-held\"", "id=\"step-approve\"", "id=\"step-cancel\"")
                .contains("Kampala Capital City Authority: Present", "We met.")
                .contains("<a href=\"/assignments/" + ASSIGNMENT + "\">Refugee legal aid</a>")
                .contains("7 in favour, 1 against, 2 abstaining")
                .contains("href=\"" + ONE + "/pack\"", "href=\"/forums/" + FORUM + "/decisions\"");
        // the members' list is not asked for someone who gets no form
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().endsWith("/memberships"));
    }

    @Test
    void theAgendaNamesOnlyWhatThePackNames() throws Exception {
        SERVICES.answer("GET", ONE + "/pack", 403, """
                {"status":403,"title":"Forbidden"}""");
        String page = html(get(ONE).with(as(NGO_COORDINATOR)), 200);
        String agenda = page.substring(page.indexOf("id=\"agenda\""), page.indexOf("id=\"attendance\""));
        assertThat(agenda).contains("Winter shelter").doesNotContain(ACTION.toString(), HIDDEN_ACTION.toString());
    }

    @Test
    void everyLanguageRendersAndEveryControlHasALabel() throws Exception {
        for (String lang : List.of("en", "fr", "es", "ar")) {
            for (String path : List.of(BASE, ONE)) {
                String page = html(
                        get(path).cookie(new Cookie(Languages.COOKIE, lang)).with(as(CHAIR)), 200);
                assertThat(page).contains("<html lang=\"" + lang + "\" dir=\"" + ("ar".equals(lang) ? "rtl" : "ltr"));
                assertAccessible(path + " in " + lang, page);
            }
        }
        assertThat(html(get(ONE).cookie(new Cookie(Languages.COOKIE, "fr")).with(as(CHAIR)), 200))
                .contains("Enregistrer une décision", "Compte rendu");
        assertThat(html(get(BASE).cookie(new Cookie(Languages.COOKIE, "ar")).with(as(CHAIR)), 200))
                .contains("تحديد موعد اجتماع");
        assertThat(html(get(ONE).cookie(new Cookie(Languages.COOKIE, "es")).with(as(CHAIR)), 200))
                .contains("Registrar una decisión");
    }

    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
    private static final Pattern CONTROL = Pattern.compile("<(input|select|textarea)\\b([^>]*)>");
    private static final Pattern LABEL =
            Pattern.compile("<label\\b[^>]*>(?:(?!</label>).)*?<(input|select)\\b", Pattern.DOTALL);

    /** What axe-core checks first, in the page itself: unique ids, every field labelled, headings in order. */
    static void assertAccessible(String what, String html) {
        Set<String> ids = new HashSet<>();
        Matcher id = ID.matcher(html);
        while (id.find()) {
            assertThat(ids.add(id.group(1)))
                    .as("%s: id %s once", what, id.group(1))
                    .isTrue();
        }
        int wrapped = 0;
        Matcher inLabel = LABEL.matcher(html);
        while (inLabel.find()) {
            wrapped++;
        }
        int unlabelled = 0;
        List<String> missing = new ArrayList<>();
        Matcher control = CONTROL.matcher(html);
        while (control.find()) {
            String attributes = control.group(2);
            if (attributes.contains("type=\"hidden\"")) {
                continue;
            }
            Matcher own = ID.matcher(" " + attributes);
            if (own.find() && html.contains("<label for=\"" + own.group(1) + "\"")) {
                continue;
            }
            unlabelled++;
            missing.add(control.group());
        }
        // radios and checkboxes are labelled by the label around them
        assertThat(unlabelled)
                .as("%s: controls without a label: %s", what, missing)
                .isLessThanOrEqualTo(wrapped);
        assertThat(html).as(what).contains("<h1");
        assertThat(html.indexOf("<h1")).as(what).isLessThan(html.indexOf("<h2"));
    }
}
