package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web application in headless Chromium, signed in through Keycloak's real login page as the demo users, with
 * axe-core on every page visited: the forums, a forum's tracker kept live while another member records an action,
 * a phone's width and the keyboard alone, French and Arabic (right to left), token refresh under a live stream, and
 * signing out of Keycloak too.
 */
@ExtendWith(PlatformExtension.class)
class WebApplicationTest {

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("The web application's browser tests");

    private static WebDriver browser;

    private RunningPlatform platform;
    private String web;

    @BeforeEach
    void freshBrowser() {
        browser = SESSION.driver();
        platform = RunningPlatform.get();
        web = Browser.web(platform);
    }

    @Test
    void aMemberSignsInAtKeycloakAndFollowsTheirForumLive() {
        run(() -> {
            signIn("ngo-editor");
            assertThat(browser.findElement(By.id("organisation")).getText()).isEqualTo("Horizon Relief International");
            Accessibility.check(browser, "your forums");

            browser.findElement(By.cssSelector("a[data-forum-id='" + platform.forumId + "']"))
                    .click();
            waitFor(d -> d.findElement(By.id("forum-name")).getText().contains("Kampala")
                    && !d.findElements(By.cssSelector("#tracker-table tr[data-action-id]"))
                            .isEmpty());
            assertThat(browser.findElement(By.id("sectors")).getText()).contains("Show the numbers");
            assertThat(browser.findElements(By.cssSelector("figure svg[role='img'][aria-describedby]")))
                    .isNotEmpty();
            waitFor(d -> "live".equals(d.findElement(By.id("live-state")).getDomAttribute("data-state")));
            Accessibility.check(browser, "the forum");

            // another member's new action appears without a reload
            js("window.arrivalMarker = 'same page';");
            long before = System.nanoTime();
            String action = recordAction("Evening legal clinic for urban refugees in Katwe");
            waitFor(d -> !d.findElements(By.cssSelector("tr[data-action-id='" + action + "']"))
                    .isEmpty());
            long millis = (System.nanoTime() - before) / 1_000_000;
            System.out.println("commit to screen: " + millis + " ms (the recording's answer included)");
            assertThat(js("return window.arrivalMarker")).isEqualTo("same page");
            WebElement row = browser.findElement(By.cssSelector("tr[data-action-id='" + action + "']"));
            assertThat(row.getText()).contains("Evening legal clinic", "Horizon Relief International", "Proposed");

            // the exports come through the web application with the member's token
            Object csv = ((JavascriptExecutor) browser)
                    .executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(r => r.text().then(t => done(r.status + '\\n' + t)));""", "/forums/" + platform.forumId + "/exports/3w.csv");
            assertThat(String.valueOf(csv)).startsWith("200").contains("#org");

            // every title leads to the record's page
            row.findElement(By.linkText("Evening legal clinic for urban refugees in Katwe"))
                    .click();
            waitFor(d -> d.getCurrentUrl().endsWith("/actions/" + action));
            assertThat(browser.findElement(By.id("record-title")).getText())
                    .isEqualTo("Evening legal clinic for urban refugees in Katwe");
            Accessibility.check(browser, "an action");
        });
    }

    @Test
    void onAPhoneTheTrackerShowsActionStatusAndProgressAndTheKeyboardAloneFiltersIt() {
        run(() -> {
            browser.manage().window().setSize(new Dimension(390, 844));
            signIn("kcca-coordinator");
            browser.get(web + "/forums/" + platform.forumId);
            waitFor(d -> !d.findElements(By.cssSelector("#tracker-table tr[data-action-id]"))
                    .isEmpty());
            assertThat(browser.findElement(By.id("organisation")).isDisplayed()).isTrue();
            assertThat((Long) js("return document.documentElement.scrollWidth - window.innerWidth"))
                    .as("sideways scroll")
                    .isLessThanOrEqualTo(0L);
            WebElement first = browser.findElement(By.cssSelector("#tracker-table tr[data-action-id]"));
            long width = (Long) js("return window.innerWidth");
            for (WebElement cell : List.of(
                    first.findElement(By.cssSelector("th a")),
                    first.findElement(By.cssSelector(".badge")),
                    first.findElements(By.tagName("td")).get(2))) {
                assertThat(cell.isDisplayed()).isTrue();
                assertThat((long) cell.getRect().getX() + cell.getRect().getWidth())
                        .as(cell.getText())
                        .isLessThanOrEqualTo(width);
            }
            Accessibility.check(browser, "the forum at 390 px");

            // the keyboard alone: skip link, then the status filter and its button
            browser.navigate().refresh();
            waitFor(d -> !d.findElements(By.id("tracker-filters")).isEmpty());
            js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
            browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            WebElement skip = browser.switchTo().activeElement();
            assertThat(skip.getDomAttribute("class")).isEqualTo("skip-link");
            assertThat(skip.getCssValue("outline-style")).isEqualTo("solid");
            skip.sendKeys(Keys.ENTER);
            waitFor(d -> "main".equals(d.switchTo().activeElement().getDomAttribute("id")));
            for (int i = 0;
                    i < 60
                            && !"filter-status"
                                    .equals(browser.switchTo().activeElement().getDomAttribute("id"));
                    i++) {
                browser.switchTo().activeElement().sendKeys(Keys.TAB);
            }
            WebElement status = browser.switchTo().activeElement();
            assertThat(status.getDomAttribute("id")).isEqualTo("filter-status");
            status.sendKeys("In progress");
            for (int i = 0;
                    i < 6 && !"Show".equals(browser.switchTo().activeElement().getText());
                    i++) {
                browser.switchTo().activeElement().sendKeys(Keys.TAB); // the area, only overdue, the order
            }
            assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Show");
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);
            waitFor(d -> d.getCurrentUrl().contains("status=IN_PROGRESS"));
            waitFor(d -> d.findElements(By.cssSelector("#tracker-table .badge[class*='s-']")).stream()
                    .allMatch(b -> b.getDomAttribute("class").contains("s-IN_PROGRESS")));
            Accessibility.check(browser, "the filtered tracker at 390 px");
        });
    }

    @Test
    void arabicReadsRightToLeftFromKeycloaksLoginPageOnAndFrenchIsOneChoiceAway() {
        run(() -> {
            browser.get(web + "/language?lang=ar&back=/forums/" + platform.forumId);
            waitFor(d -> !d.findElements(By.id("kc-login")).isEmpty());
            assertThat((String) js("return document.documentElement.lang")).startsWith("ar");
            assertThat((String) js("return getComputedStyle(document.documentElement).direction"))
                    .isEqualTo("rtl");
            login("donor-viewer");
            waitFor(d -> d.getCurrentUrl().startsWith(web + "/forums/" + platform.forumId)
                    && !d.findElements(By.id("tracker-table")).isEmpty());
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir"))
                    .isEqualTo("rtl");
            assertThat(browser.findElement(By.id("tracker-heading")).getText()).isEqualTo("متابعة الإجراءات");
            // mirrored: the name of the platform sits at the right, the language switcher at the left
            long width = (Long) js("return window.innerWidth");
            assertThat(browser.findElement(By.cssSelector(".brand")).getRect().getX())
                    .isGreaterThan((int) width / 2);
            assertThat(browser.findElement(By.cssSelector(".language"))
                            .getRect()
                            .getX())
                    .isLessThan((int) width / 2);
            Accessibility.check(browser, "the forum in Arabic");

            new Select(browser.findElement(By.id("language"))).selectByValue("fr");
            browser.findElement(By.cssSelector(".language button")).click();
            waitFor(d -> "fr".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir"))
                    .isEqualTo("ltr");
            assertThat(browser.findElement(By.id("tracker-heading")).getText()).isEqualTo("Suivi des actions");
            assertThat(browser.getCurrentUrl()).isEqualTo(web + "/forums/" + platform.forumId);
            Accessibility.check(browser, "the forum in French");
        });
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        run(() -> {
            signIn("rlo-editor");
            browser.findElement(By.id("sign-out")).click();
            waitFor(d -> d.getCurrentUrl().equals(web + "/signed-out"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You have signed out");
            Accessibility.check(browser, "signed out");
            // Keycloak asks for the password again: its session ended with the web application's
            browser.get(web + "/forums");
            waitFor(d -> !d.findElements(By.id("kc-login")).isEmpty());
            assertThat(browser.getCurrentUrl()).startsWith(platform.settings().issuer());
        });
    }

    @Test
    void theLiveStreamGoesOnAcrossRefreshedTokens() {
        KeycloakAdmin admin = new KeycloakAdmin(platform.settings());
        String before = admin.clientAccessTokenLifespan("arrival-bff", "15");
        try {
            run(() -> {
                signIn("donor-viewer");
                browser.get(web + "/forums/" + platform.forumId);
                waitFor(d -> "live".equals(d.findElement(By.id("live-state")).getDomAttribute("data-state")));
                js("window.arrivalMarker = 'same page';");
                // the forum service ends a stream when its token expires; the web application renews the token
                sleep(Duration.ofSeconds(40));
                String action = recordAction("Language classes at the Nakivale transit desk");
                waitFor(d -> !d.findElements(By.cssSelector("tr[data-action-id='" + action + "']"))
                        .isEmpty());
                assertThat(js("return window.arrivalMarker")).isEqualTo("same page");
                // and an ordinary page still loads, with a refreshed token
                browser.get(web + "/forums");
                waitFor(d -> !d.findElements(By.cssSelector("a[data-forum-id='" + platform.forumId + "']"))
                        .isEmpty());
                assertThat(browser.getCurrentUrl()).isEqualTo(web + "/forums");
            });
        } finally {
            admin.clientAccessTokenLifespan("arrival-bff", before);
        }
    }

    private void signIn(String username) {
        browser.get(web + "/");
        waitFor(d -> !d.findElements(By.id("kc-login")).isEmpty());
        // Keycloak's own login page, reached with a PKCE challenge for the web application's confidential client
        assertThat(browser.getCurrentUrl())
                .startsWith(platform.settings().issuer())
                .contains("client_id=arrival-bff")
                .contains("code_challenge_method=S256");
        login(username);
        waitFor(d -> d.getCurrentUrl().startsWith(web)
                && !d.findElements(By.id("who")).isEmpty());
        assertThat(browser.getCurrentUrl()).doesNotContain("code=");
        // the browser holds the session cookie only, out of scripts' reach; the tokens stay on the server
        org.openqa.selenium.Cookie session = browser.manage().getCookieNamed("ARRIVAL_SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat((String) js("return document.cookie")).doesNotContain("ARRIVAL_SESSION");
    }

    private void login(String username) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("arrival-demo");
        browser.findElement(By.id("kc-login")).click();
    }

    private String recordAction(String title) {
        return platform.api
                .expect(
                        201,
                        "POST",
                        PlatformService.ACTION_PLANS,
                        "/actions",
                        platform.token("ngo-editor"),
                        """
                {"title":"%s","kind":"SERVICE","sectors":["LEGAL_STATUS"],"targetGroups":["REFUGEES"],
                 "areas":[{"country":"UG","subdivision":"UG-C","areaName":"Katwe"}],
                 "startDate":"2026-12-01","endDate":"2027-06-30","reportingCadence":"MONTHLY",
                 "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(title, platform.forumId),
                        Map.of())
                .get("id")
                .asString();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void run(Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            System.err.println("page at " + browser.getCurrentUrl() + ":\n" + browser.getPageSource());
            throw e;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the condition; an element replaced while it is read (a page loading, a part swapped) is read again. */
    private static <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }
}
