package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.arrival.local.DemoForum;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The city convenes a readiness round with three respondents; each answers part of a recommendation, saves and comes
 * back to it; the city closes and publishes it and reads the scores, with a divergence and the numbers beside the
 * charts; a donor who did not answer reads the scores but no one's answers. axe-core on every page, one in Arabic on a
 * phone.
 */
// changes what the demo shows (flags decided, rounds published, people added): after the tests that read the demo
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(PlatformExtension.class)
class ReadinessRoundJourneyTest {

    private static EvidenceBrowser browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = EvidenceBrowser.start("The readiness round journey");
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void freshBrowser() {
        browser.fresh();
    }

    @Test
    void aRoundIsConvenedAnsweredPublishedAndItsScoresReadAsEachMaySee() {
        String title = "Kampala readiness, journey " + System.currentTimeMillis();
        String[] round = new String[1];
        browser.run(() -> {
            // the city convenes the round and opens it
            browser.signIn("kcca-coordinator");
            browser.open("/rounds");
            browser.waitFor(d -> !d.findElements(By.id("new-round")).isEmpty());
            browser.check("the rounds");
            browser.press("new-round");
            browser.waitFor(d -> !d.findElements(By.id("round-form")).isEmpty());
            browser.check("the new round form");
            browser.type("field-title", title);
            assertThat(browser.driver
                            .findElement(By.id("field-jurisdiction-country"))
                            .getDomProperty("value"))
                    .isEqualTo("UG");
            for (String respondent : List.of(DemoForum.OPM, DemoForum.NGO, DemoForum.RLO)) {
                browser.driver
                        .findElement(By.cssSelector("input[name='respondentIds'][value='" + respondent + "']"))
                        .click();
            }
            browser.js(
                    "document.getElementById('field-closesOn').value = arguments[0]",
                    java.time.LocalDate.now().plusDays(30).toString());
            browser.press("save-round");
            browser.waitFor(d -> !d.findElements(By.id("step-open")).isEmpty());
            round[0] = browser.path().replaceFirst("^/rounds/", "");
            assertThat(browser.driver.findElement(By.id("round-status")).getText())
                    .isEqualTo("Draft");
            browser.press("step-open");
            browser.waitFor(d -> !d.findElements(By.id("step-close")).isEmpty());
            assertThat(browser.driver.findElement(By.id("notice")).getText())
                    .isEqualTo("The round is open to its respondents.");
            browser.check("an open round, for its convenor");
        });
        String id = round[0];

        // each respondent answers the first questions of the first recommendation, saves, and comes back to them
        answer("opm-refugees-editor", id, "N", "S");
        answer("ngo-editor", id, "Y", "S");
        answer("rlo-editor", id, "S", "S");

        browser.fresh();
        browser.run(() -> {
            browser.signIn("kcca-coordinator");
            browser.open("/rounds/" + id);
            assertThat(browser.driver.findElement(By.id("respondents")).getText())
                    .contains("2 of 95 questions answered");
            browser.open("/rounds/" + id + "/responses/" + DemoForum.NGO);
            assertThat(browser.driver
                            .findElement(By.cssSelector("tr[data-question='1.1.a']"))
                            .getText())
                    .contains("Yes", "Counted in the 2026 division survey");
            browser.check("a respondent's answers, for the convenor");
            browser.open("/rounds/" + id);
            browser.press("step-close");
            browser.waitFor(d -> !d.findElements(By.id("step-publish")).isEmpty());
            browser.press("step-publish");
            browser.waitFor(d -> d.findElement(By.id("round-status")).getText().equals("Published"));

            browser.press("round-scores");
            browser.waitFor(d -> !d.findElements(By.id("scores-title")).isEmpty());
            // 1.1.a: N, Y, S is a mean of 1 point; 1.1.b: S from all three
            assertThat(browser.driver.findElement(By.id("overall-score")).getText())
                    .contains("2 of 4 points (50%)", "2 of 95 questions assessed");
            assertThat(browser.driver
                            .findElement(By.cssSelector("#divergences tr[data-question='1.1.a']"))
                            .getText())
                    .contains("Horizon Relief International: Yes");
            assertThat(browser.driver.findElements(By.cssSelector("#divergences tr[data-question='1.1.b']")))
                    .isEmpty();
            // the chart's numbers are beside its bars
            assertThat(browser.driver.findElements(By.cssSelector("#recommendations-chart text.value")))
                    .extracting(e -> e.getText())
                    .contains("50%");
            browser.check("the scores, for the convenor");
        });

        // a donor who was not asked reads the scores but no one's answers
        browser.fresh();
        browser.run(() -> {
            browser.signIn("donor-viewer");
            browser.open("/rounds/" + id);
            browser.waitFor(d -> !d.findElements(By.id("respondents")).isEmpty());
            assertThat(browser.driver.findElements(By.cssSelector("a[href*='/responses/']")))
                    .isEmpty();
            browser.open("/rounds/" + id + "/responses/" + DemoForum.NGO);
            assertThat(browser.driver.findElement(By.id("refused-message")).getText())
                    .contains("shown only to the round’s convenor");
            browser.check("answers refused to a donor");
            browser.open("/rounds/" + id + "/scores");
            assertThat(browser.driver
                            .findElement(By.cssSelector("#divergences tr[data-question='1.1.a']"))
                            .getText())
                    .contains("Shown to the convenor only")
                    .doesNotContain("Horizon Relief International");
        });
    }

