package org.arrival.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.arrival.local.PlatformService;
import org.arrival.platform.testing.SystemChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forum member signs in to the dashboard through the real Keycloak login page (authorization code with PKCE) and
 * sees the forum change live when another member records an action.
 */
@ExtendWith(PlatformExtension.class)
class DashboardSignInTest {

    private static WebDriver browser;
    private static SystemChromium chromium;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = SystemChromium.start("The dashboard's sign-in test", false);
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aMemberSignsInThroughKeycloakAndSeesANewActionArriveLive() {
        RunningPlatform platform = RunningPlatform.get();
        String dashboard = platform.settings().baseUrl(PlatformService.FORUM) + "/dashboard/";
        try {
            browser.get(dashboard);
            waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            browser.findElement(By.id("sign-in")).click();

            // Keycloak's own login page, reached with a PKCE challenge for the dashboard's public client
            waitFor(d -> !d.findElements(By.id("kc-login")).isEmpty());
            assertThat(browser.getCurrentUrl()).startsWith(platform.settings().issuer())
                    .contains("client_id=arrival-web").contains("code_challenge_method=S256");
            browser.findElement(By.id("username")).sendKeys("donor-viewer");
            browser.findElement(By.id("password")).sendKeys("arrival-demo");
            browser.findElement(By.id("kc-login")).click();
            waitFor(d -> d.getCurrentUrl().startsWith(dashboard)
                    && "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready"))
                    && !d.findElements(By.cssSelector("a[data-forum-id='" + platform.forumId + "']")).isEmpty());
            assertThat(browser.getCurrentUrl()).doesNotContain("code=");
            assertThat(browser.findElement(By.id("who")).getText()).contains("donor-viewer");

            browser.findElement(By.cssSelector("a[data-forum-id='" + platform.forumId + "']")).click();
            waitFor(d -> d.findElement(By.id("forum-name")).getText().contains("Kampala")
                    && !d.findElements(By.cssSelector("#tracker-table tbody tr[data-action-id]")).isEmpty());
            waitFor(d -> "live".equals(d.findElement(By.id("live-state")).getDomAttribute("data-state")));

            // another member records an action shared with the forum; the page shows it without a reload
            ((JavascriptExecutor) browser).executeScript("window.arrivalMarker = 'same page';");
            String action = platform.api.expect(201, "POST", PlatformService.ACTION_PLANS, "/actions",
                    platform.token("ngo-editor"), """
                    {"title":"Evening legal clinic for urban refugees in Katwe",
                     "kind":"SERVICE","sectors":["LEGAL_STATUS"],"targetGroups":["REFUGEES"],
                     "areas":[{"country":"UG","subdivision":"UG-C","areaName":"Katwe"}],
                     "startDate":"2026-12-01","endDate":"2027-06-30","reportingCadence":"MONTHLY",
                     "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(platform.forumId), Map.of())
                    .get("id").asString();
            waitFor(d -> !d.findElements(By.cssSelector("tr[data-action-id='" + action + "']")).isEmpty());
            assertThat(browser.findElement(By.cssSelector("tr[data-action-id='" + action + "']")).getText())
                    .contains("Evening legal clinic", "Horizon Relief International");
            assertThat(((JavascriptExecutor) browser).executeScript("return window.arrivalMarker"))
                    .isEqualTo("same page");
        } catch (RuntimeException | AssertionError e) {
            System.err.println("dashboard at " + browser.getCurrentUrl() + ":\n" + browser.getPageSource());
            throw e;
        }
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }
}
