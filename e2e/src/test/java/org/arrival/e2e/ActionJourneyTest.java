package org.arrival.e2e;

import static org.arrival.e2e.Browser.inputLabelled;
import static org.arrival.e2e.Browser.tabTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.arrival.local.DemoEvidence;
import org.arrival.local.DemoForum;
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
import org.openqa.selenium.WindowType;
import tools.jackson.databind.JsonNode;

/**
 * Recording an action in the browser, as the city's coordinator: with scripts turned off and the keyboard alone,
 * every participant, need, checklist gap, framework item and forum chosen by its name; editing it in two windows,
 * where the second save learns what the first changed and keeps both; moving it along its lifecycle to its
 * cancellation, with a milestone and a funding line, on a phone's width and in French. axe-core on every page.
 */
@ExtendWith(PlatformExtension.class)
class ActionJourneyTest {

    private static final String CITY = "kcca-coordinator";

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("The action journey's browser test");

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
    void theCityRecordsAnActionWithScriptsOffAndTheKeyboardAloneChoosingEverythingByName() {
        Browser.run(browser, () -> {
            Browser.signIn(browser, platform, CITY);
            Browser.scripts(browser, false);
            browser.get(web + "/actions");
            waitFor(d -> !d.findElements(By.id("new-action")).isEmpty());
            assertThat(browser.findElement(By.id("ours-table")).getText())
                    .contains("Care without a refugee ID at the Kisenyi health centre");
            checkWithScriptsOff("our actions, scripts off");

            // from the skip link on, the keyboard alone
            Browser.js(browser, "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
            browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            tabTo(browser, "new-action").sendKeys(Keys.ENTER);
            waitFor(d -> d.getCurrentUrl().endsWith("/actions/new")
                    && !d.findElements(By.id("action-form")).isEmpty());
            checkWithScriptsOff("record an action, scripts off");

            String title = "Interpreters for refugee patients at the Kisenyi health centre";
            tabTo(browser, "field-title").sendKeys(title);
            tabTo(browser, "field-description")
                    .sendKeys("HRI seconds two interpreters (Swahili and French) to the"
                            + " registration desk three days a week until KCCA recruits its own.");
            tabTo(browser, "field-kind").sendKeys("Service");
            tabTo(browser, "field-planId").sendKeys("Kampala for all");
            tabTo(browser, inputLabelled(browser, "#field-sectors", "Health")).sendKeys(Keys.SPACE);
            tabTo(browser, inputLabelled(browser, "#field-targetGroups", "Refugees"))
                    .sendKeys(Keys.SPACE);
            tabTo(browser, inputLabelled(browser, "#field-targetGroups", "Asylum seekers"))
                    .sendKeys(Keys.SPACE);
            // the first area starts as the city itself: narrowed to the neighbourhood
            WebElement areaName = tabTo(browser, "field-areas-0--areaName");
            assertThat(areaName.getDomProperty("value")).isEqualTo("Kampala");
            areaName.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Kisenyi");
            assertThat(browser.findElement(By.id("field-areas-0--country")).getDomProperty("value"))
                    .isEqualTo("UG");
            tabTo(browser, "field-areas-0--areaCode").sendKeys("KLA-KISENYI");
            tabTo(browser, "field-startDate").sendKeys("01042027");
            tabTo(browser, "field-endDate").sendKeys("12172027");
            tabTo(browser, "field-reportingCadence").sendKeys("Monthly");
            // the participant chosen by its name from the registry, in its IATI role
            tabTo(browser, "field-participants-0--organisationId").sendKeys("Horizon");
            tabTo(browser, "field-participants-0--role").sendKeys("Implementing");
            tabTo(browser, inputLabelled(browser, "#field-needIds", "Kisenyi health centre"))
                    .sendKeys(Keys.SPACE);
            // the 2026 round's gap: the demo's 2025 round has gaps too
            tabTo(browser, inputLabelled(browser, "#field-gapIds", "9.1.d", DemoEvidence.ROUND_TITLE))
                    .sendKeys(Keys.SPACE);
            tabTo(browser, "framework-SDG").sendKeys(Keys.ENTER);
            tabTo(browser, inputLabelled(browser, "#field-frameworkItems", "SDG-3.8"))
                    .sendKeys(Keys.SPACE);
            assertThat(browser.findElement(By.id("classification-FORUM")).isSelected())
                    .isTrue();
            assertThat(browser.findElement(By.id("classification-RESTRICTED-hint"))
                            .getText())
                    .contains("never an enforcement body");
            tabTo(browser, inputLabelled(browser, "#field-sharedWithForums", "Kampala"))
                    .sendKeys(Keys.SPACE);
            tabTo(browser, "save-action").sendKeys(Keys.ENTER);

            waitFor(d -> !d.findElements(By.id("record-title")).isEmpty());
            assertThat(browser.findElement(By.id("record-title")).getText()).isEqualTo(title);
            assertThat(browser.findElement(By.id("done")).getText()).contains("The action was recorded");
            assertThat(browser.findElement(By.id("about")).getText())
                    .contains(
                            "Kampala Capital City Authority",
                            "Health",
                            "Refugees",
                            "Asylum seekers",
                            "Kisenyi (UG, UG-C, KLA-KISENYI)",
                            "Monthly",
                            "Kampala for all",
                            "Forum members",
                            "Kampala");
            assertThat(browser.findElement(By.id("participants")).getText())
                    .contains("Horizon Relief International · Implementing");
            assertThat(browser.findElement(By.id("links")).getText())
                    .contains("Refugees without a refugee ID", "9.1.d", DemoEvidence.ROUND_TITLE, "SDG-3.8");
            assertThat(browser.findElement(By.id("status")).getText()).contains("Proposed");
            checkWithScriptsOff("the recorded action, scripts off");
        });
    }

    @Test
    void anEditInTwoWindowsTellsTheSecondWhatTheFirstChangedAndKeepsBoth() {
        String id = record(
                "Second shift for Katwe primary schools from the 2027 school year",
                "A second shift in two Katwe primary schools.");
        Browser.run(browser, () -> {
            Browser.signIn(browser, platform, CITY);
            String first = browser.getWindowHandle();
            browser.get(web + "/actions/" + id + "/edit");
            waitFor(d -> !d.findElements(By.id("action-form")).isEmpty());
            Accessibility.check(browser, "edit an action");

            browser.switchTo().newWindow(WindowType.TAB);
            String second = browser.getWindowHandle();
            browser.get(web + "/actions/" + id + "/edit");
            waitFor(d -> !d.findElements(By.id("action-form")).isEmpty());
            WebElement title = browser.findElement(By.id("field-title"));
            title.clear();
            title.sendKeys("Second shift and two classroom blocks for Katwe primary schools");
            browser.findElement(By.id("save-action")).click();
            waitFor(d -> d.getCurrentUrl().endsWith("/actions/" + id));
            browser.close();

            browser.switchTo().window(first);
            WebElement description = browser.findElement(By.id("field-description"));
            description.clear();
            description.sendKeys("A second shift in two Katwe primary schools, with places kept for refugee children.");
            browser.findElement(By.id("save-action")).click();
            waitFor(d -> !d.findElements(By.id("conflict")).isEmpty());
            assertThat(browser.findElement(By.id("error-summary")).getText())
                    .contains("Someone else changed this record");
            WebElement change = browser.findElement(By.cssSelector("#conflict-changes tr[data-field='title']"));
            assertThat(change.getText())
                    .contains(
                            "Second shift and two classroom blocks for Katwe primary schools",
                            "Second shift for Katwe primary schools from the 2027 school year",
                            "The new value");
            assertThat(browser.findElement(By.id("conflict")).getText()).contains("by you");
            // the form holds the other window's title and this window's description, on the new version
            assertThat(browser.findElement(By.id("field-title")).getDomProperty("value"))
                    .isEqualTo("Second shift and two classroom blocks for Katwe primary schools");
            assertThat(browser.findElement(By.id("field-description")).getDomProperty("value"))
                    .contains("places kept for refugee children");
            Accessibility.check(browser, "an edit someone else saved first");

            browser.findElement(By.id("save-action")).click();
            waitFor(d -> d.getCurrentUrl().endsWith("/actions/" + id)
                    && !d.findElements(By.id("done")).isEmpty());
            assertThat(browser.findElement(By.id("record-title")).getText())
                    .isEqualTo("Second shift and two classroom blocks for Katwe primary schools");
            assertThat(browser.findElement(By.id("about")).getText()).contains("places kept for refugee children");
            assertThat(second).isNotEqualTo(first);
        });
    }

    @Test
    void onAPhoneAndInFrenchTheCityMovesItsActionAlongWithAMilestoneAndAFundingLine() {
        LocalDate today = LocalDate.now();
        String id = record("Night shelter for newly arrived families in Nakawa", "Forty beds in a Nakawa school hall.");
        Browser.run(browser, () -> {
            browser.manage().window().setSize(new Dimension(390, 844));
            Browser.signIn(browser, platform, CITY);
            browser.get(web + "/language?lang=fr&back=/actions/" + id);
            waitFor(d -> "fr".equals(d.findElement(By.tagName("html")).getDomAttribute("lang"))
                    && !d.findElements(By.id("lifecycle")).isEmpty());
            assertThat(browser.findElement(By.id("milestones-heading")).getText())
                    .isEqualTo("Jalons");
            noSidewaysScroll();
            Accessibility.check(browser, "an action at 390 px in French");

            // proposed, committed, started, on hold and resumed
            step("COMMITTED", "Engagée");
            step("IN_PROGRESS", "En cours");
            browser.findElement(By.id("lifecycle-reason")).sendKeys("En attente de la salle");
            step("ON_HOLD", "Suspendue");
            step("IN_PROGRESS", "En cours");
            assertThat(browser.findElement(By.id("history")).getText()).contains("En attente de la salle");

            // a milestone, by the keyboard alone; one past its due date is late from the first day
            browser.findElement(By.id("add-milestone")).click();
            waitFor(d -> !d.findElements(By.id("milestone-form")).isEmpty());
            Accessibility.check(browser, "add a milestone at 390 px in French");
            Browser.js(browser, "document.getElementById('form-title').focus()");
            tabTo(browser, "field-title").sendKeys("Quarante lits installés");
            tabTo(browser, "field-dueOn").sendKeys(date(today.minusDays(3)));
            tabTo(browser, "save-milestone").sendKeys(Keys.ENTER);
            waitFor(d -> !d.findElements(By.id("milestone-table")).isEmpty());
            WebElement milestone = browser.findElement(By.cssSelector("#milestone-table tbody tr"));
            assertThat(milestone.getText()).contains("Quarante lits installés", "en retard de 3 jours", "Prévu");
            milestone.findElement(By.cssSelector("button[id^='reach-']")).click();
            waitFor(d -> d.findElement(By.cssSelector("#milestone-table tbody tr"))
                    .getText()
                    .contains("Atteint"));
            noSidewaysScroll();

            // a funding line, and the gap it leaves
            browser.findElement(By.id("add-funding")).click();
            waitFor(d -> !d.findElements(By.id("funding-form")).isEmpty());
            Accessibility.check(browser, "add a funding line at 390 px in French");
            browser.findElement(By.id("field-sourceName")).sendKeys("Budget de la division de Nakawa");
            browser.findElement(By.id("field-currency")).sendKeys("UGX");
            for (String[] amount :
                    new String[][] {{"required", "60000000"}, {"committed", "25000000"}, {"disbursed", "10000000"}}) {
                WebElement field = browser.findElement(By.id("field-" + amount[0]));
                field.clear();
                field.sendKeys(amount[1]);
            }
            browser.findElement(By.id("save-funding")).click();
            waitFor(d -> !d.findElements(By.id("funding-totals")).isEmpty());
            assertThat(browser.findElement(By.id("funding-totals")).getText()).contains("Manque", "35");
            assertThat(browser.findElement(By.id("funding-lines")).getText())
                    .contains("Budget de la division de Nakawa");

            // cancelling needs a reason, said at its field; then the action is closed
            browser.findElement(By.cssSelector("#cancel-action summary")).click();
            browser.findElement(By.id("move-CANCELLED")).click();
            waitFor(d -> !d.findElements(By.cssSelector("#cancel-action .field-error"))
                    .isEmpty());
            assertThat(browser.findElement(By.id("cancel-reason")).getDomAttribute("aria-invalid"))
                    .isEqualTo("true");
            Accessibility.check(browser, "a cancellation without a reason at 390 px in French");
            browser.findElement(By.id("cancel-reason")).sendKeys("La salle n’est plus disponible");
            browser.findElement(By.id("move-CANCELLED")).click();
            waitFor(d -> !d.findElements(By.id("done")).isEmpty()
                    && d.findElement(By.id("status")).getText().contains("Annulée"));
            assertThat(browser.findElements(By.id("lifecycle"))).isEmpty();
            assertThat(browser.findElements(By.id("edit-action"))).isEmpty();
            noSidewaysScroll();
            Accessibility.check(browser, "a cancelled action at 390 px in French");
        });
    }

    /**
     * axe-core on a page loaded without scripts: axe itself needs them, so they are turned on for it, after the
     * page was loaded and without loading it again. The page's own scripts stay as they were, never run: htmx,
     * which every page includes, is not there.
     */
    private void checkWithScriptsOff(String page) {
        Browser.scripts(browser, true);
        try {
            assertThat(Browser.js(browser, "return typeof window.htmx"))
                    .as("the page's scripts never ran")
                    .isEqualTo("undefined");
            Accessibility.check(browser, page);
        } finally {
            Browser.scripts(browser, false);
        }
    }

    /** Takes a lifecycle step with its button and waits for the page to say where the action is now. */
    private void step(String status, String shown) {
        browser.findElement(By.id("move-" + status)).click();
        waitFor(d -> !d.findElements(By.id("done")).isEmpty()
                && d.findElement(By.id("status")).getText().contains(shown));
    }

    private void noSidewaysScroll() {
        assertThat((Long) Browser.js(browser, "return document.documentElement.scrollWidth - window.innerWidth"))
                .as("sideways scroll on " + browser.getCurrentUrl())
                .isLessThanOrEqualTo(0L);
    }

    /** A date as typed into Chromium's date field in US English: month, day, year. */
    private static String date(LocalDate d) {
        return String.format("%02d%02d%04d", d.getMonthValue(), d.getDayOfMonth(), d.getYear());
    }

    /** An action the city records through the API, shared with the forum; it starts proposed. */
    private String record(String title, String description) {
        LocalDate today = LocalDate.now();
        JsonNode created = platform.api.expect(
                201,
                "POST",
                PlatformService.ACTION_PLANS,
                "/actions",
                platform.token(CITY),
                """
                {"title":"%s","description":"%s","kind":"SERVICE","sectors":["EDUCATION"],
                 "targetGroups":["REFUGEES"],"areas":[{"country":"UG","subdivision":"UG-C","areaName":"Kampala"}],
                 "startDate":"%s","endDate":"%s","reportingCadence":"QUARTERLY",
                 "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(title, description, today.minusDays(60), today.plusDays(300), platform.forumId),
                Map.of());
        assertThat(created.get("ownerId").asString()).isEqualTo(DemoForum.KCCA);
        return created.get("id").asString();
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        return Browser.waitFor(browser, condition);
    }
}
