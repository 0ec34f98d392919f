package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Running the demo forum in the browser, as its chair: the profile's mandate changed, an organisation found by its
 * name seated as observer and its membership ended, both in the forum's history; the flag worklist filtered by check
 * and severity, one flag acknowledged with a reason and another dismissed, each saying who did it and when. An NGO
 * member reads a flag with no buttons, in Arabic on a phone. axe-core on every page.
 */
// changes what the demo shows (flags decided, rounds published, people added): after the tests that read the demo
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(PlatformExtension.class)
class ForumRunningJourneyTest {

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("The forum running journey");

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
    void theChairRunsTheForumAndDecidesOnFlagsAndAMemberOnlyReads() {
        String forum = "/forums/" + platform.forumId;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String newcomer = newOrganisation("Nsambya youth network " + suffix);
        String acknowledged = unfundedActionFlag("Night shelter referral line " + suffix);
        String dismissed = unfundedActionFlag("Rental deposit fund " + suffix);
        Browser.run(browser, () -> {
            browser.get(web + "/language?lang=en&back=" + forum + "/profile");
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            Browser.login(browser, "kcca-coordinator");
            Browser.waitFor(browser, d -> !d.findElements(By.id("profile-form")).isEmpty());
            Accessibility.check(browser, "the forum's profile for its chair");

            // the profile: the mandate gains a sentence, kept as typed
            WebElement mandate = browser.findElement(By.id("field-thematicScope-mandate"));
            String mandateNow = mandate.getDomProperty("value");
            String added = mandateNow + " Reviewed " + suffix + ".";
            mandate.clear();
            mandate.sendKeys(added);
            Browser.submit(browser, browser.findElement(By.id("profile-save")));
            Browser.waitFor(browser, d -> !d.findElements(By.id("running-done")).isEmpty());
            assertThat(browser.findElement(By.id("profile-mandate")).getText()).isEqualTo(added);

            // seats: the new organisation found by name, seated as observer, then its membership ended
            browser.findElement(By.id("nav-members")).click();
            Browser.waitFor(browser, d -> !d.findElements(By.id("find-q")).isEmpty());
            browser.findElement(By.id("find-q")).sendKeys("Nsambya youth network " + suffix);
            browser.findElement(By.id("find-submit")).click();
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("role-" + newcomer)).isEmpty());
            Accessibility.check(browser, "the forum's seats with organisations found");
            new Select(browser.findElement(By.id("role-" + newcomer))).selectByValue("OBSERVER");
            Browser.submit(browser, browser.findElement(By.id("seat-" + newcomer + "-submit")));
            Browser.waitFor(browser, d -> !d.findElements(By.id("running-done")).isEmpty());
            WebElement row = browser.findElement(By.cssSelector("tr[data-stakeholder-id='" + newcomer + "']"));
            assertThat(row.getText()).contains("Nsambya youth network " + suffix, "Observer");
            String membership = row.getDomAttribute("data-membership-id");
            browser.findElement(By.id("end-reason-" + membership)).sendKeys("Seated by mistake");
            Browser.submit(browser, browser.findElement(By.id("end-" + membership)));
            Browser.waitFor(browser, d -> !d.findElements(By.id("running-done")).isEmpty());
            assertThat(browser.findElements(By.cssSelector("tr[data-stakeholder-id='" + newcomer + "']")))
                    .isEmpty();

            browser.findElement(By.id("nav-history")).click();
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("forum-history")).isEmpty());
            String history = browser.findElement(By.id("forum-history")).getText();
            assertThat(history)
                    .contains("Nsambya youth network " + suffix + " seated as Observer")
                    .contains("Nsambya youth network " + suffix + ": membership ended", "Seated by mistake")
                    .contains("Profile changed", "by Kampala Capital City Authority");
            Accessibility.check(browser, "the forum's history");

            // the worklist, by check and the severity the flags have
            browser.get(web + forum + "/flags");
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("worklist-filters")).isEmpty());
            new Select(browser.findElement(By.id("worklist-check"))).selectByValue("ACTION_WITHOUT_FUNDING");
            browser.findElement(By.id("worklist-apply")).click();
            Browser.waitFor(
                    browser,
                    d -> !d.findElements(By.cssSelector("li[data-flag-id='" + acknowledged + "']"))
                            .isEmpty());
            String severity = browser.findElement(By.cssSelector("li[data-flag-id='" + acknowledged + "']"))
                    .getDomAttribute("data-severity");
            new Select(browser.findElement(By.id("worklist-severity"))).selectByValue(severity);
            new Select(browser.findElement(By.id("worklist-sort"))).selectByValue("oldest");
            browser.findElement(By.id("worklist-apply")).click();
            Browser.waitFor(browser, d -> d.getCurrentUrl().contains("severity=" + severity));
            assertThat(browser.findElements(By.cssSelector("#worklist li[data-flag-id]")))
                    .isNotEmpty()
                    .allSatisfy(li -> {
                        assertThat(li.getDomAttribute("data-check")).isEqualTo("ACTION_WITHOUT_FUNDING");
                        assertThat(li.getDomAttribute("data-severity")).isEqualTo(severity);
                    });
            Accessibility.check(browser, "the flag worklist by check and severity");

            decide(acknowledged, "acknowledge", "On the agenda of the next meeting");
            assertThat(browser.findElement(By.id("flag-decided")).getText()).contains("acknowledged");
            String record = browser.findElement(By.id("flag-history")).getText();
            assertThat(record)
                    .contains("Acknowledged", "kcca-coordinator (Kampala Capital City Authority)")
                    .contains("On the agenda of the next meeting", "was Open");
            Accessibility.check(browser, "an acknowledged flag with its history");

            browser.get(web + forum + "/flags/" + dismissed);
            Browser.waitFor(browser, d -> !d.findElements(By.id("flag-dismiss")).isEmpty());
            browser.findElement(By.id("flag-dismiss")).click();
            // no reason: said at the field, and nothing was decided
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("field-reason-error")).isEmpty());
            decide(dismissed, "dismiss", "Funded from the city's own budget");
            assertThat(browser.findElement(By.id("flag-history")).getText())
                    .contains("Dismissed", "kcca-coordinator", "Funded from the city's own budget");
            assertThat(browser.findElements(By.id("flag-decide-form"))).isEmpty();
        });

        // an NGO member reads the acknowledged flag, in Arabic on a phone: no buttons
        Browser.run(browser, () -> {
            Browser.signOutEverywhere(browser);
            browser.get(web + "/language?lang=ar&back=" + forum + "/flags/" + acknowledged);
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            Browser.login(browser, "ngo-editor");
            Browser.waitFor(browser, d -> !d.findElements(By.id("flag-history")).isEmpty());
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir"))
                    .isEqualTo("rtl");
            assertThat(browser.findElements(By.id("flag-decide-form"))).isEmpty();
            assertThat(browser.findElements(By.cssSelector("main button[name='decision']")))
                    .isEmpty();
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.navigate().refresh();
            Browser.waitFor(browser, d -> !d.findElements(By.id("flag-history")).isEmpty());
            assertThat((Long) Browser.js(browser, "return document.documentElement.scrollWidth - window.innerWidth"))
                    .as("sideways scroll")
                    .isLessThanOrEqualTo(0L);
            Accessibility.check(browser, "a flag in Arabic at 390 px for a member");
            browser.manage().window().setSize(new Dimension(1366, 900));
        });
    }

    /** Opens the flag's page and takes the decision with the reason, as the chair. */
    private void decide(String flagId, String decision, String reason) {
        String page = web + "/forums/" + platform.forumId + "/flags/" + flagId;
        if (!browser.getCurrentUrl().startsWith(page)) {
            browser.get(page);
        }
        Browser.waitFor(browser, d -> !d.findElements(By.id("flag-" + decision)).isEmpty());
        WebElement field = browser.findElement(By.id("field-reason"));
        field.clear();
        field.sendKeys(reason);
        browser.findElement(By.id("flag-" + decision)).click();
        Browser.waitFor(browser, d -> !d.findElements(By.id("flag-decided")).isEmpty());
    }

    /** A new organisation, verified and active, registered by the platform's administrator; its id. */
    private String newOrganisation(String name) {
        String admin = platform.token("platform-admin");
        String id = UUID.randomUUID().toString();
        platform.api.expect(
                201,
                "PUT",
                PlatformService.REGISTRY,
                "/stakeholders/" + id,
                admin,
                """
                {"name":"%s","type":"LOCAL_NGO_CSO","governmentLevel":"NOT_GOVERNMENT",
                 "jurisdiction":{"country":"UG","subdivision":"UG-C","areaName":"Nsambya"},
                 "sectors":["EDUCATION"],"formalStatus":"REGISTERED_LEGAL_ENTITY"}""".formatted(name),
                Map.of("If-None-Match", "*"));
        platform.api.expect(
                200, "POST", PlatformService.REGISTRY, "/stakeholders/" + id + "/verify", admin, null, Map.of());
        platform.api.expect(
                200, "POST", PlatformService.REGISTRY, "/stakeholders/" + id + "/activate", admin, null, Map.of());
        return id;
    }

    /** A new action of the city in progress without funding, shared with the forum, and the id of its flag. */
    private String unfundedActionFlag(String title) {
        String city = platform.token("kcca-coordinator");
        JsonNode action = platform.api.expect(
                201,
                "POST",
                PlatformService.ACTION_PLANS,
                "/actions",
                city,
                """
                {"title":"%s","description":"A service of the city for displaced residents",
                 "kind":"SERVICE","sectors":["HOUSING"],"targetGroups":["REFUGEES"],
                 "areas":[{"country":"UG","subdivision":"UG-C","areaName":"Nsambya"}],
                 "startDate":"2026-03-01","endDate":"2027-02-28","reportingCadence":"QUARTERLY",
                 "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(title, platform.forumId),
                Map.of());
        String actionId = action.get("id").asString();
        for (String status : new String[] {"COMMITTED", "IN_PROGRESS"}) {
            platform.api.expect(
                    200,
                    "POST",
                    PlatformService.ACTION_PLANS,
                    "/actions/" + actionId + "/status",
                    city,
                    Map.of("status", status),
                    Map.of());
        }
        // the forum's checks run every minute
        return new WebDriverWait(browser, Duration.ofMinutes(3)).until(d -> {
            JsonNode flags = platform.api
                    .expect(
                            200,
                            "GET",
                            PlatformService.FORUM,
                            "/forums/" + platform.forumId + "/flags?check=ACTION_WITHOUT_FUNDING&size=200",
                            city,
                            null,
                            Map.of())
                    .path("items");
            for (JsonNode flag : flags) {
                for (JsonNode id : flag.path("recordIds")) {
                    if (actionId.equals(id.asString())) {
                        return flag.get("flagId").asString();
                    }
                }
            }
            return null;
        });
    }
}
