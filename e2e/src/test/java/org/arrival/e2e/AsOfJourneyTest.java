package org.arrival.e2e;

import static org.arrival.e2e.Browser.js;
import static org.arrival.e2e.Browser.tabTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/**
 * A forum as it stood on a date, in the browser: from the forum page, a month back (before the demo existed: no
 * action yet, and every change since, each record linked); a date changed with the keyboard alone; today's, with
 * the page's scripts turned off; at a phone's width; and a date the forum service refuses, shown at the field in
 * Arabic. axe-core on every page.
 */
@ExtendWith(PlatformExtension.class)
class AsOfJourneyTest {

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("The as-of journey");

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
    void aMemberSeesTheForumAsItStoodOnADateAndWhatChangedSince() {
        Browser.run(browser, () -> {
            Browser.signIn(browser, platform, "ngo-editor");
            String title = "Night shelter referrals in Kisenyi "
                    + UUID.randomUUID().toString().substring(0, 8);
            String action = platform.api
                    .expect(
                            201,
                            "POST",
                            PlatformService.ACTION_PLANS,
                            "/actions",
                            platform.token("ngo-editor"),
                            """
                            {"title":"%s","kind":"SERVICE","sectors":["HOUSING"],"targetGroups":["REFUGEES"],
                             "areas":[{"country":"UG","subdivision":"UG-C","areaName":"Kisenyi"}],
                             "startDate":"2026-12-01","endDate":"2027-06-30","reportingCadence":"MONTHLY",
                             "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(title, platform.forumId),
                            Map.of())
                    .get("id")
                    .asString();

            // from the forum's page: a month back, before the demo forum existed
            browser.get(web + "/forums/" + platform.forumId);
            Browser.waitFor(browser, d -> !d.findElements(By.id("as-of-link")).isEmpty());
            browser.findElement(By.id("as-of-link")).click();
            Browser.waitFor(
                    browser,
                    d -> d.getCurrentUrl().startsWith(web + "/forums/" + platform.forumId + "/as-of")
                            && !d.findElements(By.id("asof-form")).isEmpty());
            LocalDate monthAgo = LocalDate.now(ZoneOffset.UTC).minusDays(30);
            assertThat(browser.findElement(By.id("field-at")).getDomProperty("value"))
                    .isEqualTo(monthAgo.toString());
            assertThat(browser.findElement(By.id("then")).getText()).contains("No action of the forum existed yet");
            // every change since, the new action's among them, each record linked to its page
            Browser.waitFor(browser, d -> {
                if (d.findElements(By.linkText(title)).isEmpty()) {
                    d.navigate().refresh();
                    return false;
                }
                return true;
            });
            assertThat(browser.findElement(By.id("changes")).getText()).contains("Action proposed");
            assertThat(browser.findElement(By.linkText(title)).getDomAttribute("href"))
                    .isEqualTo("/actions/" + action);
            Accessibility.check(browser, "the forum a month ago");

            // the keyboard alone: another date, then Show
            js(browser, "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
            browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            tabTo(browser, "field-at").sendKeys(Keys.ARROW_DOWN);
            String chosen = browser.findElement(By.id("field-at")).getDomProperty("value");
            assertThat(chosen).isNotEqualTo(monthAgo.toString()).matches("\\d{4}-\\d{2}-\\d{2}");
            tabTo(browser, "asof-show").sendKeys(Keys.ENTER);
            Browser.waitFor(
                    browser,
                    d -> d.getCurrentUrl().endsWith("?at=" + chosen)
                            && !d.findElements(By.id("since")).isEmpty());

            // today's, with the page's scripts turned off: a plain GET form
            Browser.scripts(browser, false);
            try {
                browser.get(web + "/forums/" + platform.forumId + "/as-of");
                Browser.waitFor(browser, d -> !d.findElements(By.id("field-at")).isEmpty());
                js(
                        browser,
                        "document.getElementById('field-at').value = arguments[0];",
                        LocalDate.now(ZoneOffset.UTC).toString());
                browser.findElement(By.id("asof-show")).click();
                Browser.waitFor(
                        browser,
                        d -> d.getCurrentUrl().contains("?at=" + LocalDate.now(ZoneOffset.UTC))
                                && !d.findElements(By.id("asof-tracker")).isEmpty());
                assertThat(browser.findElement(By.id("asof-tracker")).getText()).contains(title);
            } finally {
                Browser.scripts(browser, true);
            }
            Accessibility.check(browser, "the forum today");

            // at a phone's width, each action a card without sideways scrolling
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.navigate().refresh();
            Browser.waitFor(browser, d -> !d.findElements(By.id("asof-tracker")).isEmpty());
            assertThat((Long) js(browser, "return document.documentElement.scrollWidth - window.innerWidth"))
                    .as("sideways scroll")
                    .isLessThanOrEqualTo(0L);
            Accessibility.check(browser, "the forum today at 390 px");
            browser.manage().window().setSize(new Dimension(1366, 900));

            // a date the forum service refuses comes back to the field, in Arabic, with what was typed
            browser.get(web + "/language?lang=ar&back=/forums/" + platform.forumId + "/as-of?at=1850-06-01");
            Browser.waitFor(
                    browser,
                    d -> "ar".equals(d.findElement(By.tagName("html")).getDomAttribute("lang"))
                            && !d.findElements(By.id("error-summary")).isEmpty());
            assertThat(browser.findElement(By.id("field-at-error")).getText())
                    .isEqualTo("أدخل تاريخًا بين عامَي 1900 و2200.");
            assertThat(browser.findElement(By.id("field-at")).getDomAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(browser.findElement(By.id("field-at")).getDomProperty("value"))
                    .isEqualTo("1850-06-01");
            Accessibility.check(browser, "a refused date in Arabic");
        });
    }
}
