package org.arrival.web.mywork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.arrival.web.layout.Languages;
import org.arrival.web.signin.SignInConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** My work against stub services: what is due, late, flagged and new for the person's organisation, with links. */
class MyWorkPageTest extends WebTest {

    static final UUID CITY = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");
    static final UUID NGO = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID OPM = UUID.fromString("5fa5c6f4-c9f2-4701-8c9c-ad746e6de685");
    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID MARKET = UUID.fromString("11111111-1111-4111-8111-111111111111");
    static final UUID SCHOOLS = UUID.fromString("22222222-2222-4222-8222-222222222222");
    static final UUID WATER = UUID.fromString("33333333-3333-4333-8333-333333333333");
    static final UUID COMMITMENT = UUID.fromString("44444444-4444-4444-8444-444444444444");
    static final UUID CLINIC = UUID.fromString("55555555-5555-4555-8555-555555555555");
    static final UUID OUR_NEED = UUID.fromString("66666666-6666-4666-8666-666666666666");
    static final UUID THEIR_NEED = UUID.fromString("77777777-7777-4777-8777-777777777777");

    static final String EMPTY = "{\"items\":[],\"page\":0,\"size\":30,\"totalItems\":0,\"totalPages\":0}";

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer(
                "GET",
                "/stakeholders/" + CITY,
                200,
                "{\"id\":\"%s\",\"version\":1,\"name\":\"Kampala Capital City Authority\"}".formatted(CITY));
        SERVICES.answer(
                "GET",
                "/stakeholders/" + NGO,
                200,
                "{\"id\":\"%s\",\"version\":1,\"name\":\"Horizon Relief International\"}".formatted(NGO));
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum","type":"COORDINATION_FORUM","status":"ACTIVE","seat":"CHAIR"}]""".formatted(FORUM));
        SERVICES.answer("GET", "/forums/" + FORUM + "/flags", 200, """
                {"items":[{"flagId":"%s","version":1,"forumId":"%s","checkCode":"MISSING_LOCAL_IMPLEMENTATION","recordIds":["%s","%s"],
                  "summary":"English words","status":"OPEN","conditionHolds":true,"createdAt":"2026-11-01T08:00:00Z"},
                 {"flagId":"%s","version":1,"forumId":"%s","checkCode":"OVERLAPPING_ACTIONS","recordIds":["%s","%s"],
                  "summary":"English words","status":"ACKNOWLEDGED","conditionHolds":true,"createdAt":"2026-11-02T08:00:00Z"},
                 {"flagId":"%s","version":2,"forumId":"%s","checkCode":"ACTION_WITHOUT_FUNDING","recordIds":["%s"],
                  "summary":"English words","status":"RESOLVED","conditionHolds":true,"createdAt":"2026-10-02T08:00:00Z"},
                 {"flagId":"%s","version":1,"forumId":"%s","checkCode":"NEED_WITHOUT_ACTION","recordIds":["%s"],
                  "summary":"English words","status":"OPEN","conditionHolds":true,"createdAt":"2026-10-03T08:00:00Z"}],"page":0,"size":200,"totalItems":4,"totalPages":1}""".formatted(
                        UUID.randomUUID(),
                        FORUM,
                        COMMITMENT,
                        CITY,
                        UUID.randomUUID(),
                        FORUM,
                        MARKET,
                        CLINIC,
                        UUID.randomUUID(),
                        FORUM,
                        SCHOOLS,
                        UUID.randomUUID(),
                        FORUM,
                        THEIR_NEED));
        SERVICES.answer("GET", "/actions", 200, """
                {"items":[%s,%s,%s],"page":0,"size":200,"totalItems":3,"totalPages":1}""".formatted(
                        action(MARKET, "Trading licences at Nakawa market", "IN_PROGRESS"),
                        action(SCHOOLS, "Classroom blocks in Katwe", "COMMITTED"),
                        action(WATER, "Water point in Kisenyi III", "COMPLETED")));
        SERVICES.answer(
                "GET",
                "/actions/" + COMMITMENT,
                200,
                action(COMMITMENT, "Registration points in city offices", "COMMITTED"));
        SERVICES.answer("GET", "/actions/" + CLINIC, 200, action(CLINIC, "Mobile clinic in Kisenyi", "IN_PROGRESS"));
        SERVICES.answer("GET", "/actions/" + MARKET + "/reporting", 200, """
                {"actionId":"%s","status":"IN_PROGRESS","asOf":"2026-12-06","reportsExpected":true,"graceDays":15,
                 "nextDue":{"periodStart":"2026-08-01","periodEnd":"2026-10-31","dueOn":"2026-11-15"},
                 "overdue":true,"daysOverdue":21,"lateMilestones":[],
                 "missedMilestones":[{"id":"%s","title":"Council waives the licence fee","dueOn":"2026-09-30"}]}""".formatted(MARKET, UUID.randomUUID()));
        SERVICES.answer("GET", "/actions/" + SCHOOLS + "/reporting", 200, """
                {"actionId":"%s","status":"COMMITTED","asOf":"2026-12-06","reportsExpected":true,"graceDays":15,
                 "nextDue":{"periodStart":"2027-01-04","periodEnd":"2027-04-03","dueOn":"2027-04-18"},
                 "overdue":false,"daysOverdue":0,
                 "lateMilestones":[{"id":"%s","title":"Site survey done","dueOn":"2026-11-30","daysLate":6}],
                 "missedMilestones":[],"nextMilestone":{"id":"%s","title":"Designs approved","dueOn":"2026-12-20"}}""".formatted(
                        SCHOOLS, UUID.randomUUID(), UUID.randomUUID()));
        SERVICES.answer(
                "GET", "/actions/" + MARKET + "/contributions", 200, """
                {"items":[{"id":"%s","actionId":"%s","contributorId":"%s","kind":"OBJECTION",
                  "text":"Stalls are allocated far from the buyers.","createdAt":"2026-12-01T09:00:00Z"}],
                 "page":0,"size":30,"totalItems":1,"totalPages":1}""".formatted(UUID.randomUUID(), MARKET, NGO));
        SERVICES.answer("GET", "/actions/" + SCHOOLS + "/contributions", 200, EMPTY);
        SERVICES.answer("GET", "/actions/" + WATER + "/contributions", 200, EMPTY);
        SERVICES.answer("GET", "/needs", 200, """
                {"items":[{"id":"%s","version":1,"ownerId":"%s","statement":"No school places for 400 children in Katwe",
                  "sector":"EDUCATION","status":"VALIDATED"}],"page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(OUR_NEED, CITY));
        SERVICES.answer("GET", "/inputs", 200, """
                {"items":[{"id":"%s","contributorId":"%s","subjectType":"NEED","subjectId":"%s","kind":"FIELD_OBSERVATION",
                  "summary":"Forty more children arrived in October.","createdAt":"2026-11-20T10:00:00Z"},
                 {"id":"%s","contributorId":"%s","subjectType":"NEED","subjectId":"%s","kind":"FIELD_OBSERVATION",
                  "summary":"Not about the city's needs.","createdAt":"2026-11-21T10:00:00Z"}],
                 "page":0,"size":30,"totalItems":2,"totalPages":1}""".formatted(
                        UUID.randomUUID(), NGO, OUR_NEED, UUID.randomUUID(), NGO, THEIR_NEED));
    }

    static String action(UUID id, String title, String status) {
        return """
                {"id":"%s","version":3,"ownerId":"%s","title":"%s","status":"%s","classification":"FORUM"}""".formatted(id, CITY, title, status);
    }

    @Test
    void theCitysEditorSeesWhatIsLateDueFlaggedAndNewWithLinksToTheRecords() throws Exception {
        String subject = "u-" + UUID.randomUUID();
        mvc.perform(get("/").with(signedIn(subject, "kcca-coordinator", CITY, "member", "org-editor")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1 id=\"mywork-heading\">My work</h1>"),
                                containsString("What Kampala Capital City Authority is expected to do"),
                                // at a glance: 1 report overdue, 2 milestones late or missed, 2 flags, 2 new
                                containsString("<strong>1</strong> report overdue"),
                                containsString("<strong>2</strong> milestones late or missed"),
                                containsString("<strong>2</strong> flags on your records"),
                                containsString("<strong>2</strong> new comments and inputs"),
                                containsString("Overdue by 21 days"),
                                containsString("href=\"/actions/" + MARKET + "/reports/new\""),
                                containsString("Covers Aug 1, 2026 to Oct 31, 2026; due on Nov 15, 2026."),
                                containsString("Late by 6 days"),
                                containsString("Site survey done"),
                                containsString("Missed"),
                                containsString("Council waives the licence fee"),
                                containsString("Coming up"),
                                containsString("Designs approved"),
                                containsString("National action without local implementation"),
                                containsString(
                                        "href=\"/actions/" + COMMITMENT + "\">Registration points in city offices</a>"),
                                containsString("href=\"/actions/" + CLINIC + "\">Mobile clinic in Kisenyi</a>"),
                                containsString("href=\"/forums/" + FORUM + "#flags\""),
                                containsString("Objection"),
                                containsString("from Horizon Relief International"),
                                containsString("Stalls are allocated far from the buyers."),
                                containsString("href=\"/needs/" + OUR_NEED
                                        + "\">No school places for 400 children in Katwe</a>"),
                                containsString("Forty more children arrived in October."),
                                containsString("as this is your first visit"))))
                .andExpect(content()
                        .string(allOf(
                                // flags of others' records, resolved flags and the forum's English summaries stay out
                                not(containsString("Not about the city's needs.")),
                                not(containsString("English words")),
                                not(containsString("Need without action")),
                                // an ended action expects nothing
                                not(containsString("data-action-id=\"" + WATER + "\"")))));
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().equals("/actions/" + WATER + "/reporting"));

        // the next visit (a new session) counts as new only what came after this one
        mvc.perform(get("/").with(signedIn(subject, "kcca-coordinator", CITY, "member", "org-editor")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Since your last visit on"),
                                containsString("Nothing new since your last visit."),
                                containsString("<strong>0</strong> new comments and inputs"),
                                not(containsString("Stalls are allocated far from the buyers.")))));
    }

    @Test
    void myWorkAsksEachForumForTheWaitingFlagsNamingTheOrganisationAloneNotForEveryFlagOfTheForum() throws Exception {
        mvc.perform(get("/").with(signedIn("u-" + UUID.randomUUID(), "kcca-coordinator", CITY, "member", "org-editor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<strong>2</strong> flags on your records")));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().equals("/forums/" + FORUM + "/flags"))
                .extracting(StubServices.Request::query)
                .containsExactly("status=OPEN,ACKNOWLEDGED&organisation=" + CITY + "&sort=newest&page=0&size=200");
    }

    @Test
    void aReadOnlyMemberIsNotOfferedToWriteReportsAndFrenchReadersReadFrench() throws Exception {
        mvc.perform(get("/").with(signedIn("u-" + UUID.randomUUID(), "city-viewer", CITY, "member"))
                        .cookie(new Cookie(Languages.COOKIE, "fr")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<h1 id=\"mywork-heading\">Mon travail</h1>"),
                                containsString("En retard de 21 jours"),
                                containsString("rapport en retard"),
                                not(containsString("/reports/new")))));
    }

    @Test
    void afterPublishingMyWorkSaysSoAndWithoutActionsItSaysWhatToDo() throws Exception {
        UUID market = MARKET;
        SERVICES.answer(
                "GET", "/actions/" + market, 200, action(market, "Trading licences at Nakawa market", "IN_PROGRESS"));
        SERVICES.answer("POST", "/actions/" + market + "/reports", 201, """
                {"id":"%s","actionId":"%s","periodStart":"2026-08-01","periodEnd":"2026-10-31","percentComplete":40,
                 "rag":"GREEN","indicators":[]}""".formatted(UUID.randomUUID(), market));
        var person = signedIn("u-" + UUID.randomUUID(), "kcca-coordinator", CITY, "member", "org-editor");
        MvcResult published = mvc.perform(post("/actions/" + market + "/reports/new")
                        .with(person)
                        .with(csrf())
                        .param("rows", "1")
                        .param("periodStart", "2026-08-01")
                        .param("periodEnd", "2026-10-31")
                        .param("percentComplete", "40")
                        .param("rag", "GREEN"))
                .andExpect(status().isFound())
                .andReturn();
        SERVICES.answer(
                "GET", "/actions", 200, "{\"items\":[],\"page\":0,\"size\":200,\"totalItems\":0,\"totalPages\":0}");
        SERVICES.answer("GET", "/needs", 200, EMPTY);
        SERVICES.answer("GET", "/forums", 200, "[]");
        // the notice is kept in the person's session (in PostgreSQL) for the one redirect: the browser sends its cookie
        Cookie session = published.getResponse().getCookie(SignInConfiguration.SESSION_COOKIE);
        assertThat(session).as("session cookie").isNotNull();
        mvc.perform(get("/").with(person).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Your progress report for Aug 1, 2026 to Oct 31, 2026 is published on"),
                                containsString("Trading licences at Nakawa market"),
                                containsString("Your organisation has no action under way"),
                                containsString("href=\"/actions/new\""),
                                containsString("Your organisation sits in no forum yet"),
                                containsString("Nothing is late or waiting for you."))));
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().equals("/inputs"));
    }
}
