package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The city records a need on a phone with the keyboard alone, validates and prioritises it, reads it in French, and
 * finds it again with the list's filters; axe-core on every page.
 */
@ExtendWith(PlatformExtension.class)
class NeedJourneyTest {

    private static EvidenceBrowser browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = EvidenceBrowser.start("The needs journey");
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
    void theCityRecordsANeedValidatesAndPrioritisesItAndFindsItWithTheFilters() {
        String statement = "Women traders in Kisenyi have nowhere safe to store their goods overnight ("
                + System.currentTimeMillis() + ")";
        browser.run(() -> {
            browser.phone();
            browser.signIn("kcca-coordinator");
            browser.open("/needs");
            browser.waitFor(d -> !d.findElements(By.id("needs-table")).isEmpty());
            assertThat(browser.driver.findElements(By.cssSelector("#needs-table tr[data-need-id]")))
                    .isNotEmpty();
            assertThat(browser.sidewaysScroll())
                    .as("sideways scroll of the list")
                    .isLessThanOrEqualTo(0);
            browser.check("needs at 390 px");

            // the form, by keyboard alone
            browser.focusTop();
            browser.press("record-need");
            browser.waitFor(d -> !d.findElements(By.id("need-form")).isEmpty());
            assertThat(browser.sidewaysScroll())
                    .as("sideways scroll of the form")
                    .isLessThanOrEqualTo(0);
            browser.check("the need form at 390 px");
            browser.focusTop();
            browser.type("field-statement", statement);
            browser.select("field-sector", "Livelihoods");
            browser.tick("populationGroups", "REFUGEES");
            browser.tick("populationGroups", "HOST_COMMUNITY");
            browser.type("field-area-areaName", "Kisenyi");
            browser.type("field-area-areaCode", "KLA-KISENYI");
            // the city's country and subdivision are there already
            assertThat(browser.driver.findElement(By.id("field-area-country")).getDomProperty("value"))
                    .isEqualTo("UG");
            assertThat(browser.driver
                            .findElement(By.id("field-area-subdivision"))
                            .getDomProperty("value"))
                    .isEqualTo("UG-C");
            browser.choose("severity", "HIGH");
            browser.tick("barriers", "COST");
            browser.type("field-evidenceReferences", "KCCA market survey, October 2026");
            browser.press("save-need");

            browser.waitFor(d -> !d.findElements(By.id("record-title")).isEmpty());
            assertThat(browser.driver.findElement(By.id("record-title")).getText())
                    .isEqualTo(statement);
            assertThat(browser.driver.findElement(By.id("notice")).getText()).isEqualTo("The need is recorded.");
            assertThat(browser.driver.findElement(By.id("need-status")).getText())
                    .contains("Identified");
            assertThat(browser.driver.findElement(By.id("need-facts")).getText())
                    .contains("Kampala Capital City Authority", "Livelihoods", "Kisenyi", "High", "Cost");
            String needPath = browser.path();
            browser.check("a new need at 390 px");

            // validate, then prioritise it: the lifecycle by keyboard
            step("VALIDATED", "Confirmed with the market vendors' association on 3 November 2026");
            assertThat(browser.driver.findElement(By.id("notice")).getText()).isEqualTo("The need is now Validated.");
            step("PRIORITISED", "");
            assertThat(browser.driver.findElement(By.id("notice")).getText()).isEqualTo("The need is now Prioritised.");
            assertThat(browser.driver.findElement(By.id("need-status")).getText())
                    .contains("▲ Prioritised");
            // a prioritised need may be addressed only once an action is linked: not offered yet
            assertThat(browser.driver.findElements(By.cssSelector("input[name='status'][value='ADDRESSED']")))
                    .isEmpty();
            assertThat(browser.driver.findElements(By.cssSelector("input[name='status']")))
                    .extracting(e -> e.getDomAttribute("value"))
                    .containsExactly("RESOLVED", "DEPRIORITISED");
            browser.check("a prioritised need at 390 px");

            // in French
            browser.open("/language?lang=fr&back=" + needPath);
            browser.waitFor(d -> "fr".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
            assertThat(browser.driver.findElement(By.id("need-status")).getText())
                    .contains("Prioritaire");
            assertThat(browser.driver.findElement(By.id("lifecycle-heading")).getText())
                    .isEqualTo("Faire avancer ce besoin");
            browser.check("a need in French");
            browser.open("/language?lang=en&back=/needs");

            // the list's filters, by keyboard: the new need is among the prioritised livelihoods needs in Kisenyi
            browser.waitFor(d -> !d.findElements(By.id("needs-filters")).isEmpty());
            browser.focusTop();
            browser.type("filter-area", "Kisenyi");
            browser.select("filter-sector", "Livelihoods");
            browser.select("filter-status", "Prioritised");
            browser.press("apply-filters");
            browser.waitFor(d -> d.getCurrentUrl().contains("status=PRIORITISED")
                    && d.getCurrentUrl().contains("area=Kisenyi")
                    && d.getCurrentUrl().contains("sector=LIVELIHOODS"));
            // the rows read in one go, once the last filtered answer has replaced the table (each filter change asks)
            @SuppressWarnings("unchecked")
            List<String> rows = browser.waitFor(d -> {
                List<String> texts = (List<String>) browser.js("return Array.from(document.querySelectorAll("
                        + "'#needs-table tr[data-need-id]')).map(r => r.innerText)");
                return texts.stream().anyMatch(r -> r.contains(statement.substring(0, 40)))
                                && texts.stream().allMatch(r -> r.contains("Prioritised") && r.contains("Livelihoods"))
                        ? texts
                        : null;
            });
            assertThat(rows).allSatisfy(r -> assertThat(r).contains("Prioritised", "Kisenyi", "Livelihoods"));
            assertThat(browser.sidewaysScroll()).isLessThanOrEqualTo(0);
            browser.check("the filtered needs at 390 px");

            // a filter nothing matches says so, and offers to clear the filters
            browser.open("/needs?area=Kisenyi&sector=LIVELIHOODS&status=RESOLVED&group=STATELESS_PERSONS");
            assertThat(browser.driver.findElement(By.id("needs-empty")).getText())
                    .contains("No need matches the filters.", "Clear filters");
            browser.check("no need matches");
        });
    }

    /** Chooses the next status on the need's page and gives the reason, by keyboard, and waits for the page again. */
    private static void step(String status, String reason) {
        browser.focusTop();
        browser.choose("status", status);
        if (!reason.isEmpty()) {
            browser.type("field-reason", reason);
        }
        browser.press("move");
        browser.waitFor(d -> !d.findElements(By.id("notice")).isEmpty());
    }
}
