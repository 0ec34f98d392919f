package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.arrival.local.DemoForum;
import org.arrival.local.PlatformService;
import org.arrival.platform.testing.SystemChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web application's journeys in headless Chromium: signing in through Keycloak's real login page as a demo user,
 * the phone's width, the keyboard alone, and axe-core on the pages visited. A browser whose pages run no scripts
 * (JavaScript turned off in its profile's preferences) proves that a form works without them; axe-core, a script,
 * then checks each page it received in a second browser, as that page's HTML.
 */
final class EvidenceBrowser implements AutoCloseable {

    /** The profile preference that turns JavaScript off for every page. */
    static final Map<String, Object> NO_SCRIPTS = Map.of("profile.managed_default_content_settings.javascript", 2);

    final RunningPlatform platform;
    final String web;
    final WebDriver driver;
    private final SystemChromium chromium;
    /** For a browser without scripts: the browser axe-core runs in. */
    private final EvidenceBrowser checker;

    private EvidenceBrowser(String test, Map<String, Object> preferences, EvidenceBrowser checker) throws IOException {
        this.platform = RunningPlatform.get();
        this.web = platform.settings().baseUrl(PlatformService.WEB);
        this.chromium = SystemChromium.start(test, false, preferences);
        this.driver = chromium.driver();
        this.checker = checker;
    }

    static EvidenceBrowser start(String test) throws IOException {
        return new EvidenceBrowser(test, Map.of(), null);
    }

    /** A browser whose pages run no scripts, with a second one (scripts on) for the accessibility checks. */
    static EvidenceBrowser withoutScripts(String test) throws IOException {
        return new EvidenceBrowser(
                test, NO_SCRIPTS, new EvidenceBrowser(test + " (accessibility checks)", Map.of(), null));
    }

    /** Signed out of the web application and of Keycloak, at a desktop's width. */
    void fresh() {
        desktop();
        Browser.signOutEverywhere(driver);
    }

    void desktop() {
        driver.manage().window().setSize(new Dimension(1366, 900));
    }

    void phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    /** Signs in through Keycloak's own login page, reached with a PKCE challenge for the web application. */
    void signIn(String username) {
        driver.get(web + "/");
        waitFor(d -> !d.findElements(By.id("kc-login")).isEmpty());
        assertThat(driver.getCurrentUrl())
                .startsWith(platform.settings().issuer())
                .contains("client_id=arrival-bff")
                .contains("code_challenge_method=S256");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoForum.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        waitFor(d -> d.getCurrentUrl().startsWith(web)
                && !d.findElements(By.id("who")).isEmpty());
    }

    void open(String path) {
        driver.get(web + path);
    }

    /** The path and query of the page shown. */
    String path() {
        return driver.getCurrentUrl().substring(web.length());
    }

    /** axe-core on the page shown; without scripts, on its HTML in the second browser. */
    void check(String page) {
        if (checker == null) {
            Accessibility.check(driver, page);
            return;
        }
        try {
            // the same HTML, its style sheets and links from the web application
            String html = driver.getPageSource().replaceFirst("<head>", "<head><base href=\"" + web + "/\">");
            Path file = Files.createTempFile("arrival-page-", ".html");
            try {
                Files.writeString(file, html);
                checker.driver
                        .manage()
                        .window()
                        .setSize(driver.manage().window().getSize());
                checker.driver.get(file.toUri().toString());
                Accessibility.check(checker.driver, page);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the pages run scripts: a page's own script sets nothing when they do not. */
    boolean pagesRunScripts() {
        return Boolean.TRUE.equals(js("return typeof window.htmx !== 'undefined'"));
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Waits for the condition; an element replaced while it is read (a page loading, a part swapped) is read again. */
    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Runs the steps; on a failure, prints the page for whoever reads it. */
    void run(Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            System.err.println("page at " + driver.getCurrentUrl() + ":\n" + driver.getPageSource());
            throw e;
        }
    }

    // ---- the keyboard alone

    /** Focus at the top of the page, as after it loaded. */
    void focusTop() {
        js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
    }

    WebElement active() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until the focused element is the one sought; fails after {@code most} presses. */
    WebElement tabTo(Predicate<WebElement> sought, String what, int most) {
        if (sought.test(active())) {
            return active();
        }
        for (int i = 0; i < most; i++) {
            active().sendKeys(Keys.TAB);
            if (sought.test(active())) {
                return active();
            }
        }
        throw new AssertionError("Tab did not reach " + what + " in " + most + " presses; at " + active().getTagName()
                + "#" + active().getDomAttribute("id"));
    }

    WebElement tabTo(String id) {
        return tabTo(e -> id.equals(e.getDomAttribute("id")), "#" + id, 200);
    }

    /** Tabs to the field and types into it. */
    void type(String id, CharSequence... keys) {
        tabTo(id).sendKeys(keys);
    }

    /** Tabs to the checkbox or radio button with this name and value and presses Space. */
    void tick(String name, String value) {
        WebElement box = tabTo(
                e -> name.equals(e.getDomAttribute("name")) && value.equals(e.getDomAttribute("value")),
                name + "=" + value,
                200);
        box.sendKeys(Keys.SPACE);
        assertThat(box.isSelected()).as("%s=%s ticked", name, value).isTrue();
    }

    /** Tabs into the group of radio buttons with this name and moves to the value with the arrow keys. */
    void choose(String name, String value) {
        tabTo(e -> name.equals(e.getDomAttribute("name")), name, 200);
        for (int i = 0; i < 30 && !value.equals(active().getDomAttribute("value")); i++) {
            active().sendKeys(Keys.ARROW_DOWN);
        }
        if (!active().isSelected()) {
            active().sendKeys(Keys.SPACE);
        }
        assertThat(active().getDomAttribute("value")).isEqualTo(value);
        assertThat(active().isSelected()).as("%s=%s chosen", name, value).isTrue();
    }

    /** Tabs to the select and types the start of an option's label, as a keyboard user picks it. */
    void select(String id, String label) {
        tabTo(id).sendKeys(label);
        assertThat(new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(id)))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo(label);
    }

    /** Tabs to the button or link with this id and presses Enter. */
    void press(String id) {
        tabTo(id).sendKeys(Keys.ENTER);
    }

    /** How far the page scrolls sideways (0 or less: not at all). */
    long sidewaysScroll() {
        return ((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
    }

    @Override
    public void close() throws IOException {
        chromium.close();
        if (checker != null) {
            checker.close();
        }
    }
}
