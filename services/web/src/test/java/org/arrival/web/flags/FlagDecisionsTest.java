package org.arrival.web.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.arrival.web.SignedIn;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Deciding on a flag on its page and the forum's flag worklist, against a stub forum service: the coordinator's form
 * and what it sends (If-Match, reason), the reason required at its field, 412 keeping the reason typed, a member's
 * refused decision said plainly, the decisions' history; the worklist's filters, order and pages.
 */
class FlagDecisionsTest extends WebTest {

    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID CITY = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");
    static final UUID NGO = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID OPEN = UUID.fromString("b3c4e5f6-7081-4b2c-9d3e-4f5061728394");
    static final UUID ACKED = UUID.fromString("c3c4e5f6-7081-4b2c-9d3e-4f5061728394");
    static final UUID ACTION = UUID.fromString("0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final SignedIn CHAIR = SignedIn.as("kcca-coordinator", CITY, "forum-coordinator", "member");
    static final SignedIn NGO_MEMBER = SignedIn.as("irc-member", NGO, "member");
    static final String FLAGS = "/forums/" + FORUM + "/flags";

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    static String flag(UUID id, long version, String check, String status, String created, String severity) {
        return """
                {"flagId":"%s","version":%d,"forumId":"%s","checkCode":"%s","key":"%s","recordIds":["%s"],
                 "summary":"Action 'Evening legal clinic' has no committed funding.","status":"%s",
                 "conditionHolds":true,"createdAt":"%s","updatedAt":"%s","severity":"%s"}""".formatted(id, version, FORUM, check, id, ACTION, status, created, created, severity);
    }

    /** The forum service's answer: one page of flags, of {@code total} in all. */
    static String listing(int page, int size, int total, String... flags) {
        return """
                {"items":[%s],"page":%d,"size":%d,"totalItems":%d,"totalPages":%d}""".formatted(String.join(",", flags), page, size, total, (total + size - 1) / size);
    }

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum","type":"COORDINATION_FORUM","status":"ACTIVE",
                  "area":"Kampala","seat":"CHAIR"}]""".formatted(FORUM));
        SERVICES.answer(
                "GET",
                FLAGS,
                200,
                listing(
                        0,
                        200,
                        2,
                        flag(OPEN, 1, "ACTION_WITHOUT_FUNDING", "OPEN", "2026-10-01T08:00:00Z", "MEDIUM"),
                        flag(ACKED, 2, "ACTION_WITHOUT_FUNDING", "ACKNOWLEDGED", "2026-09-01T08:00:00Z", "HIGH")));
        // a flag's page reads its flag alone
        SERVICES.answer(
                "GET",
                FLAGS + "/" + OPEN,
                200,
                flag(OPEN, 1, "ACTION_WITHOUT_FUNDING", "OPEN", "2026-10-01T08:00:00Z", "MEDIUM"));
        SERVICES.answer(
                "GET",
                FLAGS + "/" + ACKED,
                200,
                flag(ACKED, 2, "ACTION_WITHOUT_FUNDING", "ACKNOWLEDGED", "2026-09-01T08:00:00Z", "HIGH"));
        SERVICES.answer("GET", FLAGS + "/" + OPEN + "/history", 200, "[]");
        SERVICES.answer("GET", FLAGS + "/" + ACKED + "/history", 200, """
                [{"version":2,"from":"OPEN","to":"ACKNOWLEDGED","reason":"Raised at the March meeting",
                  "at":"2026-11-02T09:15:00Z","by":"kcca-coordinator","byOrganisation":"%s"}]""".formatted(CITY));
        SERVICES.answer("GET", "/stakeholders/" + CITY, 200, """
                {"id":"%s","version":1,"name":"Kampala Capital City Authority","type":"LOCAL_AUTHORITY",
                 "status":"ACTIVE"}""".formatted(CITY));
    }

    @Test
    void theChairSeesTheDecisionsTheFlagStillAllowsAndWhoDecidedWhatWhenAndWhy() throws Exception {
        String open = html(get(FLAGS + "/" + OPEN).with(as(CHAIR)), 200);
        assertThat(open)
                .contains("id=\"flag-decide-form\"", "id=\"flag-acknowledge\"", "id=\"flag-resolve\"")
                .contains("id=\"flag-dismiss\"", "name=\"version\" value=\"1\"", "name=\"_csrf\"")
                .contains("<label for=\"field-reason\">Reason</label>");

        String acked = html(get(FLAGS + "/" + ACKED).with(as(CHAIR)), 200);
        assertThat(acked)
                .doesNotContain("id=\"flag-acknowledge\"")
                .contains("id=\"flag-resolve\"", "id=\"flag-dismiss\"", "name=\"version\" value=\"2\"");
        String history = acked.substring(acked.indexOf("id=\"flag-history\""));
        assertThat(history)
                .contains("Raised by the forum’s checks on")
                .contains("<strong>Acknowledged</strong>")
                .contains("by kcca-coordinator (Kampala Capital City Authority)")
                .contains("was Open")
                .contains("<blockquote class=\"reason\">Raised at the March meeting</blockquote>");
    }

    @Test
    void aMemberWhoMayNotDecideSeesNoButtonsAndTheirDecisionIsRefusedPlainly() throws Exception {
        String page = html(get(FLAGS + "/" + OPEN).with(as(NGO_MEMBER)), 200);
        assertThat(page).doesNotContain("flag-decide-form", "id=\"flag-acknowledge\"", "id=\"flag-dismiss\"");
        assertThat(page).contains("id=\"flag-history\"");

        SERVICES.answer("POST", FLAGS + "/" + OPEN + "/acknowledge", 403, """
                {"status":403,"title":"Forbidden","detail":"Only the forum's coordinators may change flags"}""");
        String refused = html(
                post(FLAGS + "/" + OPEN)
                        .with(as(NGO_MEMBER))
                        .with(csrf())
                        .param("decision", "acknowledge")
                        .param("reason", "We looked")
                        .param("version", "1"),
                403);
        assertThat(refused)
                .contains("id=\"flag-refused\"", "You may not decide on this flag")
                .contains("Only the forum’s coordinators (its convenor, chair or secretariat)")
                .doesNotContain("flag-decide-form");
    }

    @Test
    void theChairAcknowledgesWithTheVersionReadAndTheReasonGiven() throws Exception {
        SERVICES.answer(
                "POST",
                FLAGS + "/" + OPEN + "/acknowledge",
                200,
                flag(OPEN, 2, "ACTION_WITHOUT_FUNDING", "ACKNOWLEDGED", "2026-10-01T08:00:00Z", "MEDIUM"));
        mvc.perform(post(FLAGS + "/" + OPEN)
                        .with(as(CHAIR))
                        .with(csrf())
                        .param("decision", "acknowledge")
                        .param("reason", "  On the agenda of the next meeting ")
                        .param("version", "1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(FLAGS + "/" + OPEN));
        StubServices.Request sent = SERVICES.requests().stream()
                .filter(r -> r.method().equals("POST"))
                .findFirst()
                .orElseThrow();
        assertThat(sent.path()).isEqualTo(FLAGS + "/" + OPEN + "/acknowledge");
        assertThat(sent.ifMatch()).isEqualTo("\"1\"");
        assertThat(sent.body()).isEqualTo("{\"reason\":\"On the agenda of the next meeting\"}");
        assertThat(sent.authorization()).isEqualTo(CHAIR.bearer());
    }

    @Test
    void dismissingWithoutAReasonIsRefusedAtTheFieldWithoutAskingTheForumService() throws Exception {
        String page = html(
                post(FLAGS + "/" + OPEN)
                        .with(as(CHAIR))
                        .with(csrf())
                        .param("decision", "dismiss")
                        .param("reason", " ")
                        .param("version", "1"),
                400);
        assertThat(page)
                .contains("id=\"error-summary\"", "<a href=\"#field-reason\">Reason: Give a reason")
                .contains("<div id=\"field-reason-error\">", "aria-invalid=\"true\"");
        assertThat(SERVICES.requests()).noneMatch(r -> r.method().equals("POST"));

        SERVICES.answer("POST", FLAGS + "/" + OPEN + "/resolve", 400, """
                {"status":400,"title":"Bad Request","errors":[{"field":"reason","message":"at most 2000 characters"}]}""");
        String tooLong = html(
                post(FLAGS + "/" + OPEN)
                        .with(as(CHAIR))
                        .with(csrf())
                        .param("decision", "resolve")
                        .param("reason", "x".repeat(30))
                        .param("version", "1"),
                400);
        assertThat(tooLong).contains("at most 2000 characters", ">" + "x".repeat(30) + "</textarea>");
    }

    @Test
    void whenSomeoneElseDecidedMeanwhileTheFormComesBackWithTheReasonTypedAndTheCurrentVersion() throws Exception {
        SERVICES.answer("POST", FLAGS + "/" + OPEN + "/resolve", 412, """
                {"status":412,"title":"Precondition Failed","detail":"The flag changed"}""");
        // the flag as it is now: acknowledged by someone else meanwhile
        SERVICES.answer(
                "GET",
                FLAGS + "/" + OPEN,
                200,
                flag(OPEN, 2, "ACTION_WITHOUT_FUNDING", "ACKNOWLEDGED", "2026-10-01T08:00:00Z", "MEDIUM"));
        String page = html(
                post(FLAGS + "/" + OPEN)
                        .with(as(CHAIR))
                        .with(csrf())
                        .param("decision", "resolve")
                        .param("reason", "Funding committed by the city")
                        .param("version", "1"),
                412);
        assertThat(page)
                .contains("id=\"error-summary\"", ">Funding committed by the city</textarea>")
                .contains("name=\"version\" value=\"2\"")
                .doesNotContain("id=\"flag-acknowledge\"");
    }

    /** The query the worklist sent the forum service for its flags, the last time. */
    private static String askedForFlags() {
        return SERVICES.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().equals(FLAGS))
                .reduce((first, second) -> second)
                .orElseThrow()
                .query();
    }

    @Test
    void theWorklistAsksTheForumServiceForThePageItShowsWithItsFiltersAndOrder() throws Exception {
        SERVICES.answer("GET", "/stakeholders", 200, """
                {"items":[{"id":"%s","version":1,"name":"Kampala Capital City Authority","type":"LOCAL_AUTHORITY",
                  "status":"ACTIVE"}],"page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(CITY));
        // the service orders them: oldest first, the acknowledged flag raised in September before the open one
        SERVICES.answer(
                "GET",
                FLAGS,
                200,
                listing(
                        0,
                        20,
                        2,
                        flag(ACKED, 2, "ACTION_WITHOUT_FUNDING", "ACKNOWLEDGED", "2026-09-01T08:00:00Z", "HIGH"),
                        flag(OPEN, 1, "ACTION_WITHOUT_FUNDING", "OPEN", "2026-10-01T08:00:00Z", "MEDIUM")));
        String page = html(
                get(FLAGS + "?status=ALL&severity=high&check=ACTION_WITHOUT_FUNDING&org=" + CITY + "&sort=oldest")
                        .with(as(CHAIR)),
                200);
        assertThat(askedForFlags())
                .isEqualTo("severity=HIGH&check=ACTION_WITHOUT_FUNDING&organisation=" + CITY
                        + "&sort=oldest&page=0&size=" + WorklistFilter.PAGE_SIZE);
        // the owners of the actions are the forum service's to know now
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().endsWith("/tracker"));
        assertThat(page)
                .contains("<option value=\"ALL\" selected>Any status</option>")
                .contains("<option value=\"oldest\" selected>Oldest first</option>")
                .contains("selected>Kampala Capital City Authority</option>")
                .contains("<p id=\"worklist-count\" role=\"status\">2 flags match.</p>");
        assertThat(page.indexOf("data-flag-id=\"" + ACKED)).isLessThan(page.indexOf("data-flag-id=\"" + OPEN));
        assertThat(page).doesNotContain("class=\"paging\"");

        // by default the open and the acknowledged ones, newest first
        html(get(FLAGS).with(as(CHAIR)), 200);
        assertThat(askedForFlags())
                .isEqualTo("status=OPEN,ACKNOWLEDGED&sort=newest&page=0&size=" + WorklistFilter.PAGE_SIZE);

        SERVICES.answer("GET", FLAGS, 200, listing(0, 20, 0));
        String resolvedOnly = html(get(FLAGS + "?status=RESOLVED").with(as(CHAIR)), 200);
        assertThat(askedForFlags()).startsWith("status=RESOLVED&sort=newest&page=0&");
        assertThat(resolvedOnly).contains("No flag matches.").doesNotContain("data-flag-id=");

        List<String> lastFive = new java.util.ArrayList<>();
        for (int i = 20; i < 25; i++) {
            lastFive.add(flag(
                    new UUID(1, i), 1, "REPORTING_OVERDUE", "OPEN", "2026-10-%02dT08:00:00Z".formatted(i + 1), "LOW"));
        }
        SERVICES.answer("GET", FLAGS, 200, listing(1, 20, 25, lastFive.toArray(String[]::new)));
        String second = html(get(FLAGS + "?sort=oldest&page=1").with(as(CHAIR)), 200);
        assertThat(askedForFlags()).isEqualTo("status=OPEN,ACKNOWLEDGED&sort=oldest&page=1&size=20");
        assertThat(second)
                .contains("25 flags match.")
                .contains("Page 2 of 2", "href=\"" + FLAGS + "?sort=oldest\" id=\"worklist-previous\"")
                .contains("data-flag-id=\"" + new UUID(1, 20) + "\"")
                .doesNotContain("data-flag-id=\"" + new UUID(1, 19) + "\"", "id=\"worklist-next\"");
    }
}
