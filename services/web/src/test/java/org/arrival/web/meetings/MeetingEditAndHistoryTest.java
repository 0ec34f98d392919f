package org.arrival.web.meetings;

import static org.arrival.web.meetings.MeetingPagesTest.ACTION;
import static org.arrival.web.meetings.MeetingPagesTest.CHAIR;
import static org.arrival.web.meetings.MeetingPagesTest.CITY;
import static org.arrival.web.meetings.MeetingPagesTest.FORUM;
import static org.arrival.web.meetings.MeetingPagesTest.MEETING;
import static org.arrival.web.meetings.MeetingPagesTest.NGO;
import static org.arrival.web.meetings.MeetingPagesTest.NGO_COORDINATOR;
import static org.arrival.web.meetings.MeetingPagesTest.ONE;
import static org.arrival.web.meetings.MeetingPagesTest.assertAccessible;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.arrival.web.decisions.PageChecks;
import org.arrival.web.layout.Languages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Editing a meeting against stub services (the form prefilled from the meeting, the registry's MeetingInput sent at
 * the version read, a refusal at its agenda row and a stale version with what was typed kept, no form for a member
 * or for a meeting past editing) and its history, newest first with who made each change, in the four languages.
 */
class MeetingEditAndHistoryTest extends WebTest {

    static final String EDIT = ONE + "/edit";
    static final String HISTORY = ONE + "/history";
    static final UUID SHELTER_ITEM = UUID.fromString("e11c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID PROPOSAL = UUID.fromString("f11c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID NEED = UUID.fromString("d11c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");

    @Autowired
    MockMvc mvc;

    /** A meeting whose second agenda item names two records and took up a nested forum's proposal. */
    static String meeting(long version, String status, String title) {
        return """
                {"meetingId":"%s","version":%d,"forumId":"%s","title":"%s",
                 "date":"2026-03-14","startTime":"09:30","place":"City hall, room 4","onlineLink":null,
                 "agenda":[{"itemId":"%s","title":"Winter shelter","note":"Beds short",
                   "records":[{"kind":"ACTION","recordId":"%s"}],"proposalId":null},
                  {"itemId":"%s","title":"Water points","note":null,
                   "records":[{"kind":"NEED","recordId":"%s"},{"kind":"ACTION","recordId":"%s"}],
                   "proposalId":"%s"}],
                 "attendance":[],"minutes":null,"status":"%s","cancellationReason":null,"decisions":[]}""".formatted(
                        MEETING,
                        version,
                        FORUM,
                        title,
                        SHELTER_ITEM,
                        ACTION,
                        UUID.randomUUID(),
                        NEED,
                        ACTION,
                        PROPOSAL,
                        status);
    }

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer("GET", "/forums/" + FORUM, 200, """
                {"id":"%s","version":3,"name":"Kampala coordination forum","type":"COORDINATION_FORUM",
                 "convenorId":"%s","chairId":"%s","secretariatId":null,"parentForumId":null,"status":"ACTIVE"}""".formatted(FORUM, CITY, CITY));
        SERVICES.answer("GET", ONE, 200, meeting(4, "SCHEDULED", "March coordination meeting"));
        SERVICES.answer(
                "GET", ONE + "/pack", 200, """
                {"meeting":{"meetingId":"%s","agenda":[{"itemId":"%s","title":"Winter shelter","note":"Beds short",
                  "records":[{"kind":"ACTION","recordId":"%s","title":"Emergency shelter in Kawempe",
                    "status":"IN_PROGRESS"}]},
                  {"itemId":"%s","title":"Water points","note":null,
                  "records":[{"kind":"NEED","recordId":"%s","title":"Safe water in Nakivale","status":"OPEN"}]}]}}""".formatted(MEETING, SHELTER_ITEM, ACTION, UUID.randomUUID(), NEED));
        SERVICES.answer("GET", "/forums/" + FORUM + "/memberships", 200, "[]");
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
        SERVICES.answer("GET", "/forums/" + FORUM + "/decisions", 200, """
                {"items":[],"page":0,"size":50,"totalItems":0,"totalPages":0}""");
        SERVICES.answer("GET", "/forums/" + FORUM + "/agenda-proposals", 200, "[]");
        SERVICES.answer("GET", HISTORY, 200, """
                [{"version":1,"change":"MeetingScheduled","at":"2026-03-01T08:00:00Z","userId":"u1",
                  "organisationId":"%s","changedFields":[],"reason":null},
                 {"version":1,"change":"AssignmentDeclined","at":"2026-03-20T10:15:00Z","userId":"u2",
                  "organisationId":"%s","changedFields":[],"reason":"No staff in April"},
                 {"version":2,"change":"MeetingUpdated","at":"2026-03-05T12:30:00Z","userId":"u1",
                  "organisationId":"%s","changedFields":[],"reason":null}]""".formatted(CITY, NGO, CITY));
    }

