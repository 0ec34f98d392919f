package org.arrival.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.arrival.local.PlatformService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A forum member signs in to the dashboard through the real Keycloak login page (authorization code with PKCE) and
 * sees the forum change live when another member records an action.
 */
@ExtendWith(PlatformExtension.class)
class DashboardSignInTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The dashboard's sign-in test needs the system Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": install them with `apt-get install -y chromium chromium-driver`");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("arrival-e2e-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-US");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
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
