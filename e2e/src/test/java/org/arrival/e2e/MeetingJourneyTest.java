package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.local.DemoForum;
import org.arrival.local.DemoMeetings;
import org.arrival.local.DemoPlans;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * A forum meeting in the browser, signed in through Keycloak's login page: the chair schedules it with an agenda item
 * naming the city's health action, records who came, marks it held, writes the minutes and records a decision that
 * gives work to the NGO; the NGO finds the work in My work, takes it on with a new action of its own and reports
 * progress on it; the chair reads that progress under the decision. The enforcement unit reads the demo's meetings
 * and decisions without the restricted action or the hidden association. axe-core on every page.
 */
// adds a meeting, a decision and an action to the demo: after the tests that read the demo
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(PlatformExtension.class)
class MeetingJourneyTest {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("MMddyyyy");

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("The meeting journey");

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
    void theChairRecordsADecisionTheNgoTakesItOnAndItsProgressShowsUnderTheDecision() {
        String forum = "/forums/" + platform.forumId;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String title = "Extraordinary meeting " + suffix;
        String work = "Run one health escort service in Kisenyi " + suffix;
        String narrative = "Escorts began in two parishes " + suffix;
        LocalDate today = LocalDate.now();
        String[] meeting = new String[1];
        String[] assignment = new String[1];

        // the chair: schedule, attendance, held, minutes, a decision giving work to the NGO
        Browser.run(browser, () -> {
            browser.get(web + "/language?lang=en&back=" + forum + "/meetings");
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            Browser.login(browser, "kcca-coordinator");
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("schedule-form")).isEmpty());
            assertThat(browser.findElement(By.id("meeting-list")).getText())
                    .contains(DemoMeetings.SEPTEMBER, DemoMeetings.NOVEMBER);
            Accessibility.check(browser, "the forum's meetings for its chair");

            browser.findElement(By.id("field-title")).sendKeys(title);
            browser.findElement(By.id("field-date")).sendKeys(today.format(TYPED));
            browser.findElement(By.id("field-place")).sendKeys("City Hall, committee room 2");
            browser.findElement(By.id("field-agenda-0--title")).sendKeys("Health escorts in Kisenyi");
            Select record = new Select(browser.findElement(By.id("field-agenda-0--record")));
            record.getOptions().stream()
                    .filter(o -> o.getText().contains(DemoPlans.HEALTH_ACCESS))
                    .findFirst()
                    .orElseThrow()
                    .click();
            Browser.submit(browser, browser.findElement(By.id("schedule-submit")));
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("attendance-form")).isEmpty());
            meeting[0] = browser.getCurrentUrl().replaceAll(".*/meetings/([0-9a-f-]{36}).*", "$1");
            assertThat(browser.findElement(By.id("agenda-items")).getText())
                    .contains("Health escorts in Kisenyi", DemoPlans.HEALTH_ACCESS);
            Accessibility.check(browser, "a scheduled meeting for its chair");

            attend(DemoForum.KCCA, "PRESENT");
            attend(DemoForum.NGO, "PRESENT");
            attend(DemoForum.OPM, "APOLOGIES");
            Browser.submit(browser, browser.findElement(By.id("attendance-save")));
            Browser.waitFor(browser, d -> !d.findElements(By.id("meeting-done")).isEmpty());
            Browser.submit(browser, browser.findElement(By.id("step-held")));
            Browser.waitFor(browser, d -> !d.findElements(By.id("minutes-form")).isEmpty());
            browser.findElement(By.id("field-minutes")).sendKeys("Two escort services run in Kisenyi; one is enough.");
            Browser.submit(browser, browser.findElement(By.id("minutes-save")));
            Browser.waitFor(browser, d -> !d.findElements(By.id("meeting-done")).isEmpty());
            assertThat(browser.findElement(By.id("minutes")).getText()).contains("one is enough");

            browser.findElement(By.id("field-text"))
                    .sendKeys("The NGO leads one health escort service in Kisenyi " + suffix);
            new Select(browser.findElement(By.id("field-type"))).selectByValue("ASSIGN_ACTION");
            new Select(browser.findElement(By.id("field-method"))).selectByValue("CONSENSUS");
            new Select(browser.findElement(By.id("field-assignments-0--assigneeId"))).selectByValue(DemoForum.NGO);
            browser.findElement(By.id("field-assignments-0--expected")).sendKeys(work);
            browser.findElement(By.id("field-assignments-0--dueOn"))
                    .sendKeys(today.plusWeeks(2).format(TYPED));
            Browser.submit(browser, browser.findElement(By.id("decision-save")));
            Browser.waitFor(
                    browser,
                    d -> !d.findElements(By.cssSelector("#decision-list tr[data-assignment-id]"))
                            .isEmpty());
            WebElement row = browser.findElement(By.cssSelector("#decision-list tr[data-assignment-id]"));
            assertThat(row.getText()).contains("Horizon Relief International", work);
            assignment[0] = row.getDomAttribute("data-assignment-id");
            assertThat(browser.findElement(By.id("attendance")).getText())
                    .contains("Kampala Capital City Authority", "Horizon Relief International");
            Accessibility.check(browser, "a held meeting with its decision");
        });

        // the NGO: My work names the work; a new action takes it on; a progress report on it
        String[] action = new String[1];
        Browser.run(browser, () -> {
            Browser.signOutEverywhere(browser);
            browser.get(web + "/language?lang=en&back=/");
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            Browser.login(browser, "ngo-editor");
            Browser.waitFor(
                    browser,
                    d -> !d.findElements(By.cssSelector("#assignments [data-assignment-id='" + assignment[0] + "']"))
                            .isEmpty());
            WebElement mine =
                    browser.findElement(By.cssSelector("#assignments [data-assignment-id='" + assignment[0] + "']"));
            assertThat(mine.getText()).contains(work);
            Accessibility.check(browser, "My work with the work the forum gave");
            mine.findElement(By.cssSelector("a[href='/assignments/" + assignment[0] + "']"))
                    .click();
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("accept-new-action")).isEmpty());
            Accessibility.check(browser, "an assignment for its assignee");
            browser.findElement(By.id("accept-new-action")).click();
            Browser.waitFor(browser, d -> !d.findElements(By.id("action-form")).isEmpty());
            assertThat(browser.findElement(By.id("field-title")).getDomProperty("value"))
                    .isEqualTo(work);
            new Select(browser.findElement(By.id("field-kind"))).selectByValue("SERVICE");
            browser.findElement(By.cssSelector("#field-sectors input[value='HEALTH']"))
                    .click();
            browser.findElement(By.cssSelector("#field-targetGroups input[value='REFUGEES']"))
                    .click();
            browser.findElement(By.id("field-startDate"))
                    .sendKeys(today.minusMonths(1).format(TYPED));
            new Select(browser.findElement(By.id("field-reportingCadence"))).selectByValue("MONTHLY");
            Accessibility.check(browser, "a new action taking on an assignment");
            Browser.submit(browser, browser.findElement(By.id("save-action")));
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("linked-action")).isEmpty());
            assertThat(browser.findElement(By.id("assignment")).getText()).contains("Accepted");
            action[0] = browser.findElement(By.cssSelector("#linked-action a"))
                    .getDomAttribute("href")
                    .replace("/actions/", "");
            Accessibility.check(browser, "an accepted assignment with its action");

            // the action is the NGO's own: it starts the work, then reports on it
            browser.findElement(By.cssSelector("#linked-action a")).click();
            Browser.waitFor(browser, d -> !d.findElements(By.id("lifecycle")).isEmpty());
            step("COMMITTED", "Committed");
            step("IN_PROGRESS", "In progress");
            browser.get(web + "/actions/" + action[0] + "/reports/new");
            Browser.waitFor(browser, d -> !d.findElements(By.id("report-form")).isEmpty());
            WebElement start = browser.findElement(By.id("field-periodStart"));
            if (start.getDomProperty("value").isBlank()) {
                start.sendKeys(today.minusMonths(1).format(TYPED));
                browser.findElement(By.id("field-periodEnd")).sendKeys(today.format(TYPED));
            }
            browser.findElement(By.id("field-percentComplete")).sendKeys("10");
            browser.findElement(By.id("rag-GREEN")).click();
            browser.findElement(By.id("field-narrative")).sendKeys(narrative);
            Browser.submit(browser, browser.findElement(By.id("publish")));
            Browser.waitFor(browser, d -> !d.findElements(By.id("published")).isEmpty());
        });

        // the chair: the decision's work, its action and the progress reported on it
        Browser.run(browser, () -> {
            Browser.signOutEverywhere(browser);
            browser.get(web + "/language?lang=en&back=" + forum + "/decisions");
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            Browser.login(browser, "kcca-coordinator");
            Browser.waitFor(browser, d -> !d.findElements(By.id("outcomes")).isEmpty());
            // the forum view hears of the acceptance and the report a moment after they happen
            Browser.waitFor(browser, d -> {
                List<WebElement> rows =
                        d.findElements(By.cssSelector("#outcomes [data-assignment-id='" + assignment[0] + "']"));
                if (!rows.isEmpty() && rows.get(0).getText().contains(narrative)) {
                    return true;
                }
                d.navigate().refresh();
                return false;
            });
            WebElement row =
                    browser.findElement(By.cssSelector("#outcomes [data-assignment-id='" + assignment[0] + "']"));
            assertThat(row.getText()).contains("Horizon Relief International", "Accepted", work, narrative);
            Accessibility.check(browser, "what came of the forum's decisions");

            browser.get(web + forum + "/meetings/" + meeting[0] + "/pack");
            Browser.waitFor(browser, d -> !d.findElements(By.tagName("h1")).isEmpty());
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains(title, "Health escorts in Kisenyi", DemoPlans.HEALTH_ACCESS);
            Accessibility.check(browser, "a meeting's pack");
            // the file the secretariat sends: one HTML document, as an attachment
            @SuppressWarnings("unchecked")
            List<String> file = (List<String>) ((JavascriptExecutor) browser)
                    .executeAsyncScript(
                            "const done = arguments[arguments.length - 1];"
                                    + " fetch(arguments[0]).then(r => r.text().then("
                                    + "t => done([r.headers.get('Content-Disposition') || '', t])));",
                            web + forum + "/meetings/" + meeting[0] + "/pack.html");
            assertThat(file.get(0)).startsWith("attachment");
            assertThat(file.get(1)).contains("lang=\"en\"", title, DemoPlans.HEALTH_ACCESS);
        });
        JsonNode linked = platform.api.expect(
                200,
                "GET",
                PlatformService.REGISTRY,
                "/assignments/" + assignment[0],
                platform.token("kcca-coordinator"),
                null,
                Map.of());
        assertThat(linked.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(linked.get("actionId").asString()).isEqualTo(action[0]);
    }

    @Test
    void theEnforcementUnitReadsTheMeetingsWithoutTheRestrictedActionOrTheHiddenAssociation() {
        String forum = "/forums/" + platform.forumId;
        String legalAid = platform.api
                .expect(
                        200,
                        "GET",
                        PlatformService.FORUM,
                        forum + "/tracker?size=100",
                        platform.token("ngo-editor"),
                        null,
                        Map.of())
                .get("items")
                .valueStream()
                .filter(i -> DemoPlans.LEGAL_AID.equals(i.get("title").asString()))
                .findFirst()
                .orElseThrow()
                .get("actionId")
                .asString();
        JsonNode meetings = platform.api.expect(
                200,
                "GET",
                PlatformService.REGISTRY,
                forum + "/meetings",
                platform.token("kcca-coordinator"),
                null,
                Map.of());
        String september = meetings.get("items")
                .valueStream()
                .filter(m -> DemoMeetings.SEPTEMBER.equals(m.get("title").asString()))
                .findFirst()
                .orElseThrow()
                .get("meetingId")
                .asString();
        List<String> secrets = List.of(DemoPlans.LEGAL_AID, legalAid, "Umoja", DemoForum.RLO);

        Browser.run(browser, () -> {
            Browser.signOutEverywhere(browser);
            browser.get(web + "/language?lang=en&back=" + forum + "/meetings/" + september);
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            Browser.login(browser, "dcic-officer");
            for (String path : List.of(
                    forum + "/meetings/" + september,
                    forum + "/meetings",
                    forum + "/decisions",
                    forum + "/meetings/" + september + "/pack")) {
                browser.get(web + path);
                Browser.waitFor(browser, d -> !d.findElements(By.tagName("h1")).isEmpty());
                String source = browser.getPageSource();
                for (String secret : secrets) {
                    assertThat(source).as(path).doesNotContain(secret);
                }
            }
            browser.get(web + forum + "/meetings/" + september);
            Browser.waitFor(browser, d -> !d.findElements(By.id("agenda-items")).isEmpty());
            assertThat(browser.findElement(By.id("agenda-items")).getText())
                    .contains("Referrals for people without documents", DemoPlans.HEALTH_ACCESS);
            assertThat(browser.findElements(By.id("attendance-form"))).isEmpty();
            browser.get(web + forum + "/decisions");
            Browser.waitFor(browser, d -> !d.findElements(By.id("outcomes")).isEmpty());
            // the decision is the forum's; the work it gave the hidden association is not shown
            assertThat(browser.findElement(By.id("outcomes")).getText()).contains(DemoMeetings.WATER_VIEWS);
            browser.get(web + forum + "/meetings/" + september);
            Browser.waitFor(browser, d -> !d.findElements(By.id("agenda-items")).isEmpty());
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.navigate().refresh();
            Browser.waitFor(browser, d -> !d.findElements(By.id("agenda-items")).isEmpty());
            assertThat((Long) Browser.js(browser, "return document.documentElement.scrollWidth - window.innerWidth"))
                    .as("sideways scroll")
                    .isLessThanOrEqualTo(0L);
            Accessibility.check(browser, "a past meeting for the enforcement unit at 390 px");
            browser.manage().window().setSize(new Dimension(1366, 900));
        });
    }

    /** Takes a lifecycle step of the action with its button and waits for the page to say where it is now. */
    private static void step(String status, String shown) {
        Browser.submit(browser, browser.findElement(By.id("move-" + status)));
        Browser.waitFor(
                browser,
                d -> !d.findElements(By.id("done")).isEmpty()
                        && d.findElement(By.id("status")).getText().contains(shown));
    }

    /** Marks the organisation's attendance on the meeting page's form. */
    private static void attend(String organisation, String status) {
        WebElement hidden = browser.findElement(
                By.cssSelector("#attendance-form input[type='hidden'][value='" + organisation + "']"));
        String field = hidden.getDomAttribute("name").replace(".stakeholderId", ".status");
        browser.findElement(By.cssSelector("#attendance-form input[name='" + field + "'][value='" + status + "']"))
                .click();
    }
}
