package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.arrival.local.PlatformService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the web application's browser tests do in the browser: sign in through Keycloak's real login page, wait for
 * a page, run a script, use the keyboard alone, turn the page's scripts off, and show the page when a step fails.
 */
final class Browser {

    private Browser() {}

    static String web(RunningPlatform platform) {
        return platform.settings().baseUrl(PlatformService.WEB);
    }

    /**
     * Nobody signed in, neither here nor at Keycloak: every cookie of the browser goes, from a blank page. Deleting
     * them page by page at times left Keycloak's session behind (its account page redirects while it loads), and the
     * next sign-in went through as the previous user.
     */
    static void signOutEverywhere(WebDriver browser) {
        browser.get("about:blank");
        ((HasCdp) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Signs in as a demo user through Keycloak's login page, reached from the web application with PKCE. */
    static void signIn(WebDriver browser, RunningPlatform platform, String username) {
        String web = web(platform);
        browser.get(web + "/");
        waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
        assertThat(browser.getCurrentUrl())
                .startsWith(platform.settings().issuer())
                .contains("client_id=arrival-bff")
                .contains("code_challenge_method=S256");
        login(browser, username);
        waitFor(
                browser,
                d -> d.getCurrentUrl().startsWith(web)
                        && !d.findElements(By.id("who")).isEmpty());
        assertThat(browser.getCurrentUrl()).doesNotContain("code=");
        // the browser holds the session cookie only, out of scripts' reach; the tokens stay on the server
        org.openqa.selenium.Cookie session = browser.manage().getCookieNamed("ARRIVAL_SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat((String) js(browser, "return document.cookie")).doesNotContain("ARRIVAL_SESSION");
    }

    /** Keycloak's login form, already shown. */
    static void login(WebDriver browser, String username) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("arrival-demo");
        browser.findElement(By.id("kc-login")).click();
    }

    static Object js(WebDriver browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /**
     * Turns the scripts of the pages this browser opens off (or on again), as a person who disabled JavaScript
     * would have it: the pages' own scripts (htmx among them) do not run; the test's scripts still do.
     */
    static void scripts(WebDriver browser, boolean on) {
        ((HasCdp) browser).executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !on));
    }

    /** Waits for the condition; an element replaced while it is read (a page loading, a part swapped) is read again. */
    static <T> T waitFor(WebDriver browser, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /**
     * Presses a button that sends its form and waits until the browser has left the page it was on, so that a notice
     * the old page already showed is not taken for the answer to this one.
     */
    static void submit(WebDriver browser, WebElement button) {
        WebElement page = browser.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
    }

    /** The element that has the keyboard's focus. */
    static WebElement focused(WebDriver browser) {
        return browser.switchTo().activeElement();
    }

    /**
     * Presses Tab until the element with this id has the focus, as a keyboard user moves through a form; fails if
     * it is never reached.
     */
    static WebElement tabTo(WebDriver browser, String id) {
        for (int i = 0; i < 600; i++) {
            WebElement now = focused(browser);
            if (id.equals(now.getDomAttribute("id"))) {
                return now;
            }
            now.sendKeys(Keys.TAB);
        }
        throw new AssertionError("the keyboard never reached #" + id + " from " + browser.getCurrentUrl());
    }

    /** The id of the input a label names (its text holds each of {@code texts}), to reach it by keyboard. */
    static String inputLabelled(WebDriver browser, String scope, String... texts) {
        for (WebElement label : browser.findElements(By.cssSelector(scope + " label"))) {
            String text = label.getText();
            if (Arrays.stream(texts).allMatch(text::contains)) {
                return label.getDomAttribute("for");
            }
        }
        throw new AssertionError("no field labelled '" + String.join("', '", texts) + "' in " + scope + " on "
                + browser.getCurrentUrl());
    }

    /** Runs the steps; when one fails, prints the page the browser was on. */
    static void run(WebDriver browser, Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            System.err.println("page at " + browser.getCurrentUrl() + ":\n" + browser.getPageSource());
            throw e;
        }
    }
}