    private static StubServices.Request sent(String method, String path) {
        return SERVICES.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    @Test
    void theChairFindsTheFormPrefilledFromTheMeeting() throws Exception {
        assertThat(html(get(ONE).with(as(CHAIR)), 200))
                .contains("href=\"" + EDIT + "\" class=\"button secondary\" id=\"edit-link\"")
                .contains("href=\"" + HISTORY + "\" id=\"history-link\"");
        SERVICES.answer("GET", "/forums/" + FORUM + "/agenda-proposals", 200, """
                [{"proposalId":"%s","fromForumId":"%s","fromForumName":"Nakivale settlement forum",
                  "title":"Latrines in zone B","records":[],"proposedOn":"2026-03-02","takenUpByMeetingId":null}]""".formatted(
                        UUID.randomUUID(), UUID.randomUUID()));
        String form = html(get(EDIT).with(as(CHAIR)), 200);
        assertThat(form)
                .contains("id=\"edit-form\"", "name=\"version\" value=\"4\"", "name=\"rows\" value=\"3\"")
                .contains("value=\"March coordination meeting\"", "value=\"2026-03-14\"", "value=\"09:30\"")
                .contains("value=\"City hall, room 4\"", "value=\"Winter shelter\"", "value=\"Beds short\"")
                .contains("<option value=\"ACTION:" + ACTION + "\" selected>Emergency shelter in Kawempe</option>")
                // a need is not among the schedule form's choices: the one the agenda names is offered by its title
                .contains("<option value=\"NEED:" + NEED + "\" selected>Safe water in Nakivale</option>")
                .contains("name=\"agenda[1].more\" value=\"ACTION:" + ACTION + "\"")
                .contains("name=\"agenda[1].proposalId\" value=\"" + PROPOSAL + "\"");
        assertThat(form).contains("Latrines in zone B", "from Nakivale settlement forum");
        assertAccessible("edit form", form);
        PageChecks.accessible(form, "en", "ltr");
    }

    private static MockHttpServletRequestBuilder edit(String title) {
        return edit(title, "2026-03-21");
    }

    private static MockHttpServletRequestBuilder edit(String title, String date) {
        return post(EDIT)
                .with(csrf())
                .param("version", "4")
                .param("rows", "3")
                .param("title", title)
                .param("date", date)
                .param("startTime", "10:00")
                .param("place", "")
                .param("onlineLink", "https://meet.example.org/forum")
                .param("agenda[0].title", "Winter shelter")
                .param("agenda[0].note", "")
                .param("agenda[0].record", "ACTION:" + ACTION)
                .param("agenda[1].title", "")
                .param("agenda[1].note", "")
                .param("agenda[1].record", "")
                .param("agenda[2].title", "Water points")
                .param("agenda[2].record", "NEED:" + NEED)
                .param("agenda[2].more", "ACTION:" + ACTION)
                .param("agenda[2].proposalId", PROPOSAL.toString());
    }

    @Test
    void savingSendsTheMeetingInputAtTheVersionRead() throws Exception {
        SERVICES.answer("PUT", ONE, 200, meeting(5, "SCHEDULED", "March meeting, moved"));
        mvc.perform(edit("March meeting, moved").with(as(CHAIR))).andExpect(redirectedUrl(ONE));
        StubServices.Request put = sent("PUT", ONE);
        assertThat(put.ifMatch()).isEqualTo("\"4\"");
        assertThat(put.body())
                .isEqualTo("{\"title\":\"March meeting, moved\",\"date\":\"2026-03-21\",\"startTime\":\"10:00\","
                        + "\"place\":null,\"onlineLink\":\"https://meet.example.org/forum\",\"agenda\":["
                        + "{\"title\":\"Winter shelter\",\"note\":null,\"records\":[{\"kind\":\"ACTION\",\"recordId\":\""
                        + ACTION + "\"}],\"proposalId\":null},"
                        + "{\"title\":\"Water points\",\"note\":null,\"records\":[{\"kind\":\"NEED\",\"recordId\":\""
                        + NEED + "\"},{\"kind\":\"ACTION\",\"recordId\":\"" + ACTION + "\"}],\"proposalId\":\""
                        + PROPOSAL + "\"}]}");
    }

    @Test
    void theRegistrysRefusalIsShownAtItsRowWithWhatWasTypedKept() throws Exception {
        SERVICES.answer("PUT", ONE, 400, """
                {"status":400,"title":"Bad Request","errors":[
                  {"field":"agenda[1].title","message":"must not be blank"},
                  {"field":"onlineLink","message":"must be an https link"}]}""");
        String refused = html(edit("March meeting, moved").with(as(CHAIR)), 400);
        assertThat(refused)
                // the second item sent came from the third row
                .contains("<div id=\"field-agenda-2--title-error\">", "must not be blank")
                .contains("<div id=\"field-onlineLink-error\">", "must be an https link")
                .contains("value=\"March meeting, moved\"", "value=\"2026-03-21\"", "value=\"Water points\"")
                .contains("name=\"version\" value=\"4\"");
        assertAccessible("refused edit form", refused);

        int calls = SERVICES.requests().size();
        String noDate = html(edit("March", "21 March").with(as(CHAIR)), 400);
        assertThat(noDate).contains("<div id=\"field-date-error\">", "value=\"21 March\"");
        assertThat(SERVICES.requests().subList(calls, SERVICES.requests().size()))
                .noneMatch(r -> r.method().equals("PUT"));
    }

    @Test
    void aStaleVersionKeepsWhatWasTypedAndSaysSomeoneElseChangedIt() throws Exception {
        SERVICES.answer("PUT", ONE, 412, """
                {"status":412,"title":"Precondition Failed","detail":"The meeting changed"}""");
        SERVICES.answer("GET", ONE, 200, meeting(7, "SCHEDULED", "Someone else's title"));
        String stale = html(edit("My new title").with(as(CHAIR)), 412);
        assertThat(sent("PUT", ONE).ifMatch()).isEqualTo("\"4\"");
        assertThat(stale)
                .contains("id=\"error-summary\"", "Someone else changed")
                .contains("value=\"My new title\"", "value=\"https://meet.example.org/forum\"")
                .contains("name=\"version\" value=\"7\"")
                .doesNotContain("value=\"Someone else's title\"");
    }

    @Test
    void noEditLinkOrFormForAMemberOrForAMeetingPastEditing() throws Exception {
        assertThat(html(get(ONE).with(as(NGO_COORDINATOR)), 200))
                .doesNotContain("id=\"edit-link\"", "id=\"history-link\"", "/edit\"");
        assertThat(html(get(EDIT).with(as(NGO_COORDINATOR)), 403))
                .contains("id=\"edit-refused\"")
                .doesNotContain("id=\"edit-form\"");

        for (String status : List.of("MINUTES_APPROVED", "CANCELLED")) {
            SERVICES.answer("GET", ONE, 200, meeting(9, status, "March coordination meeting"));
            assertThat(html(get(ONE).with(as(CHAIR)), 200))
                    .as(status)
                    .doesNotContain("id=\"edit-link\"")
                    .contains("id=\"history-link\"");
            assertThat(html(get(EDIT).with(as(CHAIR)), 409))
                    .as(status)
                    .contains("id=\"edit-refused\"", "can no longer be edited")
                    .doesNotContain("id=\"edit-form\"");
        }
        assertThat(SERVICES.requests()).noneMatch(r -> r.method().equals("PUT"));
    }

    @Test
    void theHistoryIsNewestFirstAndNamesWhoMadeEachChange() throws Exception {
        String page = html(get(HISTORY).with(as(CHAIR)), 200);
        int declined = page.indexOf("data-change=\"AssignmentDeclined\"");
        int updated = page.indexOf("data-change=\"MeetingUpdated\"");
        int scheduled = page.indexOf("data-change=\"MeetingScheduled\"");
        assertThat(declined).isPositive().isLessThan(updated);
        assertThat(updated).isLessThan(scheduled);
        assertThat(page)
                .contains("Assignment declined", "by Refugee legal aid", "No staff in April")
                .contains("Details or agenda changed", "Meeting scheduled", "by Kampala Capital City Authority");

        SERVICES.answer("GET", HISTORY, 403, """
                {"status":403,"title":"Forbidden"}""");
        assertThat(html(get(HISTORY).with(as(NGO_COORDINATOR)), 403))
                .contains("id=\"history-refused\"")
                .doesNotContain("id=\"meeting-history\"");
    }

    @Test
    void theHistoryRendersInEveryLanguage() throws Exception {
        for (String lang : List.of("en", "fr", "es", "ar")) {
            for (String path : List.of(HISTORY, EDIT)) {
                String page = html(
                        get(path).cookie(new Cookie(Languages.COOKIE, lang)).with(as(CHAIR)), 200);
                PageChecks.accessible(page, lang, "ar".equals(lang) ? "rtl" : "ltr");
                assertAccessible(path + " in " + lang, page);
            }
        }
        assertThat(html(get(HISTORY).cookie(new Cookie(Languages.COOKIE, "fr")).with(as(CHAIR)), 200))
                .contains("Mission refusée", "par Refugee legal aid");
        assertThat(html(get(HISTORY).cookie(new Cookie(Languages.COOKIE, "es")).with(as(CHAIR)), 200))
                .contains("Reunión programada");
        assertThat(html(get(HISTORY).cookie(new Cookie(Languages.COOKIE, "ar")).with(as(CHAIR)), 200))
                .contains("رفض التكليف");
    }
}
