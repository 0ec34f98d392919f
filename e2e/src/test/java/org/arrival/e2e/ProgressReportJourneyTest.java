package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.arrival.local.DemoPlans;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Publishing a progress report, as the city's coordinator does it on a phone: signed in through Keycloak's login
 * page, My work names the market action whose report is late; the keyboard alone opens the form, fills it and
 * publishes, with the pages' scripts turned off (plain POST, redirect, GET); the service's refusal of a phone number
 * in the narrative comes back in French at the field with everything typed kept; the report then reaches the
 * action-plans service and My work says so. axe-core checks every page on the way.
 */
@ExtendWith(PlatformExtension.class)
class ProgressReportJourneyTest {

    private static ProgressBrowser browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = new ProgressBrowser("The progress report journey");
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theCityFilesItsLateReportFromMyWorkWithTheKeyboardOnAPhoneWithoutScripts() {
        browser.run(() -> {
            var driver = browser.driver;
            driver.manage().window().setSize(new Dimension(390, 844));
            browser.forgetSessions();
            browser.signIn("kcca-coordinator");

            // My work: the market action's report is late, and its editor is offered to write it
            assertThat(driver.getCurrentUrl()).startsWith(browser.web + "/").doesNotContain("/forums");
            assertThat(driver.findElement(By.id("mywork-heading")).getText()).isEqualTo("My work");
            WebElement late = driver.findElements(By.cssSelector("#reports li[data-action-id]")).stream()
                    .filter(li -> li.getText().contains(DemoPlans.MARKET_ACCESS))
                    .findFirst()
                    .orElseThrow();
            assertThat(late.getDomAttribute("data-urgency")).isEqualTo("LATE");
            assertThat(late.getText()).containsPattern("Overdue by \\d+ days?");
            String action = late.getDomAttribute("data-action-id");
            String form = "/actions/" + action + "/reports/new";
            assertThat(driver.findElement(By.cssSelector("#glance li.late")).getText())
                    .contains("overdue");
            assertNoSidewaysScroll("My work");
            Accessibility.check(driver, "my work at 390 px");
            assertThat(browser.js("return typeof window.htmx"))
                    .as("htmx runs while scripts are on")
                    .isEqualTo("object");

            // from here on the pages run no script: the form is plain HTML
            browser.scripts(false);
            browser.focusTop();
            browser.tabTo(
                            e -> ("a".equals(e.getTagName())
                                    && e.getDomAttribute("href") != null
                                    && e.getDomAttribute("href").equals(form)),
                            80,
                            "the market action's 'Write the report'")
                    .sendKeys(Keys.ENTER);
            browser.waitFor(d -> d.getCurrentUrl().equals(browser.web + form)
                    && !d.findElements(By.id("report-form")).isEmpty());
            // the period due is proposed, the last report fills the form
            assertThat(driver.findElement(By.id("report-due")).getText()).contains("late");
            assertThat(value("field-periodStart")).isNotBlank();
            assertThat(value("field-periodEnd")).isNotBlank();
            assertThat(value("field-indicators-0--name")).isEqualTo("Refugee traders licensed");
            assertThat(value("field-indicators-0--actual")).isEqualTo("46");
            assertThat(driver.findElement(By.id("rag-AMBER")).isSelected()).isTrue();
            checkWithScripts("the report form at 390 px");

            // in French from here
            driver.get(browser.web + "/language?lang=fr&back=" + form);
            browser.waitFor(d -> "fr".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
            assertThat(driver.findElement(By.id("report-heading")).getText())
                    .isEqualTo("Publier un rapport d'avancement");

            // the keyboard alone: percent, rating (arrow keys in the radio group), narrative, an indicator, publish
            browser.focusTop();
            browser.retype(browser.tabToId("field-percentComplete", 40), "40");
            browser.focused().sendKeys(Keys.TAB); // the rating's group: the checked choice takes the focus
            assertThat(browser.focused().getDomAttribute("id")).isEqualTo("rag-AMBER");
            browser.focused().sendKeys(Keys.ARROW_UP);
            assertThat(browser.focused().getDomAttribute("id")).isEqualTo("rag-GREEN");
            browser.tabToId("field-narrative", 10)
                    .sendKeys("Licences délivrées ; pour un rendez-vous appeler le guichet au 0772 123456.");
            browser.retype(browser.tabToId("field-indicators-0--actual", 15), "58");
            browser.tabToId("publish", 10).sendKeys(Keys.ENTER);

            // the service refuses the phone number: said at the field, in French, with everything typed kept
            browser.waitFor(d -> !d.findElements(By.id("error-summary")).isEmpty());
            assertThat(driver.getCurrentUrl()).isEqualTo(browser.web + form);
            assertThat(driver.findElement(By.cssSelector("#error-summary a[href='#field-narrative']"))
                            .getText())
                    .contains("Cela ressemble au numéro de téléphone d’une personne");
            WebElement narrative = driver.findElement(By.id("field-narrative"));
            assertThat(narrative.getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(narrative.getDomAttribute("aria-describedby")).contains("field-narrative-error");
            assertThat(driver.findElement(By.id("field-narrative-error")).getText())
                    .contains("Cela ressemble au numéro de téléphone d’une personne");
            assertThat(narrative.getDomProperty("value")).contains("0772 123456");
            assertThat(value("field-percentComplete")).isEqualTo("40");
            assertThat(value("field-indicators-0--actual")).isEqualTo("58");
            assertThat(driver.findElement(By.id("rag-GREEN")).isSelected()).isTrue();
            checkWithScripts("the refused report in French at 390 px");

            // without the phone number it is published, and My work says so
            browser.focusTop();
            browser.retype(
                    browser.tabToId("field-narrative", 60),
                    "Licences délivrées aux commerçants réfugiés ; l’exonération attend toujours le conseil.");
            browser.tabToId("publish", 15).sendKeys(Keys.ENTER);
            browser.waitFor(d -> d.getCurrentUrl().equals(browser.web + "/")
                    && !d.findElements(By.id("published")).isEmpty());
            assertThat(driver.findElement(By.id("published")).getText())
                    .contains("Votre rapport d’avancement", DemoPlans.MARKET_ACCESS);
            assertThat(driver.findElements(
                            By.cssSelector("#reports li[data-action-id='" + action + "'][data-urgency='LATE']")))
                    .isEmpty();
            checkWithScripts("my work after publishing, in French");

            // the action-plans service has the report as typed
            JsonNode reporting = browser.platform.api.expect(
                    200,
                    "GET",
                    PlatformService.ACTION_PLANS,
                    "/actions/" + action + "/reporting",
                    browser.platform.token("kcca-coordinator"),
                    null,
                    Map.of());
            assertThat(reporting.path("overdue").asBoolean()).isFalse();
            assertThat(reporting.path("lastReport").path("percentComplete").asInt())
                    .isEqualTo(40);
            assertThat(reporting.path("lastReport").path("rag").asString()).isEqualTo("GREEN");
        });
    }

    private String value(String id) {
        return browser.driver.findElement(By.id(id)).getDomProperty("value");
    }

    private void assertNoSidewaysScroll(String page) {
        assertThat((Long) browser.js("return document.documentElement.scrollWidth - window.innerWidth"))
                .as("sideways scroll on %s", page)
                .isLessThanOrEqualTo(0L);
    }

    /**
     * axe-core needs scripts: they are turned on for the check, after making sure the page itself ran none (htmx
     * never loaded), and off again. At 390 px nothing scrolls sideways.
     */
    private void checkWithScripts(String page) {
        browser.scripts(true);
        try {
            assertThat(browser.js("return typeof window.htmx"))
                    .as("htmx on %s", page)
                    .isEqualTo("undefined");
            assertNoSidewaysScroll(page);
            Accessibility.check(browser.driver, page);
        } finally {
            browser.scripts(false);
        }
    }
}
