package org.arrival.e2e;

import java.io.IOException;
import org.arrival.platform.testing.SystemChromium;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

/**
 * One headless Chromium for a test class: started before its tests, closed after them, and before each test at a
 * desktop's width, with scripts on and nobody signed in, here or at Keycloak.
 */
final class BrowserSession implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final String name;
    private SystemChromium chromium;

    BrowserSession(String name) {
        this.name = name;
    }

    WebDriver driver() {
        return chromium.driver();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        chromium = SystemChromium.start(name, false);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        WebDriver browser = driver();
        browser.manage().window().setSize(new Dimension(1366, 900));
        Browser.scripts(browser, true);
        Browser.signOutEverywhere(browser);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }
}