    /** The respondent answers 1.1.a with a note and saves, comes back, answers 1.1.b and goes on to the next page. */
    private static void answer(String username, String round, String first, String second) {
        browser.fresh();
        browser.run(() -> {
            boolean arabic = username.equals("rlo-editor");
            if (arabic) {
                browser.phone();
            }
            browser.signIn(username);
            browser.open("/rounds/" + round);
            browser.press("answer-round");
            browser.waitFor(d -> !d.findElements(By.id("answers-form")).isEmpty());
            assertThat(browser.path()).endsWith("/answers/R1");
            browser.driver
                    .findElement(By.id("field-answer-1-1-a" + (first.equals("Y") ? "" : "-" + first)))
                    .click();
            browser.type("field-evidence-1-1-a", "Counted in the 2026 division survey");
            browser.press("save-answers");
            browser.waitFor(d -> !d.findElements(By.id("notice")).isEmpty());
            assertThat(browser.driver.findElement(By.id("notice")).getText())
                    .isEqualTo("Your answers are saved: 1 of 95 questions answered.");

            // resumed later: the saved answer is there
            browser.open("/rounds/" + round + "/answers");
            browser.waitFor(d -> !d.findElements(By.id("answers-form")).isEmpty());
            assertThat(browser.driver
                            .findElement(By.id("field-answer-1-1-a" + (first.equals("Y") ? "" : "-" + first)))
                            .isSelected())
                    .isTrue();
            browser.driver.findElement(By.id("field-answer-1-1-b-" + second)).click();
            browser.press("save-next");
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/answers/R2"));
            assertThat(browser.driver.findElement(By.id("answered-overall")).getText())
                    .isEqualTo("2 of 95 questions answered in all");
            assertThat(browser.driver
                            .findElement(By.cssSelector("[data-recommendation='R1']"))
                            .getText())
                    .contains("2 of 12 answered");
            if (arabic) {
                browser.open("/language?lang=ar&back=/rounds/" + round + "/answers/R1");
                browser.waitFor(
                        d -> "rtl".equals(d.findElement(By.tagName("html")).getDomAttribute("dir")));
                assertThat(browser.driver.findElement(By.id("answered-overall")).getText())
                        .contains("من");
                assertThat(browser.sidewaysScroll())
                        .as("sideways scroll in Arabic")
                        .isLessThanOrEqualTo(0);
                browser.check("a recommendation's answers in Arabic at 390 px");
                browser.open("/language?lang=en&back=/");
            } else if (username.equals("ngo-editor")) {
                browser.check("a recommendation's answers");
            }
        });
    }
}
