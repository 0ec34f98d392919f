package org.arrival.web.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
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
import org.springframework.test.web.servlet.MvcResult;

/**
 * "What came of our decisions" and a meeting's pack against a stub forum service: the date asked for and said,
 * overdue work said in words with why, the linked action's status and latest progress; the printable pack with its
 * print style and the pack as one self-contained HTML file sent as an attachment, in every language.
 */
class DecisionsAndPackTest extends WebTest {

    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID CITY = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");
    static final UUID NGO = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID DECISION = UUID.fromString("d1b2c3d4-0000-4000-8000-000000000001");
    static final UUID ASSIGNMENT = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000001");
    static final UUID LATE_ASSIGNMENT = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000002");
    static final UUID MEETING = UUID.fromString("e1b2c3d4-0000-4000-8000-000000000001");
    static final UUID PREVIOUS = UUID.fromString("e1b2c3d4-0000-4000-8000-000000000000");
    static final UUID ACTION = UUID.fromString("0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final UUID NEED = UUID.fromString("3b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final UUID FLAG = UUID.fromString("b3c4e5f6-7081-4b2c-9d3e-4f5061728394");
    static final SignedIn MEMBER = SignedIn.as("irc-member", NGO, "member");
    static final String DECISIONS = "/forums/" + FORUM + "/decisions";
    static final String PACK = "/forums/" + FORUM + "/meetings/" + MEETING + "/pack";

    @Autowired
    MockMvc mvc;

    static final String OUTCOME =
            """
            {"decisionId":"%s","meetingId":"%s","meetingTitle":"February coordination meeting","decidedOn":"2026-02-10",
             "text":"Interpreting at every health centre by April","type":"ASSIGN_ACTION","method":"VOTE",
             "votes":{"inFavour":7,"against":1,"abstaining":2},
             "dissent":[{"stakeholderId":"%s","organisationName":"Horizon Relief International","reason":"Too soon"}],
             "concerns":[{"kind":"NEED","recordId":"%s","title":"Care without interpreters in Kisenyi","status":"VALIDATED"}],
             "assignments":[
               {"assignmentId":"%s","assigneeId":"%s","assigneeName":"Kampala Capital City Authority",
                "expected":"Interpreters at two health centres","dueOn":"2026-04-30","status":"ACCEPTED",
                "overdue":true,"overdueReasons":["REPORTING_OVERDUE"],
                "action":{"actionId":"%s","title":"Interpreters at the Kisenyi health centre","status":"IN_PROGRESS",
                          "reportingOverdue":true,
                          "latestProgress":{"periodStart":"2026-01-01","periodEnd":"2026-03-31","rag":"AMBER",
                                            "summary":"One interpreter hired of two"}}},
               {"assignmentId":"%s","assigneeId":"%s","assigneeName":"Horizon Relief International",
                "expected":"Train health workers","dueOn":"2026-03-01","status":"OPEN",
                "overdue":true,"overdueReasons":["NOT_ACCEPTED"],"action":null}],
             "overdue":true}""".formatted(DECISION, PREVIOUS, NGO, NEED, ASSIGNMENT, CITY, ACTION, LATE_ASSIGNMENT, NGO);

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum","type":"COORDINATION_FORUM","status":"ACTIVE",
                  "area":"Kampala","seat":"MEMBER"}]""".formatted(FORUM));
        SERVICES.answer("GET", DECISIONS, 200, """
                {"items":[%s],"page":0,"size":20,"totalItems":1,"totalPages":1}""".formatted(OUTCOME));
        SERVICES.answer("GET", PACK, 200, """
                {"meeting":{"meetingId":"%s","title":"March coordination meeting","date":"2026-03-12","startTime":"10:00",
                  "place":"City Hall, room 4","onlineLink":null,"status":"HELD","minutes":"Agreed to meet monthly.",
                  "cancellationReason":null,
                  "attendance":[{"stakeholderId":"%s","organisationName":"Kampala Capital City Authority","status":"PRESENT"},
                                {"stakeholderId":"%s","organisationName":"Horizon Relief International","status":"APOLOGIES"}],
                  "agenda":[{"itemId":"%s","title":"Interpreting in health centres","note":"Follow-up from February",
                             "records":[{"kind":"ACTION","recordId":"%s","title":"Interpreters at the Kisenyi health centre",
                                         "status":"IN_PROGRESS"}]}]},
                 "tracker":[{"actionId":"%s","title":"Interpreters at the Kisenyi health centre","ownerId":"%s",
                             "ownerName":"Kampala Capital City Authority","status":"IN_PROGRESS","percentComplete":40,
                             "rag":"AMBER","overdue":true}],
                 "openFlags":[{"flagId":"%s","version":1,"forumId":"%s","checkCode":"ACTION_WITHOUT_FUNDING","key":"k",
                               "recordIds":["%s"],"summary":"Action 'Interpreters' has no committed funding.",
                               "status":"OPEN","conditionHolds":true,"createdAt":"2026-03-01T08:00:00Z",
                               "updatedAt":"2026-03-01T08:00:00Z","severity":"HIGH"}],
                 "previousMeeting":{"meetingId":"%s","title":"February coordination meeting","date":"2026-02-10"},
                 "previousDecisions":[%s]}""".formatted(
                MEETING, CITY, NGO, UUID.randomUUID(), ACTION, ACTION, CITY, FLAG, FORUM, ACTION, PREVIOUS, OUTCOME));
    }

    @Test
    void theDecisionsSayWhatCameOfThemAsOfTheDateAskedWithOverdueInWords() throws Exception {
        String page = html(get(DECISIONS).param("asOf", "2026-05-15").with(as(MEMBER)), 200);
        StubServices.Request asked = SERVICES.requests().stream()
                .filter(r -> r.path().equals(DECISIONS))
                .findFirst()
                .orElseThrow();
        assertThat(asked.query()).contains("asOf=2026-05-15");
        assertThat(page)
                .contains("As they stood on", "value=\"2026-05-15\"", "<label for=\"field-asOf\">As of</label>")
                .contains("Interpreting at every health centre by April", "Assigns work", "By vote")
                .contains("Votes: 7 in favour, 1 against, 2 abstaining", "Horizon Relief International")
                .contains("Care without interpreters in Kisenyi", "href=\"/needs/" + NEED + "\"")
                // overdue is written out, with why, not only coloured
                .contains("Some of the work this decision gave is overdue")
                .contains("⚠ Overdue", "the linked action’s progress report is late", "not accepted by its due date")
                .contains("href=\"/actions/" + ACTION + "\"", "Interpreters at the Kisenyi health centre")
                .contains("Progress report late", "One interpreter hired of two", "At risk")
                .contains("href=\"/assignments/" + LATE_ASSIGNMENT + "\"", "No action linked yet")
                .contains("href=\"/forums/" + FORUM + "/meetings\"");
        PageChecks.accessible(page, "en", "ltr");

        String today = html(get(DECISIONS).with(as(MEMBER)), 200);
        assertThat(today).contains("As of today");
    }

    @Test
    void aDateThatIsNoneIsSaidAtItsFieldWithoutAskingTheForumService() throws Exception {
        String page = html(get(DECISIONS).param("asOf", "2026-02-31").with(as(MEMBER)), 200);
        assertThat(page)
                .contains("Enter a date, for example 2026-03-31.", "href=\"#field-asOf\"", "aria-invalid=\"true\"")
                .contains("value=\"2026-02-31\"");
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().equals(DECISIONS));
        SERVICES.answer("GET", DECISIONS, 200, """
                {"items":[],"page":0,"size":20,"totalItems":0,"totalPages":0}""");
        assertThat(html(get(DECISIONS).param("asOf", "2020-01-01").with(as(MEMBER)), 200))
                .contains("id=\"no-decisions\"", "The forum had taken no decisions by this date.");
    }

    @Test
    void thePrintablePackShowsTheAgendaTheTrackerTheOpenFlagsAndEarlierDecisions() throws Exception {
        String page = html(get(PACK).with(as(MEMBER)), 200);
        assertThat(page)
                .contains("<h1 id=\"pack-heading\">Meeting pack: March coordination meeting</h1>")
                .contains("media=\"print\"", "/static/css/print")
                .contains("href=\"" + PACK + ".html\"", "id=\"pack-download\"")
                .contains("City Hall, room 4", "10:00", "Held", "Agreed to meet monthly.")
                .contains("Kampala Capital City Authority", "Present", "Sent apologies")
                .contains("Interpreting in health centres", "Follow-up from February")
                .contains("<th scope=\"col\">Action</th>", "40%", "At risk")
                .contains("Action without funding", "has no committed funding", "High")
                .contains("February coordination meeting", "Interpreting at every health centre by April")
                .contains("the linked action’s progress report is late");
        PageChecks.accessible(page, "en", "ltr");
    }

    @Test
    void thePackFileIsOneAccessibleHtmlFileWithItsStyleInsideSentAsAnAttachment() throws Exception {
        for (String lang : List.of("en", "fr", "es", "ar")) {
            MvcResult result = mvc.perform(
                            get(PACK + ".html").with(as(MEMBER)).cookie(new Cookie(Languages.COOKIE, lang)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                    .andExpect(header().string(
                                    "Content-Disposition",
                                    org.hamcrest.Matchers.containsString("meeting-pack-2026-03-12.html")))
                    .andReturn();
            assertThat(result.getResponse().getContentType()).startsWith("text/html");
            String file = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            PageChecks.accessible(file, lang, "ar".equals(lang) ? "rtl" : "ltr");
            assertThat(file.stripLeading())
                    .startsWith("<!doctype html>")
                    .contains("<meta charset=\"utf-8\">", "<style>", "@media print")
                    // nothing it would fetch: no style sheet, script, image or frame from elsewhere
                    .doesNotContain("<link", "<script", "src=", "url(", "@import", "<form", "<nav")
                    .contains("<th scope=\"col\">", "<th scope=\"row\">")
                    .contains("Interpreters at the Kisenyi health centre", "Horizon Relief International");
            // the file is read away from Arrival: its records are named, not linked
            assertThat(file).doesNotContain("href=\"/");
        }
        String arabic = html(get(PACK + ".html").with(as(MEMBER)).cookie(new Cookie(Languages.COOKIE, "ar")), 200);
        assertThat(arabic).contains("<html lang=\"ar\" dir=\"rtl\">", "ملف الاجتماع", "جدول الأعمال");
    }

    @Test
    void theDecisionsAndThePackReadInEveryLanguage() throws Exception {
        for (String lang : List.of("en", "fr", "es", "ar")) {
            String dir = "ar".equals(lang) ? "rtl" : "ltr";
            PageChecks.accessible(
                    html(
                            get(DECISIONS)
                                    .param("asOf", "2026-05-15")
                                    .with(as(MEMBER))
                                    .cookie(new Cookie(Languages.COOKIE, lang)),
                            200),
                    lang,
                    dir);
            PageChecks.accessible(
                    html(get(PACK).with(as(MEMBER)).cookie(new Cookie(Languages.COOKIE, lang)), 200), lang, dir);
        }
        assertThat(html(
                        get(DECISIONS)
                                .param("asOf", "2026-05-15")
                                .with(as(MEMBER))
                                .cookie(new Cookie(Languages.COOKIE, "fr")),
                        200))
                .contains("Suites données aux décisions de Kampala coordination forum", "En retard");
    }

    @Test
    void aForumTheReaderHasNoSeatInIsNotFound() throws Exception {
        SERVICES.answer("GET", "/forums", 200, "[]");
        html(get(DECISIONS).with(as(MEMBER)), 404);
    }
}
