package org.arrival.forum.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;

import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.forum.ForumServerTest;
import org.arrival.forum.coherence.CoherenceChecker;
import org.arrival.forum.live.LiveStreams;
import org.arrival.forum.projection.Generations;
import org.arrival.platform.testing.TestOpenIdProvider;
import org.arrival.platform.testing.TestTokenIssuer;
import org.arrival.platform.testing.SystemChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard in a real headless Chromium against the running service: signing in with the authorization code flow
 * and PKCE at the test OpenID provider, a member's forum with its tracker, charts and flags, a change arriving live,
 * keyboard use, labels and contrast, a phone-sized screen and a second language.
 */
class DashboardBrowserTest extends ForumServerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static WebDriver browser;
    private static SystemChromium chromium;

    @Autowired
    Generations generations;
    @Autowired
    CoherenceChecker checker;
    @Autowired
    LiveStreams streams;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = SystemChromium.start("The dashboard's browser test", true);
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    record Seeded(UUID forum, String forumName, UUID city, UUID ngo, UUID shelter, UUID clinic) {
    }

    /** A forum of a city and an NGO: two actions, two needs (one uncovered, so flagged), two readiness rounds. */
    private Seeded seed() {
        UUID city = registered("City of Kampala", false, false);
        UUID ngo = registered("Refugee Health NGO", false, false);
        UUID forum = forum(city);
        member(forum, city);
        member(forum, ngo);
        UUID housing = need(city, Sector.HOUSING, PopulationGroup.REFUGEES);
        UUID education = need(ngo, Sector.EDUCATION, PopulationGroup.REFUGEES);
        UUID shelter = UUID.randomUUID();
        proposed(action(shelter, 1, city, forum, "Shelter", Sector.HOUSING, PopulationGroup.REFUGEES,
                List.of("SDG-11.1"), List.of(housing), ActionStatus.IN_PROGRESS), DataClassification.FORUM);
        milestone(shelter, city, "Site chosen", LocalDate.of(2026, 3, 1));
        funding(shelter, city, "1000", "400");
        overdue(shelter, city, LocalDate.of(2025, 3, 31));
        UUID clinic = UUID.randomUUID();
        proposed(action(clinic, 1, ngo, forum, "Clinic", Sector.HEALTH, PopulationGroup.REFUGEES, List.of(),
                List.of(), ActionStatus.IN_PROGRESS), DataClassification.FORUM);
        progress(clinic, ngo, LocalDate.of(2025, 3, 31), 30, Rag.AMBER);
        scores(city, forum, 40, List.of());
        scores(city, forum, 55, List.of("1.2.a"));
        await().atMost(WAIT).until(() -> count("fv_round_score", "data->>'overallPoints' = '55.0'") >= 1
                && count("fv_need", "id = '" + education + "'") == 1
                && count("fv_action", "id = '" + clinic + "' AND data->'latestReport' IS NOT NULL") == 1
                && count("fv_action", "id = '" + shelter + "' AND data->'overdue' IS NOT NULL "
                        + "AND jsonb_array_length(data->'funding') = 1 AND data->'milestones' <> '{}'") == 1
                && seated(forum, city) && seated(forum, ngo));
        checker.check(forum);
        return new Seeded(forum, "Kampala urban refugee forum " + forum, city, ngo, shelter, clinic);
    }

    private long count(String table, String where) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE generation = ? AND " + where, Long.class,
                generations.active());
    }

    private boolean seated(UUID forum, UUID org) {
        return jdbc.queryForObject("SELECT count(*) FROM forum_membership WHERE forum_id = ? AND stakeholder_id = ?",
                Long.class, forum, org) > 0;
    }

    private TestOpenIdProvider provider() {
        return TestTokenIssuer.instance().openIdProvider().client("arrival-web", base() + "/*");
    }

    private <T> T waitFor(Function<WebDriver, T> condition) {
        // a live update redraws what it changed, so an element found a moment ago may be gone: look again
        return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getDomProperty("textContent");
    }

    /** The text of an action's tracker row, read in one step (a live update may redraw the row at any time). */
    private String row(UUID action) {
        Object text = script("const r = document.querySelector(`tr[data-action-id='${arguments[0]}']`);"
                + " return r ? r.innerText : null;", action.toString());
        // Intl puts no-break spaces in money and percentages; read them as spaces, as WebElement.getText() does
        return text == null ? "" : ((String) text).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** Opens the dashboard in a fresh tab state and signs in on the provider's login form. */
    private void signIn(String username, String password) {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        // storage is cleared on a page of the same origin that runs no script of the dashboard
        browser.get(base() + "/dashboard/config.json");
        script("sessionStorage.clear(); localStorage.clear();");
        browser.get(base() + "/dashboard/");
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        WebElement signIn = byId("sign-in");
        assertThat(signIn.isDisplayed()).isTrue();
        signIn.click();
        waitFor(d -> !d.findElements(By.id("kc-login")).isEmpty());
        assertThat(browser.getCurrentUrl()).startsWith(TestTokenIssuer.instance().issuer())
                .contains("code_challenge_method=S256").contains("client_id=arrival-web");
        byId("username").sendKeys(username);
        byId("password").sendKeys(password);
        byId("kc-login").click();
        waitFor(d -> d.getCurrentUrl().startsWith(base() + "/dashboard/")
                && "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    /** Runs the steps; shows the page when one fails, and fails on any error the page's scripts logged. */
    private void diagnose(Runnable steps) {
        browser.manage().logs().get(LogType.BROWSER); // start from an empty console
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            System.err.println("dashboard at " + browser.getCurrentUrl() + ":\n" + browser.getPageSource());
            throw e;
        }
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                // the test clears storage on the settings document, for which the browser asks the site's icon
                .filter(entry -> !entry.getMessage().contains("/favicon.ico"))
                .map(LogEntry::getMessage).toList();
        assertThat(errors).as("errors and warnings in the browser console").isEmpty();
    }

    @Test
    void aMemberSignsInSeesTheirForumAndWatchesAChangeArriveLive() {
        Seeded s = seed();
        TestOpenIdProvider provider = provider().user("ana", "ana-password", s.city(), "member");
        int exchanged = provider.codesExchanged();
        diagnose(() -> {
            signIn("ana", "ana-password");
            // the code was exchanged once, with the verifier; nothing of the sign-in stays in the address or storage
            assertThat(provider.codesExchanged()).isEqualTo(exchanged + 1);
            assertThat(browser.getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
            assertThat(script("return sessionStorage.getItem('arrival.dashboard.sign-in')")).isNull();
            assertThat(byId("who").getText()).isEqualTo("Signed in as ana");

            WebElement link = waitFor(d -> d.findElement(By.cssSelector("a[data-forum-id='" + s.forum() + "']")));
            assertThat(link.getText()).contains(s.forumName()).contains("Kampala").contains("Member");
            link.click();
            waitFor(d -> d.findElements(By.cssSelector("#tracker-table tbody tr[data-action-id]")).size() == 2);
            assertThat(byId("forum-name").getText()).isEqualTo(s.forumName());

            String shelter = row(s.shelter());
            assertThat(shelter).contains("Shelter", "City of Kampala", "In progress", "Site chosen", "Mar 1, 2026",
                    "Report overdue by 10 days", "UGX 600", "No report yet");
            String clinic = row(s.clinic());
            assertThat(clinic).contains("Clinic", "Refugee Health NGO", "30%", "At risk", "None planned",
                    "No funding recorded");
            assertThat(byId("tracker-count").getText()).isEqualTo("Showing 2 of 2 actions");

            // every chart is an image to assistive technology, named by its caption and described with the numbers
            List<WebElement> charts = browser.findElements(By.cssSelector("figure svg[role='img']"));
            assertThat(charts).hasSizeGreaterThanOrEqualTo(4);
            for (WebElement chart : charts) {
                assertThat(chart.getAccessibleName()).isNotBlank();
                String described = byId(chart.getDomAttribute("aria-describedby")).getDomProperty("textContent");
                assertThat(described).isNotBlank();
            }
            WebElement sectors = browser.findElement(By.cssSelector("#sector-chart svg"));
            assertThat(byId(sectors.getDomAttribute("aria-describedby")).getDomProperty("textContent"))
                    .contains("Health: 30% over 1 action").contains("Housing: 0% over 1 action");
            assertThat(text("#sector-chart table")).contains("Health", "30%");
            WebElement coverage = browser.findElement(By.cssSelector("#coverage-chart svg"));
            assertThat(byId(coverage.getDomAttribute("aria-describedby")).getDomProperty("textContent"))
                    // public needs of the forum's area count, whoever recorded them, so other tests' needs may add up
                    .containsPattern("Education, Refugees, Kampala: Uncovered, \\d+ needs?")
                    .containsPattern("Housing, Refugees, Kampala: Covered, \\d+ needs?");
            assertThat(byId("readiness-summary").getText()).contains("55%").contains("Up 15 points");
            assertThat(text("#readiness-chart table")).contains("R1 Evidence base");
            assertThat(text("#flag-list")).contains("Need without action").contains("Open");

            // a change made elsewhere appears without reloading the page
            waitFor(d -> "live".equals(byId("live-state").getDomAttribute("data-state")));
            script("window.arrivalMarker = 'same page'; window.arrivalSaid = [];"
                    + " new MutationObserver(() => window.arrivalSaid.push(document.getElementById('announcer').textContent))"
                    + ".observe(document.getElementById('announcer'), { childList: true, characterData: true, subtree: true });");
            progress(s.clinic(), s.ngo(), LocalDate.of(2025, 6, 30), 75, Rag.GREEN);
            UUID desk = UUID.randomUUID();
            proposed(action(desk, 1, s.ngo(), s.forum(), "Legal aid desk", Sector.LEGAL_STATUS,
                    PopulationGroup.REFUGEES, List.of(), List.of(), ActionStatus.COMMITTED), DataClassification.FORUM);
            waitFor(d -> row(s.clinic()).contains("75%") && row(s.clinic()).contains("On track")
                    && !d.findElements(By.cssSelector("tr[data-action-id='" + desk + "']")).isEmpty());
            assertThat(script("return window.arrivalMarker")).isEqualTo("same page");
            waitFor(d -> String.valueOf(script("return window.arrivalSaid.join(' | ')")).matches("(?s).*Updated: [^|]*action tracker.*"));
            assertThat(byId("tracker-count").getText()).isEqualTo("Showing 3 of 3 actions");

            byId("sign-out").click();
            waitFor(d -> d.getCurrentUrl().startsWith(base() + "/dashboard/") && byId("sign-in").isDisplayed());
            assertThat(script("return sessionStorage.getItem('arrival.dashboard.session')")).isNull();
        });
    }

    @Test
    void theDashboardWorksByKeyboardOnAPhoneAndInFrenchWithNamedControlsAndReadableColours() {
        Seeded s = seed();
        provider().user("bea", "bea-password", s.ngo(), "member");
        diagnose(() -> {
            signIn("bea", "bea-password");
            waitFor(d -> !d.findElements(By.cssSelector("a[data-forum-id='" + s.forum() + "']")).isEmpty());

            // keyboard only: the skip link first, then on to the forum, open it, filter by sector, clear
            browser.get(base() + "/dashboard/");
            waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready"))
                    && !d.findElements(By.cssSelector("a[data-forum-id='" + s.forum() + "']")).isEmpty());
            Actions keys = new Actions(browser);
            keys.sendKeys(Keys.TAB).perform();
            assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
            assertThat(outline(browser.switchTo().activeElement())).isNotEqualTo("none");
            keys.sendKeys(Keys.ENTER).perform();
            waitFor(d -> "main".equals(d.switchTo().activeElement().getDomAttribute("id")));
            tabTo(e -> s.forum().toString().equals(e.getDomAttribute("data-forum-id")));
            assertThat(outline(browser.switchTo().activeElement())).isNotEqualTo("none");
            keys.sendKeys(Keys.ENTER).perform();
            waitFor(d -> "forum-name".equals(d.switchTo().activeElement().getDomAttribute("id"))
                    && d.findElements(By.cssSelector("#tracker-table tbody tr[data-action-id]")).size() == 2);
            tabTo(e -> "filter-sector".equals(e.getDomAttribute("id")));
            keys.sendKeys("Health").perform();
            waitFor(d -> d.findElements(By.cssSelector("#tracker-table tbody tr[data-action-id]")).size() == 1);
            assertThat(row(s.clinic())).contains("Clinic");
            assertThat(byId("tracker-count").getText()).isEqualTo("Showing 1 of 2 actions");
            tabTo(e -> "filter-reset".equals(e.getDomAttribute("id")));
            keys.sendKeys(Keys.ENTER).perform();
            waitFor(d -> d.findElements(By.cssSelector("#tracker-table tbody tr[data-action-id]")).size() == 2);

            // every control has an accessible name; every chart too
            for (WebElement control : browser.findElements(By.cssSelector(
                    "input:not([type=hidden]), select, textarea, button, a[href], summary, [role=region]"))) {
                if (!control.isDisplayed()) {
                    continue;
                }
                assertThat(control.getAccessibleName()).as("accessible name of " + control.getTagName() + " "
                        + control.getDomAttribute("id")).isNotBlank();
            }
            @SuppressWarnings("unchecked")
            List<String> lowContrast = (List<String>) script(CONTRAST);
            assertThat(lowContrast).as("text below 4.5:1").isEmpty();

            // a phone: the page never scrolls sideways, only the wide table does, inside its own box
            browser.manage().window().setSize(new Dimension(390, 844));
            waitFor(d -> ((Number) script("return window.innerWidth")).intValue() <= 400);
            assertThat(((Number) script("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                    .isLessThanOrEqualTo(0);
            assertThat((Boolean) script("const w = document.querySelector('.table-wrap');"
                    + " return w.scrollWidth > w.clientWidth && getComputedStyle(w).overflowX === 'auto';")).isTrue();

            // another language, chosen on the page: messages, codes and numbers follow
            new Select(byId("language")).selectByValue("fr");
            waitFor(d -> "fr".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
            waitFor(d -> "Suivi des actions".equals(byId("tracker-heading").getText()));
            assertThat(row(s.clinic())).contains("30").contains("%").contains("À risque").contains("En cours");
            assertThat(byId("language").getAccessibleName()).isEqualTo("Langue");
            assertThat(byId("readiness-summary").getText()).contains("En hausse de 15 points");
            browser.navigate().refresh();
            waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            assertThat(byId("tracker-heading").getText()).isEqualTo("Suivi des actions");
            new Select(byId("language")).selectByValue("en");
        });
    }

    @Test
    void theDashboardRenewsShortLivedTokensAndKeepsItsLiveStream() {
        Seeded s = seed();
        TestOpenIdProvider provider = provider().user("chen", "chen-password", s.city(), "member")
                .accessTokenLifetime(Duration.ofSeconds(6));
        try {
            diagnose(() -> {
                signIn("chen", "chen-password");
                browser.get(base() + "/dashboard/#forum=" + s.forum());
                waitFor(d -> d.findElements(By.cssSelector("#tracker-table tbody tr[data-action-id]")).size() == 2
                        && "live".equals(byId("live-state").getDomAttribute("data-state")));
                int refreshed = provider.refreshes();
                long streamsOpened = streams.openedSinceStart();
                // tokens expire every six seconds: the page renews them, and the stream ends with each and comes back
                await().atMost(WAIT).until(() -> provider.refreshes() >= refreshed + 2);
                waitFor(d -> "live".equals(byId("live-state").getDomAttribute("data-state"))
                        && streams.openedSinceStart() >= streamsOpened + 1);
                progress(s.clinic(), s.ngo(), LocalDate.of(2025, 9, 30), 90, Rag.GREEN);
                waitFor(d -> row(s.clinic()).contains("90%"));
                assertThat(byId("signed-out").isDisplayed()).isFalse();
                assertThat(provider.refusals()).noneMatch(r -> r.contains("refresh"));
            });
        } finally {
            provider.accessTokenLifetime(Duration.ofMinutes(5));
        }
    }

    private String outline(WebElement element) {
        return (String) script("return getComputedStyle(arguments[0]).outlineStyle;", element);
    }

    /** Presses Tab until the focused element is the one wanted (at most 60 times). */
    private void tabTo(java.util.function.Predicate<WebElement> wanted) {
        Actions keys = new Actions(browser);
        for (int i = 0; i < 60; i++) {
            keys.sendKeys(Keys.TAB).perform();
            if (wanted.test(browser.switchTo().activeElement())) {
                return;
            }
        }
        fail("Tab never reached the element; stopped at " + browser.switchTo().activeElement().getTagName() + " "
                + browser.switchTo().activeElement().getDomAttribute("id"));
    }

    /** Every visible piece of HTML text and every heat-map label against what is behind it: the WCAG ratio. */
    private static final String CONTRAST = """
            const parse = (s) => { const m = /rgba?\\(([^)]+)\\)/.exec(s); if (!m) return null;
              const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number); return { rgb: p.slice(0, 3), a: p.length > 3 ? p[3] : 1 }; };
            const lum = (rgb) => { const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
            const behind = (el) => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
              if (c && c.a > 0.5) return c.rgb; } return [255, 255, 255]; };
            const low = [];
            for (const el of document.querySelectorAll('body *')) {
              if (el.closest('svg') || el.closest('.sr-only') || el.tagName === 'OPTION') continue;
              if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
              const box = el.getBoundingClientRect(); if (box.width === 0 || box.height === 0) continue;
              const r = ratio(parse(getComputedStyle(el).color).rgb, behind(el));
              if (r < 4.5) low.push(el.tagName + '.' + el.className + ' "' + el.textContent.trim().slice(0, 30) + '" ' + r.toFixed(2));
            }
            for (const t of document.querySelectorAll('svg text.cell-text')) {
              const r = ratio(parse(getComputedStyle(t).fill).rgb, parse(getComputedStyle(t.previousElementSibling).fill).rgb);
              if (r < 4.5) low.push('heat map "' + t.textContent + '" ' + r.toFixed(2));
            }
            return low;
            """;
}
