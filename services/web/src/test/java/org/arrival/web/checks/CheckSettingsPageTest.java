package org.arrival.web.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.arrival.contracts.forum.CoherenceCheckCode;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A forum's coherence checks page against a stub forum service: what every member reads, in English and Arabic; the
 * coordinator's form and the JSON it sends with If-Match; the service's refusals (400 at the fields, 412 beside what
 * was typed, 403 in plain words).
 */
class CheckSettingsPageTest extends WebTest {

    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID CITY = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");
    static final UUID NGO = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final SignedIn COORDINATOR =
            SignedIn.as("kcca-coordinator", CITY, "org-admin", "forum-coordinator", "org-editor");
    static final SignedIn NGO_EDITOR = SignedIn.as("ngo-editor", NGO, "org-editor");
    static final String PATH = "/forums/" + FORUM + "/coherence-settings";
    static final Instant RAN = Instant.parse("2026-12-01T09:30:00Z");
    static final Instant CHANGED = Instant.parse("2026-11-20T10:00:00Z");

    /** Settings at a version, with the stale evidence interval given (the rest as the demo has them). */
    static final String SETTINGS = """
            {"version":%d,
             "settings":{"disabledChecks":["MILESTONE_LATE"],"severities":{"STALE_EVIDENCE":"HIGH"},
               "staleAfterDays":%d,"transitionNoticeDays":90,"undercountRatio":2.0,"smallCityMinimum":1000,
               "requiredBreakdown":["SEX","AGE_BAND"],"priorityFrameworkItems":["GCM-15","GCM-16","SDG-11.1"],
               "regressionPercent":5,"needReviewDays":365},
             "defaults":{"disabledChecks":[],"severities":{"STALE_EVIDENCE":"LOW","UNDERCOUNT":"HIGH","NEED_WITHOUT_ACTION":"HIGH"},
               "staleAfterDays":730,"transitionNoticeDays":90,
               "undercountRatio":2.0,"smallCityMinimum":1000,"requiredBreakdown":["SEX","AGE_BAND"],
               "priorityFrameworkItems":[],"regressionPercent":5,"needReviewDays":365},
             "updatedAt":"2026-11-20T10:00:00Z","updatedBy":"a-user",
             "lastRun":{"at":"%s","tookMicros":12345,"actions":14,"findings":%d}}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum","type":"COORDINATION_FORUM","status":"ACTIVE",
                  "area":"Kampala","seat":"MEMBER"}]""".formatted(FORUM));
        SERVICES.answer("GET", PATH, 200, SETTINGS.formatted(3, 1095, RAN, 9));
    }

    /** The form as the coordinator sends it: every check runs but MILESTONE_LATE, their own thresholds. */
    private static MockHttpServletRequestBuilder submitted(String staleAfterDays, String undercountRatio) {
        MockHttpServletRequestBuilder post = post("/forums/" + FORUM + "/checks")
                .with(csrf())
                .param("version", "3")
                .param("severities.STALE_EVIDENCE", "HIGH")
                .param("severities.UNDERCOUNT", "")
                .param("staleAfterDays", staleAfterDays)
                .param("transitionNoticeDays", "")
                .param("undercountRatio", undercountRatio)
                .param("smallCityMinimum", "1000")
                .param("requiredBreakdown", "SEX, age_band")
                .param("priorityFrameworkItems", "GCM-15, GCM-16 SDG-11.1")
                .param("regressionPercent", "5");
        for (CoherenceCheckCode check : CoherenceCheckCode.values()) {
            if (check != CoherenceCheckCode.MILESTONE_LATE) {
                post.param("runs." + check.name(), "true");
            }
        }
        return post;
    }

    private static String row(String html, String marker) {
        int from = html.indexOf(marker);
        assertThat(from).as(marker).isNotNegative();
        return html.substring(from, html.indexOf("</tr>", from));
    }

    @Test
    void everyMemberReadsEachCheckItsThresholdsAndTheLastRunButNoForm() throws Exception {
        String page = html(get("/forums/" + FORUM + "/checks").with(as(NGO_EDITOR)), 200);
        Formats english = new Formats(Locale.ENGLISH, ZoneOffset.UTC);
        assertThat(page)
                .contains("<html lang=\"en\" dir=\"ltr\">", "<h1 id=\"checks-title\">Coherence checks</h1>")
                .contains("href=\"/forums/" + FORUM + "#flags\"", "Back to Kampala coordination forum")
                .contains("Only the forum’s coordinators may change these settings.")
                .doesNotContain("id=\"checks-form\"", "name=\"staleAfterDays\"", "type=\"checkbox\"");
        assertThat(page.split("<tr data-check=\"", -1)).hasSize(CoherenceCheckCode.values().length + 1);
        assertThat(row(page, "<tr data-check=\"STALE_EVIDENCE\""))
                .contains(
                        "<th scope=\"row\">Outdated evidence</th>",
                        "is flagged when it is older than the forum’s refresh interval",
                        "Yes",
                        "<span class=\"badge sev-HIGH\">High</span>",
                        "(the forum’s choice; default Low)");
        assertThat(row(page, "<tr data-check=\"MILESTONE_LATE\"")).contains("No, turned off", "(default)");
        assertThat(row(page, "<tr data-check=\"NEED_WITHOUT_ACTION\""))
                .contains("<span class=\"badge sev-HIGH\">High</span>", "(default)");
        assertThat(row(page, "<tr data-field=\"staleAfterDays\""))
                .contains(
                        "Evidence is outdated after this many days",
                        "<td data-label=\"Check\">Outdated evidence</td>",
                        "<bdi>1,095 days</bdi>",
                        "<bdi>730 days</bdi>");
        assertThat(row(page, "<tr data-field=\"priorityFrameworkItems\""))
                .contains("<bdi>GCM-15, GCM-16, SDG-11.1</bdi>", "<bdi>None</bdi>");
        assertThat(row(page, "<tr data-field=\"undercountRatio\"")).contains("2 times the registered figure");
        assertThat(page)
                .contains("<dd id=\"last-run-at\">" + english.dateTime(RAN) + "</dd>")
                .contains("<dd id=\"last-run-actions\">14</dd>", "<dd id=\"last-run-findings\">9</dd>", "12.3 ms")
                .contains("The settings were last changed on " + english.dateTime(CHANGED) + ".");
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().equals(PATH))
                .singleElement()
                .extracting(StubServices.Request::authorization)
                .isEqualTo(NGO_EDITOR.bearer());
    }

    @Test
    void theSettingsReadInArabicRightToLeft() throws Exception {
        String page = html(
                get("/forums/" + FORUM + "/checks")
                        .cookie(new Cookie(Languages.COOKIE, "ar"))
                        .with(as(NGO_EDITOR)),
                200);
        assertThat(page)
                .contains("<html lang=\"ar\" dir=\"rtl\">", "<h1 id=\"checks-title\">فحوص الاتساق</h1>")
                .contains("لا يغيّر هذه الإعدادات إلا منسّقو المنتدى.")
                .contains("<th scope=\"row\">بيانات قديمة</th>", "لا، موقوف", "مرتفعة")
                .contains("<bdi>1,095 يومًا</bdi>", "<bdi>730 يومًا</bdi>")
                .contains("آخر تشغيل للفحوص")
                .contains(new Formats(Locale.forLanguageTag("ar"), ZoneOffset.UTC).dateTime(RAN));
    }

    @Test
    void aCoordinatorsFormSendsTheSettingsAsJsonWithTheVersionReadAndSaysTheChecksRanAgain() throws Exception {
        String form = html(get("/forums/" + FORUM + "/checks").with(as(COORDINATOR)), 200);
        assertThat(form)
                .contains("<form method=\"post\" action=\"/forums/" + FORUM + "/checks\" id=\"checks-form\"")
                .contains("name=\"version\" value=\"3\"")
                .doesNotContain("id=\"coordinators-only\"");
        // every input has its label; the check's name is part of it for a screen reader
        assertThat(row(form, "<tr data-check=\"STALE_EVIDENCE\""))
                .contains(
                        "<input id=\"field-runs-STALE_EVIDENCE\" name=\"runs.STALE_EVIDENCE\" type=\"checkbox\""
                                + " value=\"true\"",
                        "<label for=\"field-runs-STALE_EVIDENCE\">Runs<span class=\"sr-only\">: Outdated"
                                + " evidence</span></label>",
                        "<label for=\"field-severities-STALE_EVIDENCE\">Severity",
                        "<option value=\"\">Default (Low)</option>",
                        "<option value=\"HIGH\" selected>High</option>");
        assertThat(row(form, "<tr data-check=\"MILESTONE_LATE\"")).doesNotContain("checked");
        assertThat(form)
                .contains("<label for=\"field-staleAfterDays\">Evidence is outdated after this many days</label>")
                .contains("For “Outdated evidence”: from 30 to 3,650; default 730 days.")
                .contains("name=\"staleAfterDays\" type=\"number\" value=\"1095\" min=\"30\" max=\"3650\"")
                .contains("name=\"undercountRatio\" type=\"number\" value=\"2\"")
                .contains(
                        "name=\"priorityFrameworkItems\" type=\"text\" value=\"GCM-15, GCM-16, SDG-11.1\" dir=\"ltr\"");

        SERVICES.answer("PUT", PATH, 200, SETTINGS.formatted(4, 3650, "2026-12-06T12:00:00Z", 8));
        String session = mvc.perform(submitted("3650", "2.5").with(as(COORDINATOR)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/forums/" + FORUM + "/checks"))
                .andExpect(flash().attribute(
                                "notice",
                                containsString("The settings are saved. The checks ran again on "
                                        + new Formats(Locale.ENGLISH, ZoneOffset.UTC)
                                                .dateTime(Instant.parse("2026-12-06T12:00:00Z"))
                                        + ": 14 actions checked, 8 findings.")))
                .andReturn()
                .getResponse()
                .getCookie(SignInConfiguration.SESSION_COOKIE)
                .getValue();
        StubServices.Request put = SERVICES.requests().stream()
                .filter(r -> r.method().equals("PUT"))
                .findFirst()
                .orElseThrow();
        assertThat(put.ifMatch()).isEqualTo("\"3\"");
        assertThat(put.authorization()).isEqualTo(COORDINATOR.bearer());
        assertThat(put.body())
                .contains(
                        "\"disabledChecks\":[\"MILESTONE_LATE\"]",
                        "\"severities\":{\"STALE_EVIDENCE\":\"HIGH\"}",
                        "\"staleAfterDays\":3650",
                        "\"undercountRatio\":2.5",
                        "\"smallCityMinimum\":1000",
                        "\"requiredBreakdown\":[\"SEX\",\"AGE_BAND\"]",
                        "\"priorityFrameworkItems\":[\"GCM-15\",\"GCM-16\",\"SDG-11.1\"]",
                        "\"regressionPercent\":5")
                // a number left empty takes its default: it is not sent
                .doesNotContain("transitionNoticeDays", "UNDERCOUNT");

        // the page the redirect leads to, in the same session: the confirmation and the new last run
        SERVICES.answer("GET", PATH, 200, SETTINGS.formatted(4, 3650, "2026-12-06T12:00:00Z", 8));
        assertThat(html(
                        get("/forums/" + FORUM + "/checks")
                                .cookie(new Cookie(SignInConfiguration.SESSION_COOKIE, session))
                                .with(as(COORDINATOR)),
                        200))
                .contains("<p class=\"notice done\" role=\"status\" id=\"checks-saved\">The settings are saved.")
                .contains("<dd id=\"last-run-findings\">8</dd>", "name=\"version\" value=\"4\"");
    }

    @Test
    void theServicesFieldErrorsAreShownAtTheirFieldsInTheReadersWordsWithWhatWasTyped() throws Exception {
        SERVICES.answer("PUT", PATH, 400, """
                {"status":400,"title":"Bad Request","detail":"staleAfterDays: must be between 30 and 3650",
                 "errors":[{"field":"staleAfterDays","message":"must be between 30 and 3650"},
                           {"field":"priorityFrameworkItems","message":"a code is named twice"}]}""");
        String refused = html(submitted("5", "2.5").with(as(COORDINATOR)), 200);
        assertThat(refused)
                .contains("There is a problem", "id=\"error-summary\"")
                .contains("<a href=\"#field-staleAfterDays\">Evidence is outdated after this many days: Enter a"
                        + " value from 30 to 3,650.</a>")
                .contains(
                        "<div id=\"field-staleAfterDays-error\">",
                        "<p class=\"field-error\">Enter a value from 30 to 3,650.</p>",
                        "<div id=\"field-priorityFrameworkItems-error\">",
                        "A code is named twice.")
                .contains(
                        "name=\"staleAfterDays\" type=\"number\" value=\"5\"",
                        "aria-invalid=\"true\" aria-describedby=\"field-staleAfterDays-hint"
                                + " field-staleAfterDays-error\"")
                // what was typed is kept, the boxes as they were ticked
                .contains("value=\"GCM-15, GCM-16 SDG-11.1\"", "name=\"version\" value=\"3\"");
        assertThat(row(refused, "<tr data-check=\"MILESTONE_LATE\"")).doesNotContain("checked");
        assertThat(row(refused, "<tr data-check=\"UNDERCOUNT\"")).contains("checked");

        // a number that is none is refused here, in the reader's language, and not sent
        SERVICES.requests().clear();
        String notANumber = html(
                submitted("730", "two")
                        .cookie(new Cookie(Languages.COOKIE, "fr"))
                        .with(as(COORDINATOR)),
                200);
        assertThat(notANumber)
                .contains("<div id=\"field-undercountRatio-error\">", "Saisissez un nombre, par ex. 2,5.")
                .contains("name=\"undercountRatio\" type=\"number\" value=\"two\"");
        assertThat(SERVICES.requests()).noneMatch(r -> r.method().equals("PUT"));
    }

    @Test
    void aConflictShowsTheSettingsAsTheyAreNowBesideWhatWasTypedWithTheNewVersion() throws Exception {
        SERVICES.answer("PUT", PATH, 412, """
                {"status":412,"title":"Precondition Failed","detail":"the settings changed: version 4 is current"}""");
        SERVICES.answer("GET", PATH, 200, SETTINGS.formatted(4, 1825, RAN, 9));
        String conflict = html(submitted("3650", "2").with(as(COORDINATOR)), 200);
        assertThat(conflict)
                .contains("Someone else changed this record")
                .contains("<h2 id=\"current-heading\">The settings as they are now</h2>")
                // the person's own values stay in the form, which now names the version they have seen
                .contains("name=\"staleAfterDays\" type=\"number\" value=\"3650\"", "name=\"version\" value=\"4\"");
        String current = conflict.substring(conflict.indexOf("id=\"current\""), conflict.indexOf("id=\"last-run\""));
        assertThat(current)
                .contains(
                        "<dt>Evidence is outdated after this many days</dt>",
                        "<dd data-field=\"staleAfterDays\"><bdi>1,825 days</bdi></dd>")
                // nothing else differs from what was typed
                .doesNotContain("undercountRatio", "priorityFrameworkItems", "runs.");
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.method().equals("PUT"))
                .singleElement()
                .extracting(StubServices.Request::ifMatch)
                .isEqualTo("\"3\"");
    }

    @Test
    void aCoordinatorTheForumServiceRefusesIsToldWhyAndSeesNoForm() throws Exception {
        SERVICES.answer("PUT", PATH, 403, """
                {"status":403,"title":"Forbidden","detail":"Only the forum's coordinators may change its checks"}""");
        String refused = html(submitted("3650", "2").with(as(COORDINATOR)), 403);
        assertThat(refused)
                .contains("<h2 id=\"checks-refused-title\">You may not change these settings</h2>")
                .contains("acting for the organisation that convenes or chairs the forum or runs its secretariat")
                .contains("<bdi>1,095 days</bdi>")
                .doesNotContain("id=\"checks-form\"");
    }

    @Test
    void aForumThePersonDoesNotSitInIsNotFound() throws Exception {
        html(get("/forums/" + UUID.randomUUID() + "/checks").with(as(NGO_EDITOR)), 404);
    }
}
