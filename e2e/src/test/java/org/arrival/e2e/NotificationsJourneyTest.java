package org.arrival.e2e;

import static org.arrival.e2e.Browser.focused;
import static org.arrival.e2e.Browser.js;
import static org.arrival.e2e.Browser.tabTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Notifications in the browser: a member of the refugee-led association, reading in French, subscribes with the
 * keyboard alone, choosing the event types by their French names, to be e-mailed in French; another member records
 * an action; the inbox (its unread count in every page's header) tells of it in French with a link to the action's
 * page; the e-mail does too, and its link, opened in a browser signed in nowhere, leads through Keycloak's login
 * page to the action's page. axe-core on every page, the inbox at a phone's width.
 */
@ExtendWith(PlatformExtension.class)
class NotificationsJourneyTest {

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("The notifications journey");

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
    void aMemberSubscribesByEventTypeNamesAndIsToldInFrenchInTheInboxAndByEMail() {
        Browser.run(browser, () -> {
            // in French from Keycloak's login page on, straight to a new subscription
            browser.get(web + "/language?lang=fr&back=/notifications/subscriptions/new");
            waitFor(d -> !d.findElements(By.id("kc-login")).isEmpty());
            Browser.login(browser, "rlo-editor");
            waitFor(d -> d.getCurrentUrl().startsWith(web + "/notifications/subscriptions/new")
                    && !d.findElements(By.id("subscription-form")).isEmpty());
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                    .isEqualTo("fr");
            assertThat(browser.findElement(By.id("field-address")).getDomProperty("value"))
                    .isEqualTo("rlo-editor@demo.arrival.example");
            Accessibility.check(browser, "a new subscription in French");

            // the keyboard alone: the event type by its French name, the forum, e-mail rather than the inbox
            js(browser, "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
            browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            String proposed = Browser.inputLabelled(browser, "#subscription-form", "Action proposée");
            tabTo(browser, proposed).sendKeys(Keys.SPACE);
            String forum = Browser.inputLabelled(browser, "#field-filter-forums", "Kampala");
            tabTo(browser, forum).sendKeys(Keys.SPACE);
            tabTo(browser, "field-channel-0").sendKeys(Keys.ARROW_DOWN); // from "in my inbox" to "by e-mail"
            assertThat(focused(browser).getDomAttribute("id")).isEqualTo("field-channel-1");
            assertThat(browser.findElement(By.id(proposed)).isSelected()).isTrue();
            assertThat(browser.findElement(By.id("field-channel-1")).isSelected())
                    .isTrue();
            assertThat(browser.findElement(By.id("field-language")).getDomProperty("value"))
                    .isEqualTo("fr");
            tabTo(browser, "save-subscription").sendKeys(Keys.ENTER);
            waitFor(d -> d.getCurrentUrl().contains("/notifications/subscriptions?done=saved"));
            assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("Votre abonnement est enregistré.");
            assertThat(browser.findElement(By.id("subscriptions")).getText())
                    .contains("Action proposée", "Kampala", "Par courriel", "Français");
            Accessibility.check(browser, "my subscriptions in French");

            // another member records an action shared with the forum
            String title = "Permanence juridique du soir à Katwe "
                    + UUID.randomUUID().toString().substring(0, 8);
            String action = platform.api
                    .expect(
                            201,
                            "POST",
                            PlatformService.ACTION_PLANS,
                            "/actions",
                            platform.token("kcca-coordinator"),
                            """
                            {"title":"%s","kind":"SERVICE","sectors":["LEGAL_STATUS"],"targetGroups":["REFUGEES"],
                             "areas":[{"country":"UG","subdivision":"UG-C","areaName":"Katwe"}],
                             "startDate":"2026-12-01","endDate":"2027-06-30","reportingCadence":"MONTHLY",
                             "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(title, platform.forumId),
                            Map.of())
                    .get("id")
                    .asString();

            // the inbox tells of it in French, the header counts it on every page
            browser.get(web + "/notifications");
            String worded = "Kampala Capital City Authority a proposé « " + title + " »";
            WebElement link = waitFor(d -> {
                var found = d.findElements(By.linkText(worded));
                if (found.isEmpty()) {
                    sleep(Duration.ofSeconds(2));
                    d.navigate().refresh();
                    return null;
                }
                return found.getFirst();
            });
            assertThat(link.getDomAttribute("href")).isEqualTo("/actions/" + action);
            assertThat(Long.parseLong(
                            browser.findElement(By.id("unread-count")).getText().replaceAll("\\D", "")))
                    .isPositive();
            Accessibility.check(browser, "the inbox in French");

            // at a phone's width, nothing scrolls sideways
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.navigate().refresh();
            waitFor(d -> !d.findElements(By.linkText(worded)).isEmpty());
            assertThat((Long) js(browser, "return document.documentElement.scrollWidth - window.innerWidth"))
                    .as("sideways scroll")
                    .isLessThanOrEqualTo(0L);
            assertThat(browser.findElement(By.id("nav-notifications")).isDisplayed())
                    .isTrue();
            Accessibility.check(browser, "the inbox at 390 px");
            browser.manage().window().setSize(new Dimension(1366, 900));

            browser.findElement(By.linkText(worded)).click();
            waitFor(d -> d.getCurrentUrl().equals(web + "/actions/" + action));
            assertThat(browser.findElement(By.id("record-title")).getText()).isEqualTo(title);

            // the e-mail, in French, names the action's page
            Mailbox.Mail mail = new Mailbox(platform)
                    .await(
                            m -> m.to().contains("rlo-editor@demo.arrival.example")
                                    && m.text().contains("/actions/" + action),
                            Duration.ofSeconds(90));
            assertThat(mail.subject()).isEqualTo(worded);
            assertThat(mail.text()).contains("Ouvrir dans Arrival :", "Vous recevez ce message");
            Matcher address =
                    Pattern.compile("(https?://\\S+/actions/" + action + ")").matcher(mail.text());
            assertThat(address.find()).as("the action's address in the e-mail").isTrue();
            assertThat(address.group(1)).isEqualTo(web + "/actions/" + action);

            // opened in a browser signed in nowhere: Keycloak's login, then the action's page
            Browser.signOutEverywhere(browser);
            browser.get(address.group(1));
            waitFor(d -> !d.findElements(By.id("kc-login")).isEmpty());
            assertThat(browser.getCurrentUrl()).startsWith(platform.settings().issuer());
            Browser.login(browser, "rlo-editor");
            waitFor(d -> d.getCurrentUrl().equals(web + "/actions/" + action)
                    && !d.findElements(By.id("record-title")).isEmpty());
            assertThat(browser.findElement(By.id("record-title")).getText()).isEqualTo(title);
            Accessibility.check(browser, "the action's page from an e-mail");

            // read marks: everything read, the action's notifications among it
            browser.get(web + "/notifications");
            waitFor(d -> !d.findElements(By.id("read-all")).isEmpty());
            browser.findElement(By.id("read-all")).click();
            waitFor(d -> !d.findElements(By.id("inbox")).isEmpty());
            assertThat(browser.findElements(
                            By.xpath("//li[@data-notification-id][.//a[@href='/actions/" + action + "']]")))
                    .isNotEmpty()
                    .allSatisfy(li -> assertThat(li.getDomAttribute("class")).isEqualTo("read"));
        });
    }

    private static <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return Browser.waitFor(browser, condition);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
