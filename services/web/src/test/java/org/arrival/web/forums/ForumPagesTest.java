package org.arrival.web.forums;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.arrival.web.SignedIn;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.arrival.web.layout.Formats;
import org.arrival.web.layout.Languages;
import org.arrival.web.signin.SignInConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The forum pages against stub services: what they call, with whose token, and what they show. */
class ForumPagesTest extends WebTest {

    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID ORG = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID ACTION = UUID.fromString("0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final UUID NEED = UUID.fromString("a3c4e5f6-7081-4b2c-9d3e-4f5061728394");
    static final SignedIn NGO_EDITOR = SignedIn.as("ngo-editor", ORG, "member", "org-editor");
    static final String ACCESS_TOKEN = NGO_EDITOR.accessToken();

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer("GET", "/stakeholders/" + ORG, 200, """
                {"id":"%s","version":3,"name":"Horizon Relief International","type":"INTERNATIONAL_NGO"}""".formatted(ORG));
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum","type":"COORDINATION_FORUM","status":"ACTIVE",
                  "area":"Kampala","seat":"MEMBER"}]""".formatted(FORUM));
        SERVICES.answer("GET", "/forums/" + FORUM + "/tracker", 200, """
                {"items":[{"actionId":"%s","title":"Evening legal clinic in Katwe","ownerId":"%s",
                  "ownerName":"Horizon Relief International","status":"IN_PROGRESS","kind":"SERVICE",
                  "sectors":["LEGAL_STATUS"],"targetGroups":["REFUGEES"],"frameworkItems":["SDG-16.9"],
                  "percentComplete":40,"rag":"AMBER","reportPeriodEnd":"2026-09-30",
                  "nextMilestone":{"milestoneId":"%s","title":"Second clinic opens","dueOn":"2027-01-15"},
                  "overdue":true,"daysOverdue":21,
                  "funding":[{"currency":"USD","committed":10000,"disbursed":5000,"required":25000,"gap":15000}],
                  "classification":"FORUM","startDate":"2026-01-01","endDate":"2027-06-30","unknownField":1}],
                 "page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(ACTION, ORG, UUID.randomUUID()));
        SERVICES.answer("GET", "/forums/" + FORUM + "/tracker/summary", 200, """
                {"actions":1,"owners":[{"organisationId":"%s","name":"Horizon Relief International","actions":1}],
                 "sectors":[{"sector":"LEGAL_STATUS","actions":1,"averagePercentComplete":40.0}]}""".formatted(ORG));
        SERVICES.answer("GET", "/forums/" + FORUM + "/needs-coverage", 200, """
                [{"sector":"HOUSING","group":"REFUGEES","area":"Kisenyi","coverage":"UNCOVERED","needs":2,
                  "needIds":["%s"],"actionIds":[],"inputs":1,"inputsPerNeed":{}}]""".formatted(NEED));
        SERVICES.answer("GET", "/forums/" + FORUM + "/readiness", 200, """
                {"latest":{"roundId":"%s","title":"Kampala 2026","publishedAt":"2026-06-01T10:00:00Z","points":60.0,
                  "max":190,"percent":50.0,"respondents":3,"divergentQuestions":[],"assessedMax":120,
                  "questionsAssessed":60,"questions":95},
                 "trend":[{"roundId":"%s","title":"Kampala 2025","publishedAt":"2025-06-01T10:00:00Z","percent":42.5,
                  "respondents":2},{"roundId":"%s","title":"Kampala 2026","publishedAt":"2026-06-01T10:00:00Z",
                  "percent":50.0,"respondents":3}],
                 "change":7.5,"recommendations":[
                   {"code":"R1","points":12,"max":20,"assessedMax":16,"questionsAssessed":8,"questions":10},
                   {"code":"R6","points":0,"max":18,"assessedMax":0,"questionsAssessed":0,"questions":9},
                   {"code":"R9","points":9,"max":18}],
                 "divergentQuestions":["Q1.1.2"],"gaps":[]}""".formatted(
                        UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        SERVICES.answer("GET", "/forums/" + FORUM + "/flags", 200, """
                {"items":[{"flagId":"%s","version":1,"forumId":"%s","checkCode":"NEED_WITHOUT_ACTION","key":"k",
                  "recordIds":["%s"],"summary":"Need in Kisenyi has no action","status":"OPEN","conditionHolds":true,
                  "createdAt":"2026-10-01T08:00:00Z"}],"page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(UUID.randomUUID(), FORUM, NEED));
    }

    /** A signed-in member of the NGO: their session's authentication and, beside it, their access token. */
    RequestPostProcessor member() {
        return NGO_EDITOR.on(registrations.findByRegistrationId(SignInConfiguration.REGISTRATION));
    }

    @Test
    void myForumsAreAskedWithTheUsersOwnTokenAndTheHeaderNamesTheirOrganisation() throws Exception {
        mvc.perform(get("/forums").with(member()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<html lang=\"en\" dir=\"ltr\">"),
                                containsString("Horizon Relief International"),
                                containsString("href=\"/forums/" + FORUM + "\""),
                                containsString("Kampala coordination forum"),
                                containsString("Your seat: Member"),
                                containsString("class=\"skip-link\" href=\"#main\""))));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().equals("/forums"))
                .singleElement()
                .extracting(StubServices.Request::authorization)
                .isEqualTo("Bearer " + ACCESS_TOKEN);
        assertThat(SERVICES.requests())
                .anyMatch(r -> r.path().equals("/stakeholders/" + ORG)
                        && ("Bearer " + ACCESS_TOKEN).equals(r.authorization()));
    }

    @Test
    void thoseWhoEditTheirOrganisationsActionsAreOfferedToReportInASpreadsheet() throws Exception {
        String link = "href=\"/forums/" + FORUM + "/spreadsheet\" id=\"spreadsheet-link\"";
        assertThat(mvc.perform(get("/forums/" + FORUM).with(member()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains(link, "Report in a spreadsheet");
        SignedIn reader = SignedIn.as("ngo-member", ORG, "member");
        assertThat(mvc.perform(get("/forums/" + FORUM)
                                .with(reader.on(registrations.findByRegistrationId(SignInConfiguration.REGISTRATION))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"forum-name\"")
                .doesNotContain(link);
    }

    @Test
    void anEnforcementBodysEditorIsNotOfferedToReportInASpreadsheet() throws Exception {
        SERVICES.answer("GET", "/stakeholders/" + ORG, 200, """
                {"id":"%s","version":3,"name":"Kampala Metropolitan Police","type":"GOVERNMENT_AGENCY",
                 "enforcementBody":true}""".formatted(ORG));
        assertThat(mvc.perform(get("/forums/" + FORUM).with(member()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"forum-name\"")
                .doesNotContain("id=\"spreadsheet-link\"")
                .doesNotContain("Report in a spreadsheet");
    }

    @Test
    void theForumPageShowsTrackerChartsAndFlagsWithTheirNumbersAndLinks() throws Exception {
        String html = mvc.perform(get("/forums/" + FORUM)
                        .param("sector", "LEGAL_STATUS")
                        .param("sort", "-startDate")
                        .param("group", "not-a-group")
                        .with(member()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("<a href=\"/actions/" + ACTION + "\">Evening legal clinic in Katwe</a>")
                .contains(
                        "◑ In progress",
                        "▲ At risk",
                        "40%",
                        "Report overdue by 21 days",
                        "$15,000",
                        "Second clinic opens",
                        "due Jan 15, 2027",
                        "SDG-16.9")
                .contains("sse-connect=\"/forums/" + FORUM + "/live\"", "hx-trigger=\"sse:tracker delay:100ms\"")
                // every chart: a caption, a description for screen readers, and its numbers in a table
                .contains(
                        "<figcaption id=\"sectors-chart-caption\">",
                        "id=\"sectors-chart-description\"",
                        "Legal status: 40% over 1 action")
                .contains("aria-labelledby=\"coverage-chart-caption\"", "✗ Uncovered", "Refugees", "Kisenyi")
                .contains(
                        "R1 Evidence base",
                        "Latest round: Kampala 2026, 50% overall.",
                        "Up 7.5 points",
                        "Trend: the overall score of each published round")
                // coverage: what was assessed, and a recommendation nobody answered is not assessed rather than 0
                .contains(
                        "60 of 190 points · 60 of 95 questions assessed",
                        "The score counts only the questions assessed",
                        "R1 Evidence base: 75% (12 of 20 points, 8 of 10 questions assessed)",
                        "R6 Participation of migrants: not assessed (nobody answered any of its 9 questions)",
                        // scores published before they carried coverage: out of the maximum
                        "R9 Inclusive services: 50% (9 of 18 points)")
                .contains("Need in Kisenyi has no action", "href=\"/needs/" + NEED + "\"")
                .doesNotContain("Resolved one")
                .contains("href=\"/forums/" + FORUM + "/exports/3w.csv\"");
        // the filters reach the forum service as its query parameters; an unknown group is dropped, not sent
        assertThat(SERVICES.requests())
                .anyMatch(r -> r.path().endsWith("/tracker")
                        && r.query() != null
                        && r.query().contains("sector=LEGAL_STATUS")
                        && r.query().contains("sort=-startDate")
                        && r.query().contains("size=25")
                        && !r.query().contains("group"));
    }

    @Test
    void theOwnersTheCountAndTheSectorsChartComeFromTheTrackersSummaryNotFromEveryAction() throws Exception {
        UUID city = UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
        UUID unnamed = UUID.fromString("9e8d7c6b-5a49-4382-9172-6a5b4c3d2e1f");
        SERVICES.answer("GET", "/forums/" + FORUM + "/tracker/summary", 200, """
                {"actions":1234,"owners":[
                   {"organisationId":"%s","name":"Horizon Relief International","actions":1200},
                   {"organisationId":"%s","name":"kampala Capital City Authority","actions":30},
                   {"organisationId":"%s","name":null,"actions":4}],
                 "sectors":[{"sector":"HOUSING","actions":3,"averagePercentComplete":33.333333333333336},
                   {"sector":"LEGAL_STATUS","actions":1200,"averagePercentComplete":40.0}],
                 "unknownField":1}""".formatted(ORG, city, unnamed));
        String html = mvc.perform(get("/forums/" + FORUM).with(member()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("1 action matches of 1,234 in the forum")
                // the filter's organisations, by name whatever the case; one without a name goes by its id
                .containsSubsequence(
                        "<option value=\"" + unnamed + "\">" + unnamed + "</option>",
                        "<option value=\"" + ORG + "\">Horizon Relief International</option>",
                        "<option value=\"" + city + "\">kampala Capital City Authority</option>")
                // the chart, its description and its table, by sector name
                .containsSubsequence(
                        "Housing: 33% over 3 actions; Legal status: 40% over 1,200 actions",
                        "<th scope=\"row\">Housing</th>",
                        "<td>33%</td>",
                        "<td>3</td>",
                        "<th scope=\"row\">Legal status</th>",
                        "<td>40%</td>",
                        "<td>1,200</td>");
        // one page of the tracker is asked for, never every action
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().equals("/forums/" + FORUM + "/tracker"))
                .singleElement()
                .satisfies(r -> assertThat(r.query()).contains("size=25"));
        SERVICES.reset();
        services();
        SERVICES.answer("GET", "/forums/" + FORUM + "/tracker/summary", 200, """
                {"actions":7,"owners":[],"sectors":[{"sector":"HOUSING","actions":7,"averagePercentComplete":12.75}]}""");
        mvc.perform(get("/forums/" + FORUM + "/parts/sectors")
                        .header("HX-Request", "true")
                        .with(member()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Housing: 13% over 7 actions")));
        mvc.perform(get("/forums/" + FORUM + "/parts/tracker")
                        .header("HX-Request", "true")
                        .with(member()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 action matches of 7 in the forum")));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().equals("/forums/" + FORUM + "/tracker"))
                .singleElement()
                .satisfies(r -> assertThat(r.query()).contains("size=25"));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().equals("/forums/" + FORUM + "/tracker/summary"))
                .hasSize(2);
    }

    @Test
    void wordsAndOnlyOverdueFilterTheListingTheForumServiceReturns() throws Exception {
        mvc.perform(get("/forums/" + FORUM)
                        .param("q", "LEGAL clinic")
                        .param("overdue", "true")
                        .with(member()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-action-id=\"" + ACTION + "\""),
                                containsString("1 action matches of 1 in the forum"))));
        mvc.perform(get("/forums/" + FORUM)
                        .param("q", "housing")
                        .param("sector", "LEGAL_STATUS")
                        .with(member()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                not(containsString("data-action-id=")),
                                containsString("No action matches the filters."))));
        // the forum service still filters what it can: the sector went to it, the words did not
        assertThat(SERVICES.requests())
                .anyMatch(r -> r.path().endsWith("/tracker")
                        && r.query() != null
                        && r.query().contains("sector=LEGAL_STATUS")
                        && r.query().contains("size=200")
                        && !r.query().contains("q="));
    }

    @Test
    void arabicPagesAreWrittenRightToLeftWithArabicLabelsAndNumbers() throws Exception {
        Formats arabic = new Formats(Locale.forLanguageTag("ar"), ZoneOffset.UTC);
        mvc.perform(get("/forums/" + FORUM)
                        .cookie(new Cookie(Languages.COOKIE, "ar"))
                        .with(member()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<html lang=\"ar\" dir=\"rtl\">"),
                                containsString("متابعة الإجراءات"),
                                containsString("قيد التنفيذ"),
                                containsString(
                                        "تم تقييم " + arabic.number(60) + " من أصل " + arabic.number(95) + " سؤالًا"),
                                containsString(arabic.percent(40)))));
    }

    @Test
    void aFilterChangeFromTheFormNamesTheFiltersInTheAddressButALiveRefreshDoesNot() throws Exception {
        mvc.perform(get("/forums/" + FORUM + "/parts/tracker")
                        .param("status", "in_progress")
                        .header("HX-Request", "true")
                        .header("HX-Trigger", TrackerView.FORM_ID)
                        .with(member()))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Push-Url", "/forums/" + FORUM + "?status=IN_PROGRESS"))
                .andExpect(content()
                        .string(allOf(
                                containsString("<section class=\"panel wide\" id=\"tracker\""),
                                not(containsString("<html")))));
        mvc.perform(get("/forums/" + FORUM + "/parts/flags")
                        .header("HX-Request", "true")
                        .with(member()))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("HX-Push-Url"))
                .andExpect(content().string(containsString("Need in Kisenyi has no action")));
    }

    @Test
    void theFlagListIsFilteredBySeverityAndCheckThroughTheForumServiceKeepingTheTrackersFilters() throws Exception {
        String html = mvc.perform(get("/forums/" + FORUM)
                        .param("severity", "high")
                        .param("check", "NEED_WITHOUT_ACTION")
                        .param("sector", "LEGAL_STATUS")
                        .with(member()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(SERVICES.requests())
                .anyMatch(r -> r.path().equals("/forums/" + FORUM + "/flags")
                        && r.query() != null
                        && r.query()
                                .equals("status=OPEN,ACKNOWLEDGED&severity=HIGH&check=NEED_WITHOUT_ACTION"
                                        + "&sort=newest&page=0&size=200"));
        String flags = html.substring(html.indexOf("<section class=\"panel\" id=\"flags\""));
        assertThat(flags)
                .contains(
                        "<form id=\"flag-filters\" class=\"filters\" role=\"search\""
                                + " aria-labelledby=\"flag-filters-heading\" method=\"get\" action=\"/forums/" + FORUM
                                + "#flags\">",
                        "<label for=\"flag-filter-severity\">Severity</label>",
                        "<option value=\"HIGH\" selected>High</option>",
                        "<label for=\"flag-filter-check\">Check</label>",
                        "<option value=\"NEED_WITHOUT_ACTION\" selected>Need without action</option>",
                        // the tracker's filters go along, and the live refresh asks for the same flags
                        "<input type=\"hidden\" name=\"sector\" value=\"LEGAL_STATUS\">",
                        "hx-get=\"/forums/" + FORUM
                                + "/parts/flags?sector=LEGAL_STATUS&amp;severity=HIGH&amp;check=NEED_WITHOUT_ACTION\"",
                        "<p id=\"flag-count\" role=\"status\">1 open flag matches the filters.</p>",
                        "href=\"/forums/" + FORUM + "?sector=LEGAL_STATUS#flags\" id=\"flag-filter-clear\"",
                        "<a href=\"/forums/" + FORUM + "/checks\" id=\"flags-checks-link\">")
                .contains("Need in Kisenyi has no action");

        // values the forum service would refuse are dropped, not sent
        SERVICES.requests().clear();
        mvc.perform(get("/forums/" + FORUM + "/parts/flags")
                        .param("severity", "urgent")
                        .param("check", "NO_SUCH_CHECK")
                        .with(member()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"flag-count\""))));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().endsWith("/flags"))
                .singleElement()
                .extracting(StubServices.Request::query)
                .isEqualTo("status=OPEN,ACKNOWLEDGED&sort=newest&page=0&size=200");
    }

    @Test
    void theFlagCountIsTheForumServicesTotalThoughThePanelListsItsFirstPage() throws Exception {
        SERVICES.answer("GET", "/forums/" + FORUM + "/flags", 200, """
                {"items":[{"flagId":"%s","version":1,"forumId":"%s","checkCode":"NEED_WITHOUT_ACTION","key":"k",
                  "recordIds":["%s"],"summary":"Need in Kisenyi has no action","status":"OPEN","conditionHolds":true,
                  "createdAt":"2026-10-01T08:00:00Z"}],"page":0,"size":200,"totalItems":240,"totalPages":2}""".formatted(UUID.randomUUID(), FORUM, NEED));
        mvc.perform(get("/forums/" + FORUM + "/parts/flags")
                        .param("check", "NEED_WITHOUT_ACTION")
                        .with(member()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<p id=\"flag-count\" role=\"status\">240 open flags match the"
                                        + " filters.</p>"),
                                containsString("Need in Kisenyi has no action"))));
    }

    @Test
    void aForumTheServiceDoesNotShowIsNotFoundInPlainWordsAndAForbiddenCallSaysSo() throws Exception {
        UUID other = UUID.randomUUID();
        mvc.perform(get("/forums/" + other).with(member()))
                .andExpect(status().isNotFound())
                .andExpect(content()
                        .string(allOf(
                                containsString("Not found"),
                                containsString("does not exist, or your organisation may not see it"))));
        SERVICES.answer("GET", "/actions/" + ACTION, 403, """
                {"status":403,"title":"Forbidden","detail":"You may not do this"}""");
        mvc.perform(get("/actions/" + ACTION).with(member()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Your role in your organisation does not allow this")));
    }

    @Test
    void aServiceThatFailsGivesAClearPageAndTheOthersStillAnswer() throws Exception {
        SERVICES.answer("GET", "/needs/" + NEED, 503, "{\"status\":503}");
        mvc.perform(get("/needs/" + NEED).with(member()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content()
                        .string(allOf(
                                containsString("A service is not answering"),
                                containsString("Not answering: assessments and evidence."))));
        SERVICES.answer("GET", "/needs/" + NEED, 200, """
                {"id":"%s","version":1,"ownerId":"%s","statement":"Refugee households in Kisenyi lack rental housing",
                 "sector":"HOUSING","populationGroups":["REFUGEES"],"severity":"HIGH","status":"VALIDATED"}""".formatted(NEED, ORG));
        SERVICES.answer("GET", "/needs/" + NEED + "/inputs", 200, """
                {"items":[],"page":0,"size":200,"totalItems":0,"totalPages":0}""");
        // the owner's editor is offered the organisation's actions to link
        SERVICES.answer("GET", "/actions", 200, """
                {"items":[],"page":0,"size":200,"totalItems":0,"totalPages":0}""");
        mvc.perform(get("/needs/" + NEED).with(member()).cookie(new Cookie(Languages.COOKIE, "fr")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Refugee households in Kisenyi lack rental housing"),
                                containsString("Validé"),
                                containsString("Logement"))));
    }

    @Test
    void exportsComeThroughWithTheUsersTokenAsDownloads() throws Exception {
        SERVICES.answer(
                "GET",
                "/forums/" + FORUM + "/exports/3w.csv",
                200,
                "text/csv",
                "Organisation,Sector\n#org,#sector\nHorizon,LEGAL_STATUS\n");
        mvc.perform(get("/forums/" + FORUM + "/exports/3w.csv").with(member()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(containsString("#org,#sector")));
        assertThat(SERVICES.requests())
                .anyMatch(r ->
                        r.path().endsWith("/exports/3w.csv") && ("Bearer " + ACCESS_TOKEN).equals(r.authorization()));
    }

    @Test
    void nobodySignedInIsSentToKeycloakWithPkceInTheirLanguage() throws Exception {
        mvc.perform(get("/forums"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", containsString(SignInConfiguration.SIGN_IN_PATH)));
        mvc.perform(get(SignInConfiguration.SIGN_IN_PATH).cookie(new Cookie(Languages.COOKIE, "fr")))
                .andExpect(status().isFound())
                .andExpect(header().string(
                                "Location",
                                allOf(
                                        containsString(
                                                "http://127.0.0.1:1/realms/arrival/protocol/openid-connect/auth"),
                                        containsString("client_id=arrival-bff"),
                                        containsString("code_challenge_method=S256"),
                                        containsString("code_challenge="),
                                        containsString("ui_locales=fr"))));
        // a partial page asked by htmx reloads the whole page instead
        mvc.perform(get("/forums/" + FORUM + "/parts/tracker").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Refresh", "true"));
        // the pages that need nobody signed in
        mvc.perform(get("/signed-out"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You have signed out")));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void signingOutNeedsTheFormTokenAndEndsTheKeycloakSessionToo() throws Exception {
        mvc.perform(post("/logout").with(member())).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(member()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(header().string(
                                "Location",
                                allOf(
                                        containsString(
                                                "http://127.0.0.1:1/realms/arrival/protocol/openid-connect/logout"),
                                        containsString("id_token_hint="),
                                        containsString("post_logout_redirect_uri="),
                                        containsString("signed-out"))));
    }

    @Test
    void theLanguageSwitcherKeepsTheChoiceAndGoesBackOnlyWithinTheSite() throws Exception {
        mvc.perform(get("/language").param("lang", "es").param("back", "/forums/" + FORUM + "?sector=HOUSING"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/forums/" + FORUM + "?sector=HOUSING"))
                .andExpect(header().string("Set-Cookie", containsString(Languages.COOKIE + "=es")));
        mvc.perform(get("/language").param("lang", "fr").param("back", "//evil.example/"))
                .andExpect(header().string("Location", "/"));
    }
}
