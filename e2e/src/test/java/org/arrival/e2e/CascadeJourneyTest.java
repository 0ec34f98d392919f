package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.arrival.local.DemoForum;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The vertical cascade in the browser: the national refugee department commits cities and two other organisations
 * to open one-stop desks; the city's coordinator opens its plan's page, links one of its actions to the commitment
 * from the action's form with a weight, and the commitment's page then shows that action with its weight in the
 * roll-up and the implementers still missing, in Arabic on a phone's width too. The immigration enforcement unit,
 * signed in after it, finds neither the city's restricted action nor the association hidden from it on these pages.
 * axe-core on every page.
 */
// adds a commitment, actions and their flags to the demo forum: after the tests that read the demo
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(PlatformExtension.class)
class CascadeJourneyTest {

    private static final String CITY = "kcca-coordinator";
    private static final String NATIONAL = "opm-refugees-editor";
    private static final String COMMITMENT = "Every city division opens a one-stop desk for new arrivals";
    private static final String DESK = "One-stop desk for new arrivals at the Kisenyi division office";
    private static final String CASEWORK = "Confidential casework for arrivals without papers at the Kisenyi desk";
    private static final String HIDDEN_ASSOCIATION = "Umoja Refugee Association";

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("The cascade journey's browser test");

    private static WebDriver browser;

    @Test
    void theCityLinksItsActionToTheCommitmentAndTheEnforcementUnitSeesNothingRestricted() {
        browser = SESSION.driver();
        RunningPlatform platform = RunningPlatform.get();
        String web = Browser.web(platform);
        String cityPlan = plan(platform, DemoForum.KCCA, CITY, "Kampala for all");
        String commitment = commitment(platform);
        LocalDate start = LocalDate.now().minusMonths(6).withDayOfMonth(1);
        String desk = cityAction(platform, cityPlan, DESK, "FORUM", null, start);
        platform.api.expect(
                200,
                "POST",
                PlatformService.ACTION_PLANS,
                "/actions/" + desk + "/status",
                platform.token(CITY),
                "{\"status\":\"COMMITTED\"}",
                Map.of());
        platform.api.expect(
                200,
                "POST",
                PlatformService.ACTION_PLANS,
                "/actions/" + desk + "/status",
                platform.token(CITY),
                "{\"status\":\"IN_PROGRESS\"}",
                Map.of());
        platform.api.expect(
                201,
                "POST",
                PlatformService.ACTION_PLANS,
                "/actions/" + desk + "/reports",
                platform.token(CITY),
                """
                {"periodStart":"%s","periodEnd":"%s","percentComplete":50,"rag":"GREEN",
                 "narrative":"The desk is furnished and two officers are trained.","indicators":[]}""".formatted(start, start.plusMonths(1).minusDays(1)),
                Map.of());
        cityAction(platform, cityPlan, CASEWORK, "RESTRICTED", commitment, start);

        Browser.run(browser, () -> {
            Browser.signIn(browser, platform, CITY);
            browser.get(web + "/plans/" + cityPlan);
            waitFor(d -> !d.findElements(By.id("plan-table")).isEmpty());
            assertThat(browser.findElement(By.id("plan-actions")).getText()).contains(DESK, CASEWORK);
            Accessibility.check(browser, "a plan's page");

            // from the plan to the action, and from its form to the commitment it implements, with a weight
            browser.findElement(By.linkText(DESK)).click();
            waitFor(d -> !d.findElements(By.id("edit-action")).isEmpty());
            browser.findElement(By.id("edit-action")).click();
            waitFor(d -> !d.findElements(By.id("action-form")).isEmpty());
            Select commitments = new Select(browser.findElement(By.id("field-implementsActionId")));
            assertThat(commitments.getOptions().stream().map(WebElement::getText))
                    .anyMatch(o -> o.contains(COMMITMENT));
            commitments.selectByValue(commitment);
            WebElement weight = browser.findElement(By.id("field-weight"));
            weight.clear();
            weight.sendKeys("3");
            Accessibility.check(browser, "linking an action to a commitment");
            browser.findElement(By.id("save-action")).click();
            waitFor(d -> !d.findElements(By.id("parent-commitment")).isEmpty());
            assertThat(browser.findElement(By.id("parent-commitment")).getText())
                    .contains(COMMITMENT, "3");

            // the commitment's cascade: 3 × 50% and 2 × no report yet make 30%
            browser.findElement(By.cssSelector("#parent-commitment a")).click();
            waitFor(d -> !d.findElements(By.id("cascade-page")).isEmpty());
            browser.findElement(By.id("cascade-page")).click();
            waitFor(d -> !d.findElements(By.id("cascade-children")).isEmpty());
            WebElement row = browser.findElement(By.cssSelector("#cascade-children tr[data-action-id='" + desk + "']"));
            assertThat(row.getText()).contains(DESK, "Kampala Capital City Authority", "60%", "50%");
            assertThat(row.findElement(By.className("weight")).getText()).isEqualTo("3");
            assertThat(browser.findElement(By.id("rollup")).getText()).isEqualTo("30%");
            assertThat(browser.findElement(By.id("missing-implementers")).getText())
                    .contains("Horizon Relief International", HIDDEN_ASSOCIATION)
                    .doesNotContain("Kampala Capital City Authority");
            Accessibility.check(browser, "a commitment's cascade");

            // in Arabic, on a phone
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(web + "/language?lang=ar&back=/actions/" + commitment + "/cascade");
            waitFor(d -> "rtl".equals(d.findElement(By.tagName("html")).getDomAttribute("dir"))
                    && !d.findElements(By.id("cascade-children")).isEmpty());
            assertThat(browser.findElement(By.id("missing-heading")).getText()).isEqualTo("متوقَّعة ولم تربط بعد");
            assertThat((Long) Browser.js(browser, "return document.documentElement.scrollWidth - window.innerWidth"))
                    .as("sideways scroll at 390 px")
                    .isLessThanOrEqualTo(0L);
            Accessibility.check(browser, "a commitment's cascade in Arabic at 390 px");
        });

        // the enforcement unit: the same pages without the restricted action, the roll-up without it
        Browser.signOutEverywhere(browser);
        browser.manage().window().setSize(new Dimension(1366, 900));
        Browser.run(browser, () -> {
            Browser.signIn(browser, platform, "dcic-officer");
            browser.get(web + "/plans/" + cityPlan);
            waitFor(d -> !d.findElements(By.id("plan-table")).isEmpty());
            assertThat(browser.findElement(By.id("plan-actions")).getText()).contains(DESK);
            assertThat(browser.getPageSource()).doesNotContain(CASEWORK);
            Accessibility.check(browser, "a plan's page as the enforcement unit");

            browser.get(web + "/actions/" + commitment + "/cascade");
            waitFor(d -> !d.findElements(By.id("cascade-children")).isEmpty());
            assertThat(browser.findElement(By.id("cascade-children")).getText()).contains(DESK);
            assertThat(browser.findElement(By.id("rollup")).getText()).isEqualTo("50%");
            assertThat(browser.findElement(By.id("missing-implementers")).getText())
                    .contains("Horizon Relief International");
            assertThat(browser.getPageSource()).doesNotContain(CASEWORK, HIDDEN_ASSOCIATION, DemoForum.RLO);
            Accessibility.check(browser, "a commitment's cascade as the enforcement unit");

            browser.get(web + "/actions/" + commitment);
            waitFor(d -> !d.findElements(By.id("record-title")).isEmpty());
            assertThat(browser.getPageSource()).doesNotContain(CASEWORK, HIDDEN_ASSOCIATION);
        });
    }

