package org.arrival.web.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.arrival.web.SignedIn;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.arrival.web.layout.Languages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An assignment's page against a stub registry and action-plans service: the assignee's editor accepts it with one of
 * the organisation's own actions (sent with If-Match) or with a new action recorded from the action form, or declines
 * it with a reason (required at its field, kept on a 412); another organisation's reader sees no form and can send
 * nothing; My work lists the organisation's open assignments.
 */
class AssignmentPageTest extends WebTest {

    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID CITY = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");
    static final UUID NGO = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID ASSIGNMENT = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000001");
    static final UUID LATER = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000002");
    static final UUID DECISION = UUID.fromString("d1b2c3d4-0000-4000-8000-000000000001");
    static final UUID MEETING = UUID.fromString("e1b2c3d4-0000-4000-8000-000000000001");
    static final UUID OURS = UUID.fromString("0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final UUID THEIRS = UUID.fromString("1b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final UUID NEW_ACTION = UUID.fromString("2b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final SignedIn EDITOR = SignedIn.as("kcca-editor", CITY, "org-editor", "member");
    static final SignedIn NGO_READER = SignedIn.as("irc-member", NGO, "member");
    static final String PAGE = "/assignments/" + ASSIGNMENT;

    @Autowired
    MockMvc mvc;

    static String assignment(UUID id, long version, String status, String expected, String dueOn) {
        return """
                {"assignmentId":"%s","version":%d,"forumId":"%s","forumName":"Kampala coordination forum",
                 "decisionId":"%s","decisionText":"The city leads interpreting at the health centres",
                 "meetingId":"%s","meetingTitle":"March coordination meeting","decidedOn":"2026-03-12",
                 "assigneeId":"%s","assigneeName":"Kampala Capital City Authority","expected":"%s",
                 "dueOn":"%s","status":"%s","actionId":null,"declineReason":null}""".formatted(id, version, FORUM, DECISION, MEETING, CITY, expected, dueOn, status);
    }

    static String action(UUID id, UUID owner, String title, String status) {
        return """
                {"id":"%s","version":1,"ownerId":"%s","title":"%s","status":"%s","classification":"FORUM",
                 "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}""".formatted(id, owner, title, status);
    }

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer(
                "GET",
                PAGE,
                200,
                assignment(ASSIGNMENT, 3, "OPEN", "Interpreters at two health centres", "2026-04-30"));
        SERVICES.answer("GET", "/actions", 200, """
                {"items":[%s,%s,%s],"page":0,"size":200,"totalItems":3,"totalPages":1}""".formatted(
                        action(OURS, CITY, "Interpreters at the Kisenyi health centre", "IN_PROGRESS"),
                        action(THEIRS, NGO, "Legal clinic of the NGO", "IN_PROGRESS"),
                        action(NEW_ACTION, CITY, "An old cancelled plan", "CANCELLED")));
        SERVICES.answer("GET", "/stakeholders/" + CITY, 200, """
                {"id":"%s","version":1,"name":"Kampala Capital City Authority","type":"LOCAL_AUTHORITY","status":"ACTIVE"}""".formatted(CITY));
    }

    private List<StubServices.Request> posts() {
        return SERVICES.requests().stream()
                .filter(r -> r.method().equals("POST"))
                .toList();
    }

    @Test
    void theAssigneesEditorIsOfferedItsOwnActionsANewActionAndDeclining() throws Exception {
        String page = html(get(PAGE).with(as(EDITOR)), 200);
        assertThat(page)
                .contains("<h1 id=\"assignment-heading\">Interpreters at two health centres</h1>")
                .contains("The city leads interpreting at the health centres", "Kampala coordination forum")
                .contains("href=\"/forums/" + FORUM + "/meetings/" + MEETING + "\"")
                .contains("Waiting for an answer")
                .contains("id=\"accept-form\"", "id=\"decline-form\"", "name=\"version\" value=\"3\"")
                .contains("<option value=\"" + OURS + "\"", ">Interpreters at the Kisenyi health centre</option>")
                .contains("<label for=\"field-actionId\">Our action</label>")
                .contains("<label for=\"field-reason\">Why are you declining?</label>")
                .contains("href=\"/actions/new?assignment=" + ASSIGNMENT + "\"")
                // another organisation's action and an action that ended are not offered
                .doesNotContain("Legal clinic of the NGO", "An old cancelled plan");
        PageChecks.accessible(page, "en", "ltr");
    }

    @Test
    void acceptingWithAnOwnActionSendsItWithTheVersionReadAndComesBackSayingSo() throws Exception {
        SERVICES.answer(
                "POST", PAGE + "/acceptance", 200, assignment(ASSIGNMENT, 4, "ACCEPTED", "Interpreters", "2026-04-30"));
        mvc.perform(post(PAGE + "/acceptance")
                        .with(as(EDITOR))
                        .with(csrf())
                        .param("actionId", OURS.toString())
                        .param("version", "3"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(PAGE));
        StubServices.Request sent = posts().getFirst();
        assertThat(sent.path()).isEqualTo(PAGE + "/acceptance");
        assertThat(sent.ifMatch()).isEqualTo("\"3\"");
        assertThat(sent.body()).isEqualTo("{\"actionId\":\"" + OURS + "\"}");
        assertThat(sent.authorization()).isEqualTo(EDITOR.bearer());
    }

    @Test
    void acceptingWithoutChoosingAnActionIsSaidAtTheFieldAndSendsNothing() throws Exception {
        String page = html(
                post(PAGE + "/acceptance")
                        .with(as(EDITOR))
                        .with(csrf())
                        .param("actionId", "")
                        .param("version", "3"),
                400);
        assertThat(page)
                .contains("Choose the action that carries out this work.", "href=\"#field-actionId\"")
                .contains("aria-invalid=\"true\"", "id=\"field-actionId-error\"");
        assertThat(posts()).isEmpty();
    }

    @Test
    void decliningWithoutAReasonIsSaidAtTheFieldAndSendsNothing() throws Exception {
        String page = html(
                post(PAGE + "/decline")
                        .with(as(EDITOR))
                        .with(csrf())
                        .param("reason", "   ")
                        .param("version", "3"),
                400);
        assertThat(page)
                .contains("Say why your organisation declines this work.", "href=\"#field-reason\"")
                .contains("id=\"field-reason-error\"")
                .containsPattern("<textarea id=\"field-reason\"[^>]*aria-invalid=\"true\"");
        assertThat(posts()).isEmpty();
        PageChecks.accessible(page, "en", "ltr");
    }

    @Test
    void decliningWhatSomeoneElseChangedMeanwhileSaysSoAndKeepsTheReasonOnTheNewVersion() throws Exception {
        SERVICES.answer("POST", PAGE + "/decline", 412, """
                {"status":412,"title":"Precondition Failed","detail":"The assignment changed since version 3"}""");
        SERVICES.answer(
                "GET",
                PAGE,
                200,
                assignment(ASSIGNMENT, 4, "OPEN", "Interpreters at two health centres", "2026-05-31"));
        String page = html(
                post(PAGE + "/decline")
                        .with(as(EDITOR))
                        .with(csrf())
                        .param("reason", "We have no interpreters left this year")
                        .param("version", "3"),
                412);
        assertThat(posts().getFirst().ifMatch()).isEqualTo("\"3\"");
        assertThat(posts().getFirst().body()).isEqualTo("{\"reason\":\"We have no interpreters left this year\"}");
        assertThat(page)
                .contains("Someone else changed")
                .contains(">We have no interpreters left this year</textarea>")
                .contains("name=\"version\" value=\"4\"");
    }

    @Test
    void aReaderOfAnotherOrganisationSeesTheAssignmentButNoFormAndCanSendNothing() throws Exception {
        String page = html(get(PAGE).with(as(NGO_READER)), 200);
        assertThat(page)
                .contains("Interpreters at two health centres", "id=\"not-yours\"")
                .doesNotContain("accept-form", "decline-form", "/actions/new?assignment=");
        html(
                post(PAGE + "/decline")
                        .with(as(NGO_READER))
                        .with(csrf())
                        .param("reason", "Not ours")
                        .param("version", "3"),
                403);
        html(post(PAGE + "/acceptance").with(as(NGO_READER)).with(csrf()).param("actionId", OURS.toString()), 403);
        assertThat(posts()).isEmpty();
        // an editor of the assignee with nothing to answer any more sees no form either
        SERVICES.answer(
                "GET",
                PAGE,
                200,
                assignment(ASSIGNMENT, 5, "DECLINED", "Interpreters at two health centres", "2026-04-30"));
        assertThat(html(get(PAGE).with(as(EDITOR)), 200))
                .contains("Declined")
                .doesNotContain("accept-form", "decline-form");
    }

    @Test
    void aNewActionRecordedForTheAssignmentAcceptsItWithTheNewActionAndLeadsBackToIt() throws Exception {
        SERVICES.answer(
                "POST", "/actions", 201, action(NEW_ACTION, CITY, "Interpreters at two health centres", "PROPOSED"));
        SERVICES.answer(
                "POST", PAGE + "/acceptance", 200, assignment(ASSIGNMENT, 4, "ACCEPTED", "Interpreters", "2026-04-30"));
        mvc.perform(post("/actions/new")
                        .with(as(EDITOR))
                        .with(csrf())
                        .param("title", "Interpreters at two health centres")
                        .param("kind", "SERVICE")
                        .param("sectors", "HEALTH")
                        .param("reportingCadence", "QUARTERLY")
                        .param("classification", "FORUM")
                        .param("sharedWithForums", FORUM.toString())
                        .param("assignment", ASSIGNMENT.toString())
                        .param("assignmentVersion", "3"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(PAGE));
        assertThat(posts()).extracting(StubServices.Request::path).containsExactly("/actions", PAGE + "/acceptance");
        StubServices.Request accepted = posts().getLast();
        assertThat(accepted.ifMatch()).isEqualTo("\"3\"");
        assertThat(accepted.body()).isEqualTo("{\"actionId\":\"" + NEW_ACTION + "\"}");
    }

    @Test
    void aNewActionForWorkAnsweredMeanwhileStaysRecordedAndTheAssignmentSaysItWasNotLinked() throws Exception {
        SERVICES.answer("POST", "/actions", 201, action(NEW_ACTION, CITY, "Interpreters", "PROPOSED"));
        SERVICES.answer("POST", PAGE + "/acceptance", 409, """
                {"status":409,"title":"Conflict","detail":"The assignment is DECLINED"}""");
        mvc.perform(post("/actions/new")
                        .with(as(EDITOR))
                        .with(csrf())
                        .param("title", "Interpreters")
                        .param("kind", "SERVICE")
                        .param("reportingCadence", "QUARTERLY")
                        .param("assignment", ASSIGNMENT.toString())
                        .param("assignmentVersion", "3"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute(AssignmentPage.NOTICE, "decisions.newActionNotLinked"));
        assertThat(posts()).extracting(StubServices.Request::path).containsExactly("/actions", PAGE + "/acceptance");
    }

    @Test
    void theActionFormOpenedForAnAssignmentProposesItsWorkAndCarriesIt() throws Exception {
        String none = "{\"items\":[],\"page\":0,\"size\":200,\"totalItems\":0,\"totalPages\":1}";
        for (String path : List.of("/stakeholders", "/plans", "/needs", "/rounds")) {
            SERVICES.answer("GET", path, 200, none);
        }
        SERVICES.answer("GET", "/checklist", 200, "{\"id\":\"checklist\",\"version\":1,\"recommendations\":[]}");
        SERVICES.answer("GET", "/frameworks", 200, "{\"frameworks\":[],\"items\":[]}");
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum","type":"COORDINATION_FORUM","area":"Kampala"}]""".formatted(FORUM));
        String form = html(
                get("/actions/new").param("assignment", ASSIGNMENT.toString()).with(as(EDITOR)), 200);
        assertThat(form)
                .contains("id=\"for-assignment\"", "Kampala coordination forum")
                .contains("name=\"assignment\" value=\"" + ASSIGNMENT + "\"")
                .contains("name=\"assignmentVersion\" value=\"3\"")
                .contains("value=\"Interpreters at two health centres\"")
                .containsPattern("value=\"" + FORUM + "\"[^>]*checked");
        // an action recorded without an assignment accepts nothing
        SERVICES.answer("POST", "/actions", 201, action(NEW_ACTION, CITY, "Something else", "PROPOSED"));
        mvc.perform(post("/actions/new")
                        .with(as(EDITOR))
                        .with(csrf())
                        .param("title", "Something else")
                        .param("kind", "SERVICE")
                        .param("reportingCadence", "QUARTERLY"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/actions/" + NEW_ACTION));
        assertThat(posts()).extracting(StubServices.Request::path).containsExactly("/actions");
    }

    @Test
    void myWorkListsTheOrganisationsOpenAssignmentsDueDateFirst() throws Exception {
        SERVICES.answer("GET", "/forums", 200, "[]");
        SERVICES.answer("GET", "/actions", 200, """
                {"items":[],"page":0,"size":100,"totalItems":0,"totalPages":1}""");
        SERVICES.answer("GET", "/needs", 200, """
                {"items":[],"page":0,"size":100,"totalItems":0,"totalPages":1}""");
        SERVICES.answer("GET", "/assignments", 200, """
                {"items":[%s,%s],"page":0,"size":100,"totalItems":2,"totalPages":1}""".formatted(
                        assignment(LATER, 1, "OPEN", "Report on shelter capacity", "2099-06-30"),
                        assignment(ASSIGNMENT, 3, "OPEN", "Interpreters at two health centres", "2020-04-30")));
        String page = html(get("/").with(as(EDITOR)), 200);
        assertThat(page).contains("id=\"assignments\"", "Work forums gave us");
        String section = page.substring(page.indexOf("id=\"assignments\""));
        assertThat(section.indexOf("Interpreters at two health centres"))
                .isPositive()
                .isLessThan(section.indexOf("Report on shelter capacity"));
        assertThat(section)
                .contains("href=\"/assignments/" + ASSIGNMENT + "\"", "href=\"/assignments/" + LATER + "\"")
                .contains("Overdue since", "From Kampala coordination forum");
        StubServices.Request asked = SERVICES.requests().stream()
                .filter(r -> r.path().equals("/assignments"))
                .findFirst()
                .orElseThrow();
        assertThat(asked.query()).contains("assignee=" + CITY, "status=OPEN");
    }

    @Test
    void theAssignmentPageReadsInEveryLanguageArabicRightToLeft() throws Exception {
        for (String lang : List.of("en", "fr", "es", "ar")) {
            String page = html(get(PAGE).with(as(EDITOR)).cookie(new Cookie(Languages.COOKIE, lang)), 200);
            PageChecks.accessible(page, lang, "ar".equals(lang) ? "rtl" : "ltr");
        }
        String arabic = html(get(PAGE).with(as(EDITOR)).cookie(new Cookie(Languages.COOKIE, "ar")), 200);
        assertThat(arabic).contains("قبول هذا العمل", "لماذا ترفض؟");
        String french = html(get(PAGE).with(as(EDITOR)).cookie(new Cookie(Languages.COOKIE, "fr")), 200);
        assertThat(french).contains("Accepter ce travail", "Pourquoi refusez-vous ?");
    }
}
