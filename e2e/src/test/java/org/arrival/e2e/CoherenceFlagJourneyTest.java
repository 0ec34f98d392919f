package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the forum service's coherence checks found, in the reader's language: the forum page's open flags worded in
 * French from their codes and parameters (not the service's English summary), each leading to the flag's own page
 * (where notifications and e-mails about it lead), which says the same. axe-core on both.
 */
@ExtendWith(PlatformExtension.class)
class CoherenceFlagJourneyTest {

    /** Words every French finding has one of; the English summaries have none. */
    static final List<String> FRENCH = List.of(
            "n’a aucun financement engagé",
            "exige une mise en œuvre locale",
            "se chevauchent",
            "n’est traité par aucune action",
            "n’est pas arrivé",
            "des jalons ont dépassé",
            "n’a reçu aucune action en réponse");

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("The coherence flags journey");

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
    void aFlagsFindingReachesTheReaderInFrenchOnTheForumPageAndItsOwnPage() {
        Browser.run(browser, () -> {
            browser.get(web + "/language?lang=fr&back=/forums/" + platform.forumId);
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            Browser.login(browser, "kcca-coordinator");
            // the forum's checks run every minute: the demo's unfunded actions and commitments get their flags;
            // the newest may be of a check not listed here (the demo sets the forum's priorities last)
            // the list is drawn again whenever the checks run: a flag is found by its id, and read afresh
            String flagId = new WebDriverWait(browser, Duration.ofMinutes(3))
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        List<WebElement> flags = d.findElements(By.cssSelector("#flags li[data-flag-id]")).stream()
                                .filter(f -> FRENCH.stream().anyMatch(f.getText()::contains))
                                .toList();
                        if (flags.isEmpty()) {
                            d.navigate().refresh();
                            sleep();
                            return null;
                        }
                        return flags.getFirst().getDomAttribute("data-flag-id");
                    });
            By flag = By.cssSelector("#flags li[data-flag-id='" + flagId + "']");
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                    .isEqualTo("fr");
            String finding = Browser.waitFor(
                    browser,
                    d -> d.findElement(flag)
                            .findElements(By.tagName("p"))
                            .get(1)
                            .getText());
            assertThat(FRENCH).as("a French finding: %s", finding).anyMatch(finding::contains);
            assertThat(finding).contains("« ");
            Accessibility.check(browser, "the forum's flags in French");

            String href = Browser.waitFor(
                    browser,
                    d -> d.findElement(flag)
                            .findElement(By.cssSelector("strong a"))
                            .getDomAttribute("href"));
            assertThat(href).startsWith("/forums/" + platform.forumId + "/flags/");
            Browser.waitFor(browser, d -> {
                d.findElement(flag).findElement(By.cssSelector("strong a")).click();
                return true;
            });
            Browser.waitFor(
                    browser,
                    d -> d.getCurrentUrl().equals(web + href)
                            && !d.findElements(By.id("flag-finding")).isEmpty());
            assertThat(browser.findElement(By.id("flag-finding")).getText()).isEqualTo(finding);
            assertThat(browser.findElements(By.cssSelector("#flag-records a"))).isNotEmpty();
            Accessibility.check(browser, "a flag's page in French");
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
