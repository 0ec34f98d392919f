package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.arrival.local.PlatformService;
import org.arrival.platform.testing.SystemChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the progress report journey: signing in through Keycloak's own login page, moving with the
 * keyboard, and turning the pages' scripts off and on (Chrome DevTools' emulation), so a form is proved to work
 * as plain HTML.
 */
final class ProgressBrowser implements AutoCloseable {

    private final SystemChromium chromium;
    final WebDriver driver;
    final RunningPlatform platform;
    final String web;

    ProgressBrowser(String test) throws IOException {
        chromium = SystemChromium.start(test, false);
        driver = chromium.driver();
        platform = RunningPlatform.get();
        web = platform.settings().baseUrl(PlatformService.WEB);
    }

    /** No session with the web application nor with Keycloak. */
    void forgetSessions() {
        Browser.signOutEverywhere(driver);
    }

    /** Opens the web application, signs in on Keycloak's login page and comes back to My work. */
    void signIn(String username) {
        driver.get(web + "/");
        waitFor(d -> !d.findElements(By.id("kc-login")).isEmpty());
        assertThat(driver.getCurrentUrl())
                .startsWith(platform.settings().issuer())
                .contains("client_id=arrival-bff");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("arrival-demo");
        driver.findElement(By.id("kc-login")).click();
        waitFor(d -> d.getCurrentUrl().startsWith(web)
                && !d.findElements(By.id("who")).isEmpty());
    }

    /** The page's own scripts (htmx, app.js) on or off, for this tab and the pages it opens next. */
    void scripts(boolean on) {
        ((HasCdp) driver).executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !on));
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until the focused element is the one wanted (at most {@code presses} times), and returns it. */
    WebElement tabTo(Predicate<WebElement> wanted, int presses, String what) {
        for (int i = 0; i < presses && !wanted.test(focused()); i++) {
            focused().sendKeys(Keys.TAB);
        }
        assertThat(wanted.test(focused()))
                .as("Tab reaches %s (focus on %s)", what, describe(focused()))
                .isTrue();
        return focused();
    }

    WebElement tabToId(String id, int presses) {
        return tabTo(e -> id.equals(e.getDomAttribute("id")), presses, "#" + id);
    }

    /** The first Tab on a page just loaded (the focus is on its body), without a script. */
    void focusTop() {
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    }

    /** Replaces the focused field's text by typing. */
    void retype(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Runs the steps; on failure the page's address and source are printed for whoever reads the failure. */
    void run(Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            System.err.println("page at " + driver.getCurrentUrl() + ":\n" + driver.getPageSource());
            throw e;
        }
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    private static String describe(WebElement e) {
        return e.getTagName() + "#" + e.getDomAttribute("id") + " '" + e.getText() + "'";
    }

    @Override
    public void close() throws IOException {
        chromium.close();
    }
}
