package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The statistics office records an estimate with a small count on a phone with the keyboard alone, after previewing
 * what the others will see; the NGO then reads the forum's estimates with "fewer than 5" and rounded counts, and the
 * chart with its caption, description and number table, in English and in Arabic; axe-core on every page.
 */
@ExtendWith(PlatformExtension.class)
class PopulationJourneyTest {

    private static EvidenceBrowser browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = EvidenceBrowser.start("The population journey");
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
    void theStatisticsOfficePreviewsAndRecordsASmallCountAndTheNgoSeesItSuppressedAndRounded() {
        String forum = "/forums/" + browser.platform.forumId + "/population";
        String[] recorded = new String[1];
        browser.run(() -> {
            browser.phone();
            browser.signIn("ubos-statistician");
            browser.open("/forums/" + browser.platform.forumId);
            browser.waitFor(d -> !d.findElements(By.id("population-link")).isEmpty());
            browser.driver.findElement(By.id("population-link")).click();
            browser.waitFor(d -> !d.findElements(By.id("population-table")).isEmpty());
            browser.check("the forum's estimates at 390 px");

            browser.focusTop();
            browser.press("record-estimate");
            browser.waitFor(d -> !d.findElements(By.id("estimate-form")).isEmpty());
            browser.check("the estimate form at 390 px");
            browser.focusTop();
            browser.type("field-area-areaName", "Kisenyi");
            browser.type("field-area-areaCode", "KLA-KISENYI");
            // the national office's own place is the country: Kisenyi is in Kampala, the forum's area
            if (browser.driver
                    .findElement(By.id("field-area-subdivision"))
                    .getDomProperty("value")
                    .isEmpty()) {
                browser.type("field-area-subdivision", "UG-C");
            }
            if (browser.driver
                    .findElement(By.id("field-area-country"))
                    .getDomProperty("value")
                    .isEmpty()) {
                browser.type("field-area-country", "UG");
            }
            browser.select("field-group", "Stateless people");
            browser.type("field-registered", "3");
            browser.type("field-estimated", "12");
            browser.type("field-breakdown-SEX-FEMALE", "7");
            browser.type("field-breakdown-SEX-MALE", "5");
            browser.type("field-source", "UBOS neighbourhood listing 2026, Kisenyi");
            browser.type("field-method", "Households reporting members without a nationality; no names collected.");
            browser.type("field-asOf", "06302026");
            browser.press("preview-button");

            // what the others will see, before anything is saved
            browser.waitFor(d -> !d.findElements(By.id("preview-table")).isEmpty());
            assertThat(previewRow("Registered")).contains("3", "fewer than 5");
            assertThat(previewRow("Estimated present")).contains("12", "10");
            assertThat(browser.driver.findElement(By.id("preview")).getText()).contains("Nothing is saved yet");
            assertThat(browser.driver.findElement(By.id("field-registered")).getDomProperty("value"))
                    .isEqualTo("3");
            assertThat(browser.sidewaysScroll()).isLessThanOrEqualTo(0);
            browser.check("the preview at 390 px");
            browser.focusTop();
            browser.press("record");

            browser.waitFor(d -> d.getCurrentUrl().matches(".*/population/[0-9a-f-]{36}$"));
            recorded[0] = browser.path().substring("/population/".length());
            assertThat(browser.driver.findElement(By.id("notice")).getText()).startsWith("The estimate is recorded.");
            String counts = browser.driver.findElement(By.id("estimate-counts")).getText();
            assertThat(counts).contains("Exact", "Others see", "fewer than 5");
            browser.check("the recorded estimate at 390 px");
        });

        browser.fresh();
        browser.run(() -> {
            browser.phone();
            browser.signIn("ngo-editor");
            // the forum's view is built from the estimate's event: it arrives within moments
            Instant until = Instant.now().plus(Duration.ofSeconds(30));
            do {
                browser.open(forum);
            } while (browser.driver
                            .findElements(By.cssSelector("tr[data-estimate-id='" + recorded[0] + "']"))
                            .isEmpty()
                    && Instant.now().isBefore(until));
            WebElement row = browser.driver.findElement(By.cssSelector("tr[data-estimate-id='" + recorded[0] + "']"));
            assertThat(row.findElement(By.cssSelector(".registered")).getText()).isEqualTo("fewer than 5");
            assertThat(row.findElement(By.cssSelector(".estimated")).getText()).isEqualTo("10");
            assertThat(row.getText()).contains("Kisenyi", "Stateless people", "Uganda Bureau of Statistics");
            // the demo's small count, as every member sees it: 4 registered, 36 estimated
            assertThat(browser.driver.findElements(By.cssSelector("#population-table tr[data-estimate-id]")).stream()
                            .map(WebElement::getText)
                            .filter(t -> t.contains("Nakawa") && t.contains("Asylum seekers")))
                    .singleElement()
                    .asString()
                    .contains("fewer than 5", "35");
            assertThat(browser.driver.findElement(By.id("disclosure-note")).getText())
                    .contains("fewer than 5", "rounded to a multiple of 5");

            // the chart: its caption, its description for screen readers, and its numbers in a table
            WebElement figure = browser.driver.findElement(By.id("population-latest"));
            assertThat(figure.findElement(By.tagName("figcaption")).getText())
                    .isEqualTo(
                            "Latest estimate of each area and group: people registered against people estimated to be present");
            WebElement svg = figure.findElement(By.cssSelector("svg[role='img']"));
            assertThat(svg.getDomAttribute("aria-labelledby")).isEqualTo("population-latest-caption");
            assertThat(svg.getDomAttribute("aria-describedby")).isEqualTo("population-latest-description");
            assertThat(browser.driver
                            .findElement(By.id("population-latest-description"))
                            .getDomProperty("textContent"))
                    .contains("Kisenyi, Stateless people: fewer than 5 registered, 10 estimated");
            browser.focusTop();
            browser.tabTo(
                            e -> "summary".equals(e.getTagName())
                                    && figure.equals(e.findElement(By.xpath("ancestor::figure"))),
                            "the chart's numbers",
                            200)
                    .sendKeys(Keys.ENTER);
            WebElement table = figure.findElement(By.cssSelector("details table"));
            browser.waitFor(d -> table.isDisplayed());
            assertThat(table.getText()).contains("Kisenyi, Stateless people", "fewer than 5", "10");
            assertThat(browser.driver.findElements(By.cssSelector("figure[id^='population-trend-']")))
                    .isNotEmpty();
            assertThat(browser.sidewaysScroll()).isLessThanOrEqualTo(0);
            browser.check("the forum's estimates for the NGO at 390 px");

            // in Arabic, right to left
            browser.open("/language?lang=ar&back=" + forum);
            browser.waitFor(d -> "rtl".equals(d.findElement(By.tagName("html")).getDomAttribute("dir")));
            WebElement arabic =
                    browser.driver.findElement(By.cssSelector("tr[data-estimate-id='" + recorded[0] + "']"));
            assertThat(arabic.findElement(By.cssSelector(".registered")).getText())
                    .isEqualTo("أقل من 5");
            assertThat(browser.driver
                            .findElement(By.id("population-latest-caption"))
                            .getText())
                    .startsWith("أحدث تقدير لكل منطقة وفئة");
            browser.check("the forum's estimates in Arabic");
            browser.open("/language?lang=en&back=/forums");
        });
    }

    /** A row of the preview's table, by its heading. */
    private static String previewRow(String heading) {
        return browser.driver.findElements(By.cssSelector("#preview-table tbody tr")).stream()
                .map(WebElement::getText)
                .filter(t -> t.startsWith(heading))
                .findFirst()
                .orElseThrow();
    }
}
