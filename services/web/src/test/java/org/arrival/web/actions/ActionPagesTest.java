package org.arrival.web.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.arrival.web.layout.Languages;
import org.arrival.web.signin.SignInConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The action pages against stub services: what they ask for (with the person's own token, If-Match on edits), how
 * every id is named, what each reader may do, and the service's refusals at the fields in the reader's language.
 */
class ActionPagesTest extends WebTest {

    static final UUID CITY = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");
    static final UUID NGO = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID NATIONAL = UUID.fromString("5fa5c6f4-c9f2-4701-8c9c-ad746e6de685");
    static final UUID ACTION = UUID.fromString("0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final UUID COMMITMENT = UUID.fromString("1c7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b99");
    static final UUID PLAN = UUID.fromString("2d7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7baa");
    static final UUID NEED = UUID.fromString("a3c4e5f6-7081-4b2c-9d3e-4f5061728394");
    static final UUID ROUND = UUID.fromString("b3c4e5f6-7081-4b2c-9d3e-4f50617283a5");
    static final UUID GAP = UUID.fromString("c3c4e5f6-7081-4b2c-9d3e-4f50617283b6");
    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID MILESTONE = UUID.fromString("d3c4e5f6-7081-4b2c-9d3e-4f50617283c7");
    static final UUID LINE = UUID.fromString("e3c4e5f6-7081-4b2c-9d3e-4f50617283d8");

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void services() {
        SERVICES.reset();
        organisation(CITY, "Kampala Capital City Authority", "KCCA");
        organisation(NGO, "Horizon Relief International", "HRI");
        organisation(NATIONAL, "Office of the Prime Minister, Department of Refugees", "OPM");
        SERVICES.answer("GET", "/stakeholders", 200, """
                {"items":[%s,%s,%s],"page":0,"size":200,"totalItems":3,"totalPages":1}""".formatted(
                        org(NGO, "Horizon Relief International", "HRI"),
                        org(CITY, "Kampala Capital City Authority", "KCCA"),
                        org(NATIONAL, "Office of the Prime Minister, Department of Refugees", "OPM")));
        SERVICES.answer("GET", "/actions/" + ACTION, 200, action(7, "IN_PROGRESS"));
        SERVICES.answer("GET", "/actions/" + COMMITMENT, 200, """
                {"id":"%s","version":2,"ownerId":"%s","title":"Cities plan and budget services for all their residents",
                 "kind":"COMMITMENT","status":"COMMITTED","requiresLocalImplementation":true,"sectors":["GOVERNANCE"]}""".formatted(COMMITMENT, NATIONAL));
        SERVICES.answer("GET", "/plans/" + PLAN, 200, """
                {"id":"%s","version":1,"ownerId":"%s","title":"Kampala for all: neighbourhood plans","status":"ADOPTED"}""".formatted(PLAN, CITY));
        SERVICES.answer("GET", "/plans", 200, """
                {"items":[{"id":"%s","version":1,"ownerId":"%s","title":"Kampala for all: neighbourhood plans"}],
                 "page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(PLAN, CITY));
        SERVICES.answer("GET", "/actions", 200, """
                {"items":[%s,{"id":"%s","version":2,"ownerId":"%s","title":"Cities plan and budget services for all their residents",
                 "kind":"COMMITMENT","status":"COMMITTED","requiresLocalImplementation":true}],
                 "page":0,"size":25,"totalItems":2,"totalPages":1}""".formatted(action(7, "IN_PROGRESS"), COMMITMENT, NATIONAL));
        SERVICES.answer("GET", "/actions/" + ACTION + "/reporting", 200, """
                {"actionId":"%s","status":"IN_PROGRESS","cadence":"QUARTERLY","asOf":"2026-12-06","reportsExpected":true,
                 "graceDays":15,"nextDue":{"periodStart":"2026-10-01","periodEnd":"2026-12-31","dueOn":"2027-01-15"},
                 "overdue":false,"daysOverdue":0}""".formatted(ACTION));
        SERVICES.answer("GET", "/actions/" + ACTION + "/milestones", 200, """
                {"items":[{"id":"%s","version":1,"actionId":"%s","title":"Interpreters on duty three days a week",
                  "dueOn":"%s","status":"PLANNED"},
                 {"id":"%s","version":2,"actionId":"%s","title":"Desk staff briefed","dueOn":"2026-06-30",
                  "reachedOn":"2026-06-24","status":"REACHED"}],"page":0,"size":200,"totalItems":2,"totalPages":1}""".formatted(
                        MILESTONE, ACTION, LocalDate.now().minusDays(12), UUID.randomUUID(), ACTION));
        SERVICES.answer(
                "GET", "/actions/" + ACTION + "/milestones/" + MILESTONE, 200, """
                {"id":"%s","version":4,"actionId":"%s","title":"Interpreters on duty every day","dueOn":"2027-01-31",
                 "status":"PLANNED"}""".formatted(MILESTONE, ACTION));
        SERVICES.answer("GET", "/actions/" + ACTION + "/funding", 200, """
                {"actionId":"%s","lines":[{"id":"%s","version":1,"actionId":"%s","sourceName":"KCCA health budget",
                  "currency":"UGX","required":480000000,"committed":150000000,"disbursed":90000000}],
                 "totals":[{"currency":"UGX","required":480000000,"committed":150000000,"disbursed":90000000,
                  "gap":330000000}]}""".formatted(ACTION, LINE, ACTION));
        SERVICES.answer("GET", "/actions/" + ACTION + "/reports", 200, """
                {"items":[{"id":"%s","actionId":"%s","periodStart":"2026-07-01","periodEnd":"2026-09-30",
                  "actionStatus":"IN_PROGRESS","percentComplete":45,"rag":"AMBER",
                  "narrative":"Consultations on track, interpreters not recruited yet.",
                  "indicators":[{"name":"Patients seen without a refugee ID","unit":"patients","target":1500,
                   "actual":820,"suppressed":["baseline"]}],"reportedAt":"2026-10-05T09:00:00Z"}],
                 "page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(UUID.randomUUID(), ACTION));
        SERVICES.answer(
                "GET", "/actions/" + ACTION + "/contributions", 200, """
                {"items":[{"id":"%s","actionId":"%s","contributorId":"%s","kind":"COMMENT",
                  "text":"HRI can second two interpreters.","createdAt":"2026-10-06T09:00:00Z"}],
                 "page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(UUID.randomUUID(), ACTION, NGO));
        SERVICES.answer("GET", "/actions/" + ACTION + "/history", 200, """
                [{"version":1,"change":"ActionProposed","at":"2026-03-01T08:00:00Z","userId":"u-city",
                  "organisationId":"%s","changedFields":[]},
                 {"version":7,"change":"ActionUpdated","at":"2026-10-01T08:00:00Z","userId":"u-other",
                  "organisationId":"%s","changedFields":["title","sectors"],"reason":null}]""".formatted(CITY, CITY));
        SERVICES.answer("GET", "/needs/" + NEED, 200, need());
        SERVICES.answer("GET", "/needs", 200, """
                {"items":[%s],"page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(need()));
        SERVICES.answer("GET", "/rounds", 200, """
                {"items":[{"id":"%s","version":3,"title":"Kampala readiness 2026","status":"PUBLISHED"}],
                 "page":0,"size":50,"totalItems":1,"totalPages":1}""".formatted(ROUND));
        SERVICES.answer("GET", "/rounds/" + ROUND + "/gaps", 200, """
                [{"id":"%s","roundId":"%s","recommendationCode":"R9","actionCode":"9.1","questionCode":"9.1.d",
                  "consolidatedAnswer":"N","points":0,"divergent":false}]""".formatted(GAP, ROUND));
        SERVICES.answer("GET", "/checklist", 200, """
                {"id":"checklist","version":1,"recommendations":[{"code":"R9","title":"Services","actions":[
                 {"code":"9.1","title":"Access","questions":[{"code":"9.1.d",
                  "text":"Can people without documents use public health services?"}]}]}]}""");
        SERVICES.answer("GET", "/frameworks", 200, """
                {"frameworks":[{"id":"SDG","title":"Sustainable Development Goals"},{"id":"GCM","title":"Global Compact for Migration"}],
                 "items":[{"code":"SDG-3.8","framework":"SDG","title":"Universal health coverage"},
                  {"code":"GCM-15","framework":"GCM","title":"Provide access to basic services for migrants"}]}""");
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum","type":"COORDINATION_FORUM","area":"Kampala"}]""".formatted(FORUM));
    }

    // ---- the action's page

    @Test
    void theOwnerSeesEveryReferenceByNameWithTheLateMilestoneTheGapAndWhatItMayDo() throws Exception {
        String html = page(get("/actions/" + ACTION).with(member(CITY, "u-city", "org-editor")));
        assertThat(html)
                .contains(
                        "<h1 id=\"record-title\" dir=\"auto\">Care without a refugee ID at the Kisenyi health centre</h1>")
                .contains("Horizon Relief International</strong> · Implementing")
                .contains("Kampala for all: neighbourhood plans")
                .contains("<dd id=\"orientation\">Humanitarian–development nexus</dd>")
                .contains(
                        "href=\"/actions/" + COMMITMENT
                                + "\">Cities plan and budget services for all their residents</a>",
                        "weight 2 in the commitment’s progress")
                .contains("href=\"/needs/" + NEED + "\">Refugees in Kisenyi cannot get care without a refugee ID</a>")
                .contains("9.1.d Can people without documents use public health services?", "Kampala readiness 2026")
                .contains("Universal health coverage", "SDG-3.8")
                .contains("Kampala coordination forum")
                .contains("Members of the forums it is shared with can read it, but never an enforcement body")
                // a planned milestone past its due date is late from the first day, counted from the clock
                .contains("late by 12 days", "⚠ Planned", "✓ Reached", "reached on Jun 24, 2026")
                .contains("Gap: UGX\u00a0330,000,000", "KCCA health budget")
                .contains("Next progress report: for Oct 1, 2026 to Dec 31, 2026, due on Jan 15, 2027.")
                .contains("Patients seen without a refugee ID", "fewer than 5", "820", "Consultations on track")
                .contains("HRI can second two interpreters.")
                // what the owner's editors may do: edit, report, move it on, milestones and funding
                .contains(
                        "href=\"/actions/" + ACTION + "/edit\"",
                        "href=\"/actions/" + ACTION + "/reports/new\"",
                        "id=\"move-ON_HOLD\"",
                        "id=\"move-COMPLETED\"",
                        "id=\"move-CANCELLED\"",
                        "href=\"/actions/" + ACTION + "/milestones/new\"",
                        "href=\"/actions/" + ACTION + "/funding/new\"",
                        "href=\"/actions/" + ACTION + "/funding/" + LINE + "/edit\"")
                .doesNotContain("id=\"contribution-form\"", "id=\"counts-protected\"")
                // the history, newest first, by the reader or by someone of their organisation
                .contains("Changed: Title and Sectors", "by someone at Kampala Capital City Authority", "by you");
        // no raw id is shown as a name anywhere
        assertThat(html.replaceAll("(href|value|id|data-[a-z-]+|action)=\"[^\"]*\"", ""))
                .doesNotContain(NGO.toString(), NEED.toString(), GAP.toString(), FORUM.toString(), PLAN.toString());
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().startsWith("/actions/" + ACTION))
                .allMatch(r -> r.authorization() != null && r.authorization().startsWith("Bearer "));
    }

    @Test
    void anotherOrganisationReadsProtectedCountsAndMayOnlyRespondInItsOwnName() throws Exception {
        String html = page(get("/actions/" + ACTION).with(member(NGO, "u-ngo", "org-editor")));
        assertThat(html)
                .contains("id=\"counts-protected\"", "fewer than 5")
                .contains(
                        "id=\"contribution-form\"",
                        "What you send here is Horizon Relief International’s own record, shown with this action to"
                                + " everyone who can read it. It does not change the action: only Kampala Capital City"
                                + " Authority changes its own records.")
                .doesNotContain(
                        "id=\"lifecycle\"",
                        "id=\"edit-action\"",
                        "id=\"publish-report\"",
                        "id=\"history\"",
                        "/milestones/new",
                        "/funding/new");
        // the history is the owner's: not even asked for
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().endsWith("/history"));
    }

    @Test
    void aViewerWhoEditsNothingSeesNoFormsAtAll() throws Exception {
        String html = page(get("/actions/" + ACTION).with(member(NGO, "u-viewer", "member")));
        assertThat(html)
                .doesNotContain("id=\"contribution-form\"", "id=\"lifecycle\"", "id=\"edit-action\"")
                .contains("Editors of your organisation can comment on, endorse or object to this action.");
    }

    @Test
    void theActionPageReadsRightToLeftInArabic() throws Exception {
        String html = page(get("/actions/" + ACTION)
                .cookie(new Cookie(Languages.COOKIE, "ar"))
                .with(member(NGO, "u-ngo", "org-editor")));
        assertThat(html)
                .contains(
                        "<html lang=\"ar\" dir=\"rtl\">",
                        "التعليقات والتأييدات والاعتراضات",
                        "أقل من 5",
                        "ما ترسله هنا سجلّ خاص بـHorizon Relief International");
    }

    // ---- moving it along, milestones, contributions

    @Test
    void aLifecycleStepIsSentWithTheVersionAndACancellationWithoutAReasonComesBackToItsField() throws Exception {
        SERVICES.answer("POST", "/actions/" + ACTION + "/status", 200, action(8, "ON_HOLD"));
        mvc.perform(post("/actions/" + ACTION + "/status")
                        .param("status", "ON_HOLD")
                        .param("version", "7")
                        .param("reason", "Waiting for the council")
                        .with(member(CITY, "u-city", "org-editor"))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/actions/" + ACTION));
        StubServices.Request sent = last("POST", "/actions/" + ACTION + "/status");
        assertThat(sent.ifMatch()).isEqualTo("\"7\"");
        assertThat(sent.body()).contains("\"status\":\"ON_HOLD\"", "\"reason\":\"Waiting for the council\"");

        SERVICES.answer("POST", "/actions/" + ACTION + "/status", 400, """
                {"status":400,"title":"Bad Request","detail":"reason: is required to cancel an action",
                 "errors":[{"field":"reason","message":"is required to cancel an action"}]}""");
        String html = mvc.perform(post("/actions/" + ACTION + "/status")
                        .param("status", "CANCELLED")
                        .param("version", "7")
                        .with(member(CITY, "u-city", "org-editor"))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains(
                        "<details id=\"cancel-action\" open>",
                        "is required to cancel an action",
                        "id=\"cancel-reason\"");
    }

    @Test
    void aMilestoneIsMarkedReachedOnTheDayGivenAndADateThatIsNoneStaysOnTheForm() throws Exception {
        SERVICES.answer("POST", "/actions/" + ACTION + "/milestones/" + MILESTONE + "/reach", 200, "{}");
        mvc.perform(post("/actions/" + ACTION + "/milestones/" + MILESTONE + "/reach")
                        .param("version", "1")
                        .param("reachedOn", "2026-12-01")
                        .with(member(CITY, "u-city", "org-editor"))
                        .with(csrf()))
                .andExpect(status().isFound());
        StubServices.Request sent = last("POST", "/actions/" + ACTION + "/milestones/" + MILESTONE + "/reach");
        assertThat(sent.ifMatch()).isEqualTo("\"1\"");
        assertThat(sent.body()).contains("\"reachedOn\":\"2026-12-01\"");
        String html = mvc.perform(post("/actions/" + ACTION + "/milestones/" + MILESTONE + "/reach")
                        .param("version", "1")
                        .param("reachedOn", "first of December")
                        .with(member(CITY, "u-city", "org-editor"))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains(
                        "Enter a date as year, month and day, for example 2026-12-31.", "value=\"first of December\"");
    }

    @Test
    void aContributionIsSentInTheOrganisationsNameAndARefusalIsWordedFromItsCodeInTheReadersLanguage()
            throws Exception {
        SERVICES.answer("POST", "/actions/" + ACTION + "/contributions", 201, "{}");
        mvc.perform(post("/actions/" + ACTION + "/contributions")
                        .param("kind", "OBJECTION")
                        .param("text", "The desk turns people away.")
                        .with(member(NGO, "u-ngo", "org-editor"))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/actions/" + ACTION + "#contributions"));
        assertThat(last("POST", "/actions/" + ACTION + "/contributions").body())
                .contains("\"kind\":\"OBJECTION\"", "\"text\":\"The desk turns people away.\"");

        SERVICES.answer("POST", "/actions/" + ACTION + "/contributions", 400, """
                {"status":400,"title":"Bad Request","detail":"text: looks like a phone number",
                 "errors":[{"field":"text","message":"looks like a phone number of a person","code":"personal-data.phone"}]}""");
        String html = mvc.perform(post("/actions/" + ACTION + "/contributions")
                        .param("kind", "COMMENT")
                        .param("text", "Call Amina on 0772 123 456")
                        .cookie(new Cookie(Languages.COOKIE, "fr"))
                        .with(member(NGO, "u-ngo", "org-editor"))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains(
                        "Cela ressemble au numéro de téléphone d’une personne.",
                        "Call Amina on 0772 123 456",
                        "aria-invalid=\"true\"");
    }

    // ---- recording and editing

    @Test
    void theRecordFormOffersEveryChoiceByNameAndSendsWhatWasChosen() throws Exception {
        String form = page(get("/actions/new").with(member(CITY, "u-city", "org-editor")));
        assertThat(form)
                .contains(
                        ">Horizon Relief International (HRI)</option>",
                        ">Kampala for all: neighbourhood plans</option>",
                        ">Cities plan and budget services for all their residents (Office of the Prime Minister, Department of Refugees)</option>",
                        "<option value=\"\">Not specified</option>",
                        "value=\"HUMANITARIAN\"",
                        ">Humanitarian</option>",
                        "Humanitarian: an emergency response, usually 6 to 18 months.",
                        "Refugees in Kisenyi cannot get care without a refugee ID",
                        "9.1.d Can people without documents",
                        "Universal health coverage",
                        "Kampala coordination forum",
                        "never an enforcement body (immigration, police, security services)")
                // the person's own organisation is the owner, not a participant to choose
                .doesNotContain(">Kampala Capital City Authority (KCCA)</option>");

        SERVICES.answer("POST", "/actions", 201, action(1, "PROPOSED"));
        mvc.perform(post("/actions/new")
                        .with(member(CITY, "u-city", "org-editor"))
                        .with(csrf())
                        .param("title", "Interpreters at the Kisenyi health centre")
                        .param("kind", "SERVICE")
                        .param("orientation", "HUMANITARIAN")
                        .param("sectors", "HEALTH")
                        .param("targetGroups", "REFUGEES")
                        .param("areas[0].country", "ug")
                        .param("areas[0].subdivision", "UG-C")
                        .param("areas[0].areaName", "Kisenyi")
                        .param("areas[1].country", "")
                        .param("startDate", "2027-01-01")
                        .param("endDate", "2027-12-31")
                        .param("reportingCadence", "QUARTERLY")
                        .param("participants[0].organisationId", NGO.toString())
                        .param("participants[0].role", "IMPLEMENTING")
                        .param("participants[1].organisationId", "")
                        .param("participants[1].role", "IMPLEMENTING")
                        .param("implementsActionId", COMMITMENT.toString())
                        .param("weight", "2")
                        .param("needIds", NEED.toString())
                        .param("gapIds", GAP.toString())
                        .param("frameworkItems", "SDG-3.8")
                        .param("classification", "RESTRICTED")
                        .param("sharedWithForums", FORUM.toString()))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/actions/" + ACTION));
        String body = last("POST", "/actions").body();
        assertThat(body)
                .contains(
                        "\"title\":\"Interpreters at the Kisenyi health centre\"",
                        "\"orientation\":\"HUMANITARIAN\"",
                        "\"sectors\":[\"HEALTH\"]",
                        "\"areas\":[{\"country\":\"UG\",\"subdivision\":\"UG-C\",\"areaName\":\"Kisenyi\"}]",
                        "\"participants\":[{\"organisationId\":\"" + NGO + "\",\"role\":\"IMPLEMENTING\"}]",
                        "\"implementsActionId\":\"" + COMMITMENT + "\"",
                        "\"weight\":2",
                        "\"needIds\":[\"" + NEED + "\"]",
                        "\"gapIds\":[\"" + GAP + "\"]",
                        "\"frameworkItems\":[\"SDG-3.8\"]",
                        "\"classification\":\"RESTRICTED\"",
                        "\"sharedWithForums\":[\"" + FORUM + "\"]",
                        "\"startDate\":\"2027-01-01\"");
    }

    @Test
    void aRefusedRecordKeepsEverythingTypedAndShowsEachMessageAtItsField() throws Exception {
        SERVICES.answer("POST", "/actions", 400, """
                {"status":400,"title":"Bad Request","detail":"2 fields",
                 "errors":[{"field":"description","message":"looks like a phone number of a person","code":"personal-data.phone"},
                  {"field":"areas[0].country","message":"must be an ISO 3166-1 alpha-2 code such as UG","code":"validation.Pattern"}]}""");
        String html = mvc.perform(post("/actions/new")
                        .with(member(CITY, "u-city", "org-editor"))
                        .with(csrf())
                        .param("title", "Clinic")
                        .param("description", "Call 0772 123 456")
                        .param("kind", "SERVICE")
                        .param("sectors", "HEALTH")
                        .param("areas[0].country", "Uganda")
                        .param("startDate", "2027-13-01")
                        .param("reportingCadence", "QUARTERLY")
                        .param("needIds", NEED.toString()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // the date that is none never reached the service: it is named first, at its field
        assertThat(html)
                .contains("Enter a date as year, month and day", "href=\"#field-startDate\"")
                .contains("value=\"2027-13-01\"", "value=\"Clinic\"", "Call 0772 123 456");
        assertThat(SERVICES.requests())
                .noneMatch(r -> r.method().equals("POST") && r.path().equals("/actions"));

        html = mvc.perform(post("/actions/new")
                        .with(member(CITY, "u-city", "org-editor"))
                        .with(csrf())
                        .param("title", "Clinic")
                        .param("description", "Call 0772 123 456")
                        .param("kind", "SERVICE")
                        .param("sectors", "HEALTH")
                        .param("areas[0].country", "Uganda")
                        .param("reportingCadence", "QUARTERLY")
                        .param("needIds", NEED.toString()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("This looks like a phone number of a person.", "href=\"#field-description\"")
                .contains("This is not in the expected form.", "href=\"#field-areas-0--country\"", "Country code 1")
                .contains("value=\"Uganda\"")
                .containsPattern("value=\"" + NEED + "\" checked");
    }

    @Test
    void anEditSavedMeanwhileShowsWhatChangedAndKeepsBothEditsOnTheNewVersion() throws Exception {
        String form = page(get("/actions/" + ACTION + "/edit").with(member(CITY, "u-city", "org-editor")));
        assertThat(form)
                .contains(
                        "name=\"version\" value=\"7\"",
                        "value=\"Care without a refugee ID at the Kisenyi health centre\"")
                .containsPattern("value=\"" + NGO + "\" selected");
        // the values the form opened with travel with it
        String original = org.springframework.web.util.HtmlUtils.htmlUnescape(
                form.replaceAll("(?s).*name=\"original\" value=\"([^\"]*)\".*", "$1"));
        assertThat(original).contains("\"title\":\"Care without a refugee ID at the Kisenyi health centre\"");

        // meanwhile someone else renamed it
        SERVICES.answer("PUT", "/actions/" + ACTION, 412, """
                {"status":412,"title":"Precondition Failed","detail":"action was changed"}""");
        SERVICES.answer(
                "GET",
                "/actions/" + ACTION,
                200,
                action(8, "IN_PROGRESS")
                        .replace(
                                "Care without a refugee ID at the Kisenyi health centre",
                                "Care for all at the Kisenyi health centre"));
        SERVICES.answer("GET", "/actions/" + ACTION + "/history", 200, """
                [{"version":8,"change":"ActionUpdated","at":"2026-12-05T08:00:00Z","userId":"u-other",
                  "organisationId":"%s","changedFields":["title"]}]""".formatted(CITY));
        // the person changed the description only
        String html = page(post("/actions/" + ACTION + "/edit")
                .with(member(CITY, "u-city", "org-editor"))
                .with(csrf())
                .param("version", "7")
                .param("original", original)
                .param("title", "Care without a refugee ID at the Kisenyi health centre")
                .param("description", "Registered on proof of residence; interpreters three days a week.")
                .param("planId", PLAN.toString())
                .param("kind", "SERVICE")
                .param("orientation", "NEXUS")
                .param("sectors", "HEALTH")
                .param("targetGroups", "REFUGEES")
                .param("targetGroups", "ASYLUM_SEEKERS")
                .param("areas[0].country", "UG")
                .param("areas[0].subdivision", "UG-C")
                .param("areas[0].areaCode", "KLA-KISENYI")
                .param("areas[0].areaName", "Kisenyi")
                .param("startDate", "2026-04-01")
                .param("endDate", "2027-03-31")
                .param("reportingCadence", "QUARTERLY")
                .param("participants[0].organisationId", NGO.toString())
                .param("participants[0].role", "IMPLEMENTING")
                .param("implementsActionId", COMMITMENT.toString())
                .param("weight", "2")
                .param("needIds", NEED.toString())
                .param("gapIds", GAP.toString())
                .param("frameworkItems", "SDG-3.8")
                .param("classification", "RESTRICTED")
                .param("sharedWithForums", FORUM.toString()));
        assertThat(last("PUT", "/actions/" + ACTION).ifMatch()).isEqualTo("\"7\"");
        assertThat(html)
                .contains(
                        "Someone else changed this record",
                        "What changed since you opened the form",
                        "<td>Care for all at the Kisenyi health centre</td>",
                        "The new value: you had not changed it",
                        "by someone at Kampala Capital City Authority")
                // on the version that is now current: their title and the person's description, to save again
                .contains(
                        "name=\"version\" value=\"8\"",
                        "value=\"Care for all at the Kisenyi health centre\"",
                        "Registered on proof of residence; interpreters three days a week.")
                .doesNotContain("value=\"Care without a refugee ID at the Kisenyi health centre\"");
    }

    @Test
    void anotherOrganisationCannotOpenTheEditForm() throws Exception {
        mvc.perform(get("/actions/" + ACTION + "/edit").with(member(NGO, "u-ngo", "org-editor")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actions/new").with(member(NGO, "u-viewer", "member"))).andExpect(status().isForbidden());
    }

    @Test
    void aMilestoneRescheduledMeanwhileComesBackWithItsCurrentValues() throws Exception {
        SERVICES.answer("PUT", "/actions/" + ACTION + "/milestones/" + MILESTONE, 412, """
                {"status":412,"title":"Precondition Failed"}""");
        String html = mvc.perform(post("/actions/" + ACTION + "/milestones/" + MILESTONE + "/edit")
                        .with(member(CITY, "u-city", "org-editor"))
                        .with(csrf())
                        .param("version", "3")
                        .param("title", "Interpreters on duty")
                        .param("dueOn", "2027-02-28"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(last("PUT", "/actions/" + ACTION + "/milestones/" + MILESTONE)
                        .ifMatch())
                .isEqualTo("\"3\"");
        assertThat(html)
                .contains(
                        "<td>Interpreters on duty every day</td>",
                        "<td>Jan 31, 2027</td>",
                        "name=\"version\" value=\"4\"",
                        "value=\"2027-02-28\"");
    }

    @Test
    void aFundingLineIsSentAsAmountsAndAnAmountThatIsNoneStaysOnTheForm() throws Exception {
        SERVICES.answer("POST", "/actions/" + ACTION + "/funding", 201, "{}");
        mvc.perform(post("/actions/" + ACTION + "/funding/new")
                        .with(member(CITY, "u-city", "org-editor"))
                        .with(csrf())
                        .param("sourceId", NGO.toString())
                        .param("sourceName", "HRI interpreters")
                        .param("currency", "ugx")
                        .param("required", "12000000")
                        .param("committed", "12000000")
                        .param("disbursed", "0"))
                .andExpect(status().isFound());
        assertThat(last("POST", "/actions/" + ACTION + "/funding").body())
                .contains(
                        "\"sourceId\":\"" + NGO + "\"",
                        "\"currency\":\"UGX\"",
                        "\"required\":12000000",
                        "\"disbursed\":0");
        String html = page(post("/actions/" + ACTION + "/funding/new")
                .with(member(CITY, "u-city", "org-editor"))
                .with(csrf())
                .param("currency", "UGX")
                .param("required", "twelve million")
                .param("committed", "0")
                .param("disbursed", "0"));
        assertThat(html).contains("Enter an amount with digits only", "value=\"twelve million\"");
    }

    @Test
    void ourActionsAreAskedOfTheServiceByOwnerSortedAndPaged() throws Exception {
        String html = page(get("/actions")
                .param("status", "in_progress")
                .param("sort", "title")
                .param("page", "1")
                .with(member(CITY, "u-city", "org-editor")));
        assertThat(html)
                .contains(
                        "href=\"/actions/" + ACTION + "\">Care without a refugee ID at the Kisenyi health centre</a>",
                        "href=\"/actions/new\"",
                        "2 actions");
        assertThat(SERVICES.requests())
                .anyMatch(r -> r.path().equals("/actions")
                        && r.query() != null
                        && r.query().contains("owner=" + CITY)
                        && r.query().contains("status=IN_PROGRESS")
                        && r.query().contains("sort=title")
                        && r.query().contains("page=1")
                        && r.query().contains("size=25"));
    }

    // ---- fixtures

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static StubServices.Request last(String method, String path) {
        return SERVICES.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + method + " " + path));
    }

    private static String action(long version, String status) {
        return """
                {"id":"%s","version":%d,"ownerId":"%s","planId":"%s",
                 "title":"Care without a refugee ID at the Kisenyi health centre",
                 "description":"Patients are registered on proof of residence.","kind":"SERVICE","orientation":"NEXUS",
                 "sectors":["HEALTH"],"targetGroups":["REFUGEES","ASYLUM_SEEKERS"],
                 "areas":[{"country":"UG","subdivision":"UG-C","areaCode":"KLA-KISENYI","areaName":"Kisenyi"}],
                 "startDate":"2026-04-01","endDate":"2027-03-31","reportingCadence":"QUARTERLY",
                 "participants":[{"organisationId":"%s","role":"IMPLEMENTING"}],"implementsActionId":"%s","weight":2,
                 "requiresLocalImplementation":false,"expectedImplementers":[],"needIds":["%s"],"gapIds":["%s"],
                 "frameworkItems":["SDG-3.8"],"status":"%s","classification":"RESTRICTED","sharedWithForums":["%s"],
                 "createdAt":"2026-03-01T08:00:00Z","updatedAt":"2026-10-01T08:00:00Z"}""".formatted(ACTION, version, CITY, PLAN, NGO, COMMITMENT, NEED, GAP, status, FORUM);
    }

    private static String need() {
        return """
                {"id":"%s","version":2,"ownerId":"%s","statement":"Refugees in Kisenyi cannot get care without a refugee ID",
                 "sector":"HEALTH","populationGroups":["REFUGEES"],"severity":"HIGH","status":"VALIDATED",
                 "area":{"country":"UG","subdivision":"UG-C","areaName":"Kisenyi"}}""".formatted(NEED, CITY);
    }

    private static String org(UUID id, String name, String acronym) {
        return """
                {"id":"%s","version":1,"name":"%s","acronym":"%s","status":"ACTIVE","jurisdiction":{"country":"UG"}}""".formatted(id, name, acronym);
    }

    private static void organisation(UUID id, String name, String acronym) {
        SERVICES.answer("GET", "/stakeholders/" + id, 200, org(id, name, acronym));
    }

    /** A signed-in member of an organisation with realm roles: their session and, beside it, their access token. */
    private RequestPostProcessor member(UUID organisation, String subject, String... roles) {
        var keycloak = registrations.findByRegistrationId(SignInConfiguration.REGISTRATION);
        String token = unsignedJwt("""
                {"sub":"%s","preferred_username":"%s","org_id":"%s","realm_access":{"roles":[%s]}}""".formatted(
                subject,
                subject,
                organisation,
                String.join(
                        ",",
                        java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList())));
        OAuth2AccessToken access = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                token,
                Instant.now(),
                Instant.now().plusSeconds(300));
        return request -> {
            // the roles are in the ID token too: the test support keeps the access token where only the API
            // clients find it
            oidcLogin()
                    .clientRegistration(keycloak)
                    .idToken(t -> t.subject(subject)
                            .claim("org_id", organisation.toString())
                            .claim("preferred_username", subject)
                            .claim("name", subject)
                            .claim("realm_access", java.util.Map.of("roles", java.util.List.of(roles))))
                    .postProcessRequest(request);
            return oauth2Client(SignInConfiguration.REGISTRATION)
                    .clientRegistration(keycloak)
                    .principalName(subject)
                    .accessToken(access)
                    .postProcessRequest(request);
        };
    }

    private static String unsignedJwt(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
