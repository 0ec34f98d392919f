package org.arrival.e2e;

import static org.arrival.e2e.Browser.tabTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.arrival.local.DemoForum;
import org.arrival.local.DemoPlans;
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
import tools.jackson.databind.JsonNode;

/**
 * The NGO responds to the city's action from its page: a comment, an endorsement and an objection, each its own
 * record, with the keyboard alone, on a phone's width and in Arabic; a phone number in a comment is refused at the
 * field in the reader's language. Then the city reads them on its action's page. axe-core on every page.
 */
@ExtendWith(PlatformExtension.class)
class ContributionJourneyTest {

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("The contribution journey's browser test");

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
    void theNgoCommentsEndorsesAndObjectsOnTheCitysActionAndTheCitySeesIt() {
        String action = cityAction(DemoPlans.SCHOOL_PLACES);
        Browser.run(browser, () -> {
            browser.manage().window().setSize(new Dimension(390, 844));
            Browser.signIn(browser, platform, "ngo-editor");
            browser.get(web + "/actions/" + action);
            waitFor(d -> !d.findElements(By.id("contribution-form")).isEmpty());
            assertThat(browser.findElement(By.id("contribution-explain")).getText())
                    .isEqualTo(
                            "What you send here is Horizon Relief International’s own record, shown with this action to everyone"
                                    + " who can read it. It does not change the action: only Kampala Capital City Authority"
                                    + " changes its own records.");
            // another organisation's action: nothing of the owner's own forms
            assertThat(browser.findElements(By.id("lifecycle"))).isEmpty();
            assertThat(browser.findElements(By.id("edit-action"))).isEmpty();
            assertThat(browser.findElements(By.id("history"))).isEmpty();
            Accessibility.check(browser, "another organisation's action at 390 px");

            // a comment, by the keyboard alone; a phone number in it is refused at the field, nothing is kept
            startAtTheTop();
            tabTo(browser, "contribution-kind-COMMENT");
            tabTo(browser, "contribution-text").sendKeys("Our interpreter can help parents enrol: call 0772 123 456.");
            tabTo(browser, "contribute").sendKeys(Keys.ENTER);
            waitFor(d -> !d.findElements(By.cssSelector("#contribution-form .field-error"))
                    .isEmpty());
            assertThat(browser.findElement(By.cssSelector("#contribution-form .field-error"))
                            .getText())
                    .contains("phone number");
            assertThat(browser.findElement(By.id("contribution-text")).getDomProperty("value"))
                    .contains("0772 123 456");
            Accessibility.check(browser, "a refused comment at 390 px");
            WebElement text = browser.findElement(By.id("contribution-text"));
            text.clear();
            text.sendKeys(
                    "HRI can lend an interpreter on enrolment days to help refugee parents register their children.");
            tabTo(browser, "contribute").sendKeys(Keys.ENTER);
            waitFor(d -> !d.findElements(By.id("done")).isEmpty());
            assertThat(browser.findElement(By.id("done")).getText())
                    .isEqualTo("Your organisation’s comment was added.");

            // an endorsement: the choice moved by the keyboard too
            startAtTheTop();
            tabTo(browser, "contribution-kind-COMMENT").sendKeys(Keys.ARROW_DOWN);
            assertThat(browser.findElement(By.id("contribution-kind-ENDORSEMENT"))
                            .isSelected())
                    .isTrue();
            tabTo(browser, "contribution-text")
                    .sendKeys("We support a second shift: our clinic sees the children waiting.");
            tabTo(browser, "contribute").sendKeys(Keys.ENTER);
            waitFor(d -> d.findElement(By.id("done")).getText().contains("endorsement"));

            // an objection, in Arabic, right to left: without a reason it stays on the form
            browser.get(web + "/language?lang=ar&back=/actions/" + action);
            waitFor(d -> "rtl".equals(d.findElement(By.tagName("html")).getDomAttribute("dir"))
                    && !d.findElements(By.id("contribution-form")).isEmpty());
            assertThat(browser.findElement(By.id("contribution-explain")).getText())
                    .contains("ما ترسله هنا سجلّ خاص بـHorizon Relief International", "Kampala Capital City Authority");
            browser.findElement(By.cssSelector("label[for='contribution-kind-OBJECTION']"))
                    .click();
            browser.findElement(By.id("contribute")).click();
            waitFor(d -> !d.findElements(By.cssSelector("#contribution-form .field-error"))
                    .isEmpty());
            assertThat(browser.findElement(By.id("contribution-kind-OBJECTION")).isSelected())
                    .isTrue();
            Accessibility.check(browser, "an objection without a reason in Arabic at 390 px");
            browser.findElement(By.id("contribution-text"))
                    .sendKeys("A second shift without more teachers would shorten every child's school day.");
            browser.findElement(By.id("contribute")).click();
            waitFor(d -> !d.findElements(By.id("done")).isEmpty());
            assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("أُضيف اعتراض منظمتك.");
            assertThat((Long) Browser.js(browser, "return document.documentElement.scrollWidth - window.innerWidth"))
                    .as("sideways scroll")
                    .isLessThanOrEqualTo(0L);
            Accessibility.check(browser, "the contributions in Arabic at 390 px");

            // the city reads the three, each by the NGO's name, and has no form to answer in another's name
            Browser.signOutEverywhere(browser);
            browser.manage().window().setSize(new Dimension(1366, 900));
            Browser.signIn(browser, platform, "kcca-coordinator");
            browser.get(web + "/language?lang=en&back=/actions/" + action);
            waitFor(d -> !d.findElements(By.id("contribution-list")).isEmpty());
            List<String> ours = browser.findElements(By.cssSelector("#contribution-list li")).stream()
                    .map(WebElement::getText)
                    .filter(t -> t.contains("Horizon Relief International"))
                    .toList();
            assertThat(String.join("\n", ours))
                    .contains(
                            "Comment",
                            "HRI can lend an interpreter",
                            "Endorsement",
                            "We support a second shift",
                            "Objection",
                            "shorten every child's school day");
            assertThat(browser.findElement(By.id("contribution-list")).getText())
                    .doesNotContain("0772 123 456");
            assertThat(browser.findElements(By.id("contribution-form"))).isEmpty();
            Accessibility.check(browser, "the city's action with the NGO's contributions");
        });
    }

    /** The keyboard starts from the top of the page, as after it loaded. */
    private void startAtTheTop() {
        Browser.js(browser, "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    }

    /** One of the city's demo actions, found by its title as the city lists its own. */
    private String cityAction(String title) {
        JsonNode items = platform.api
                .expect(
                        200,
                        "GET",
                        PlatformService.ACTION_PLANS,
                        "/actions?owner=" + DemoForum.KCCA + "&size=200",
                        platform.token("kcca-coordinator"),
                        null,
                        Map.of())
                .get("items");
        for (JsonNode item : items) {
            if (title.equals(item.get("title").asString())) {
                return item.get("id").asString();
            }
        }
        throw new AssertionError("the demo has no city action '" + title + "'");
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        return Browser.waitFor(browser, condition);
    }
}
