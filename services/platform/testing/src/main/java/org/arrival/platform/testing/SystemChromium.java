package org.arrival.platform.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium, headless, driven through the system's ChromeDriver (never a downloaded one) with a profile
 * of its own that {@link #close} deletes. For the web application's browser tests; they bring selenium-java themselves.
 */
public final class SystemChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path profile;

    private SystemChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts the browser, or fails the test with the command that installs it.
     *
     * @param test what needs it, for the failure message
     * @param consoleLog whether the page's console messages are kept for the test to read
     */
    public static SystemChromium start(String test, boolean consoleLog) throws IOException {
        return start(test, consoleLog, Map.of());
    }

    /**
     * Starts the browser with preferences of its profile, e.g.
     * {@code profile.managed_default_content_settings.javascript} at 2 for a browser whose pages run no scripts.
     */
    public static SystemChromium start(String test, boolean consoleLog, Map<String, Object> preferences)
            throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail(test + " needs the system Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install them with `apt-get install -y chromium chromium-driver`");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("arrival-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1280,1000",
                "--lang=en-US");
        if (!preferences.isEmpty()) {
            options.setExperimentalOption("prefs", preferences);
        }
        if (consoleLog) {
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new SystemChromium(new ChromeDriver(service, options), profile);
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