    /** The plan of the organisation whose title starts so. */
    private static String plan(RunningPlatform platform, String owner, String user, String title) {
        JsonNode items = platform.api
                .expect(
                        200,
                        "GET",
                        PlatformService.ACTION_PLANS,
                        "/plans?owner=" + owner + "&size=50",
                        platform.token(user),
                        null,
                        Map.of())
                .get("items");
        for (JsonNode item : items) {
            if (item.get("title").asString().startsWith(title)) {
                return item.get("id").asString();
            }
        }
        throw new AssertionError("no plan '" + title + "' of " + owner);
    }

    /** The department's commitment in its strategy, expected of the city, the NGO and the association. */
    private static String commitment(RunningPlatform platform) {
        String strategy = plan(platform, DemoForum.OPM, NATIONAL, "National urban refugee response strategy");
        return platform.api
                .expect(
                        201,
                        "POST",
                        PlatformService.ACTION_PLANS,
                        "/actions",
                        platform.token(NATIONAL),
                        """
                        {"planId":"%s","title":"%s","kind":"COMMITMENT","sectors":["RECEPTION"],
                         "targetGroups":["REFUGEES"],"areas":[{"country":"UG"}],"reportingCadence":"SEMI_ANNUAL",
                         "requiresLocalImplementation":true,"expectedImplementers":["%s","%s","%s"],
                         "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(
                                strategy, COMMITMENT, DemoForum.KCCA, DemoForum.NGO, DemoForum.RLO, platform.forumId),
                        Map.of())
                .get("id")
                .asString();
    }

    /** An action of the city in its plan, shared with the forum, implementing a commitment if one is given. */
    private static String cityAction(
            RunningPlatform platform,
            String plan,
            String title,
            String classification,
            String implementing,
            LocalDate start) {
        String link = implementing == null ? "" : ",\"implementsActionId\":\"" + implementing + "\",\"weight\":2";
        return platform.api
                .expect(
                        201,
                        "POST",
                        PlatformService.ACTION_PLANS,
                        "/actions",
                        platform.token(CITY),
                        """
                        {"planId":"%s","title":"%s","kind":"SERVICE","sectors":["RECEPTION"],"targetGroups":["REFUGEES"],
                         "areas":[{"country":"UG","subdivision":"UG-C","areaName":"Kisenyi"}],"startDate":"%s",
                         "endDate":"%s","reportingCadence":"MONTHLY","classification":"%s","sharedWithForums":["%s"]%s}""".formatted(plan, title, start, start.plusYears(2), classification, platform.forumId, link),
                        Map.of())
                .get("id")
                .asString();
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        return Browser.waitFor(browser, condition);
    }
}
