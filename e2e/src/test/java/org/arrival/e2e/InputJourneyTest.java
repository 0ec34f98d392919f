package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.arrival.local.DemoForum;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import tools.jackson.databind.JsonNode;

/**
 * The refugee-led association contributes an input to the city's need in a browser whose pages run no scripts, on a
 * phone, with the keyboard alone and in French: the form says the input is the association's own record and never
 * changes the city's need; a phone number in the summary is refused at the field in French, with everything typed
 * kept; once corrected, the input is on the need's page under the association's name, and the need is unchanged.
 */
@ExtendWith(PlatformExtension.class)
class InputJourneyTest {

    private static EvidenceBrowser browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = EvidenceBrowser.withoutScripts("The input journey");
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
    void theAssociationContributesAnInputToTheCitysNeedWithoutJavaScript() {
        RunningPlatform platform = browser.platform;
        JsonNode before = schoolsNeed(platform);
        String needId = before.get("id").asString();
        browser.run(() -> {
            browser.phone();
            browser.signIn("rlo-editor");
            assertThat(browser.pagesRunScripts()).as("the pages run scripts").isFalse();

            // the city's need, found with the list's filters (a plain GET form)
            browser.open("/needs");
            browser.focusTop();
            browser.type("filter-area", "Katwe");
            browser.select("filter-sector", "Education");
            browser.press("apply-filters");
            browser.waitFor(d -> d.getCurrentUrl().contains("area=Katwe")
                    && d.getCurrentUrl().contains("sector=EDUCATION"));
            browser.check("needs in Katwe, without scripts");
            browser.focusTop();
            browser.tabTo(e -> ("/needs/" + needId).equals(e.getDomAttribute("href")), "the schools need", 200)
                    .sendKeys(Keys.ENTER);
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/needs/" + needId));
            assertThat(browser.driver.findElement(By.id("record-title")).getText())
                    .startsWith("Primary schools in Katwe");
            browser.focusTop();
            browser.press("contribute");
            browser.waitFor(d -> !d.findElements(By.id("input-form")).isEmpty());
            assertThat(browser.driver.findElement(By.id("declaration")).getText())
                    .isEqualTo(
                            "This input will be Umoja Refugee Association’s own record. It is shown beside Kampala Capital "
                                    + "City Authority’s need and never changes it: only Kampala Capital City Authority "
                                    + "changes its need.");
            browser.check("the input form, without scripts");

            // in French, by keyboard: a phone number in the summary
            String form = browser.path();
            browser.open("/language?lang=fr&back=" + form);
            browser.waitFor(d -> "fr".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
            assertThat(browser.driver.findElement(By.id("declaration")).getText())
                    .startsWith("Cette contribution sera l’enregistrement propre de Umoja Refugee Association.");
            browser.focusTop();
            browser.choose("kind", "COMMUNITY_CONSULTATION");
            browser.type(
                    "field-summary",
                    "Les parents disent que les classes comptent plus de 90 enfants ; "
                            + "joindre la responsable au 0772 123 456.");
            browser.type("field-provenance", "Réunion des membres d’Umoja à Katwe, animée par deux bénévoles");
            browser.type("field-collectedOn", "10022026");
            assertThat(browser.driver.findElement(By.id("field-collectedOn")).getDomProperty("value"))
                    .isEqualTo("2026-10-02");
            browser.type("field-participants", "3");
            assertThat(browser.driver
                            .findElement(
                                    By.cssSelector("input[name='sharedWithForums'][value='" + platform.forumId + "']"))
                            .isSelected())
                    .as("shared with the forum the need is shared with")
                    .isTrue();
            browser.press("contribute-input");

            browser.waitFor(d -> !d.findElements(By.id("error-summary")).isEmpty());
            assertThat(browser.driver.findElement(By.id("error-summary")).getText())
                    .contains("Il y a un problème");
            assertThat(browser.driver.findElement(By.id("field-summary-error")).getText())
                    .contains("numéro de téléphone")
                    .contains("Arrival ne conserve aucune donnée personnelle");
            assertThat(browser.driver.findElement(By.id("field-summary")).getDomAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(browser.driver.findElement(By.id("field-summary")).getDomAttribute("aria-describedby"))
                    .contains("field-summary-error");
            // everything typed is kept
            assertThat(browser.driver.findElement(By.id("field-summary")).getDomProperty("value"))
                    .contains("0772 123 456");
            assertThat(browser.driver.findElement(By.id("field-provenance")).getDomProperty("value"))
                    .startsWith("Réunion des membres");
            assertThat(browser.driver.findElement(By.id("field-collectedOn")).getDomProperty("value"))
                    .isEqualTo("2026-10-02");
            assertThat(browser.driver.findElement(By.id("field-participants")).getDomProperty("value"))
                    .isEqualTo("3");
            assertThat(browser.driver
                            .findElement(By.cssSelector("input[name='kind'][value='COMMUNITY_CONSULTATION']"))
                            .isSelected())
                    .isTrue();
            assertThat(browser.sidewaysScroll()).isLessThanOrEqualTo(0);
            browser.check("a personal-data refusal in French, without scripts");

            // corrected, by keyboard: the summary link of the error takes the keyboard to the field
            browser.focusTop();
            browser.tabTo(e -> "#field-summary".equals(e.getDomAttribute("href")), "the error's link", 60)
                    .sendKeys(Keys.ENTER);
            if (!"field-summary".equals(browser.active().getDomAttribute("id"))) {
                browser.tabTo("field-summary");
            }
            browser.active().sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            browser.active()
                    .sendKeys("Les parents disent que les classes comptent plus de 90 enfants et que les "
                            + "enfants arrivés en cours d’année attendent un trimestre.");
            browser.press("contribute-input");

            browser.waitFor(d -> d.getCurrentUrl().contains("/needs/" + needId)
                    && !d.findElements(By.id("notice")).isEmpty());
            assertThat(browser.driver.findElement(By.id("notice")).getText())
                    .startsWith("Votre contribution est enregistrée.");
            String ours = browser.driver.findElements(By.cssSelector("#inputs li[data-input-id]")).stream()
                    .map(e -> e.getText())
                    .filter(t -> t.contains("arrivés en cours d’année"))
                    .findFirst()
                    .orElseThrow();
            assertThat(ours)
                    .contains(
                            "Umoja Refugee Association",
                            "Consultation communautaire",
                            "Réunion des membres d’Umoja à Katwe",
                            "3",
                            "Les autres voient :",
                            "moins de 5");
            assertThat(browser.driver.findElement(By.id("inputs")).getText())
                    .contains("ne modifie jamais le besoin de Kampala Capital City Authority");
            assertThat(browser.pagesRunScripts()).as("the pages run scripts").isFalse();
            browser.check("the need with the association's input, in French, without scripts");
            browser.open("/language?lang=en&back=/needs");
        });
        // the city's need is as it was: the input is the association's own record
        JsonNode after = schoolsNeed(platform);
        assertThat(after.get("version").asLong())
                .isEqualTo(before.get("version").asLong());
        assertThat(after.get("statement").asString())
                .isEqualTo(before.get("statement").asString());
    }

    /** The city's need about school places in Katwe, as the city reads it. */
    private static JsonNode schoolsNeed(RunningPlatform platform) {
        JsonNode needs = platform.api.expect(
                200,
                "GET",
                PlatformService.ASSESSMENTS,
                "/needs?owner=" + DemoForum.KCCA + "&sector=EDUCATION&size=200",
                platform.token("kcca-coordinator"),
                null,
                Map.of());
        for (JsonNode n : needs.get("items")) {
            if (n.get("statement").asString().startsWith("Primary schools in Katwe")) {
                return n;
            }
        }
        throw new AssertionError("the demo's need about school places in Katwe");
    }
}
