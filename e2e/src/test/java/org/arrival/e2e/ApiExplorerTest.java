package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * An integrator tries the API in a service's Swagger UI: "Authorize" signs them in on Keycloak's own login page
 * (the realm's public client, PKCE), and "Try it out" then answers with their data, not 401. The page describes no
 * caller parameter and shows an example request for a write.
 */
@ExtendWith(PlatformExtension.class)
class ApiExplorerTest {

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("The API explorer");

    @Test
    void anIntegratorSignsInThroughKeycloakAndTriesAnOperation() {
        WebDriver browser = SESSION.driver();
        RunningPlatform platform = RunningPlatform.get();
        String registry = platform.settings().baseUrl(PlatformService.REGISTRY);
        Browser.run(browser, () -> {
            Browser.signOutEverywhere(browser);
            browser.get(registry + "/swagger-ui/index.html");
            Browser.waitFor(
                    browser, d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());
            assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("platformAdmin");

            String page = browser.getWindowHandle();
            browser.findElement(By.cssSelector("button.authorize")).click();
            WebElement keycloak = Browser.waitFor(
                    browser,
                    d -> d.findElements(By.cssSelector(".auth-container")).stream()
                            .filter(c -> c.getText().contains("keycloak"))
                            .findFirst()
                            .orElse(null));
            assertThat(keycloak.getText()).contains("authorizationCode with PKCE");
            assertThat(keycloak.findElement(By.cssSelector("input[id^='client_id']"))
                            .getDomProperty("value"))
                    .isEqualTo("arrival-swagger");
            keycloak.findElement(By.cssSelector("button.authorize")).click();

            Browser.waitFor(browser, d -> d.getWindowHandles().size() == 2);
            String popup = browser.getWindowHandles().stream()
                    .filter(h -> !h.equals(page))
                    .findFirst()
                    .orElseThrow();
            browser.switchTo().window(popup);
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            assertThat(browser.getCurrentUrl())
                    .startsWith(platform.settings().issuer())
                    .contains("client_id=arrival-swagger")
                    .contains("code_challenge_method=S256");
            Browser.login(browser, "donor-viewer");
            browser.switchTo().window(page);
            Browser.waitFor(browser, d -> d.getWindowHandles().size() == 1);
            Browser.waitFor(
                    browser,
                    d -> d.findElements(By.cssSelector(".auth-container")).stream()
                            .anyMatch(c -> c.getText().contains("keycloak")
                                    && c.getText().contains("Logout")));
            browser.findElement(By.cssSelector("button.close-modal")).click();

            WebElement list = operation(browser, "get", "/stakeholders");
            list.findElement(By.cssSelector(".opblock-summary-control")).click();
            Browser.waitFor(
                    browser,
                    d -> !list.findElements(By.cssSelector("button.try-out__btn"))
                            .isEmpty());
            list.findElement(By.cssSelector("button.try-out__btn")).click();
            list.findElement(By.cssSelector("button.execute")).click();
            WebElement status =
                    Browser.waitFor(
                            browser,
                            d -> list
                                    .findElements(
                                            By.cssSelector(".live-responses-table tr.response .response-col_status"))
                                    .stream()
                                    .findFirst()
                                    .orElse(null));
            assertThat(status.getText()).isEqualTo("200");
            assertThat(list.findElement(By.cssSelector(".live-responses-table")).getText())
                    .contains("Kampala Capital City Authority");

            WebElement create = operation(browser, "post", "/stakeholders");
            create.findElement(By.cssSelector(".opblock-summary-control")).click();
            WebElement example = Browser.waitFor(
                    browser,
                    d -> create.findElements(By.cssSelector(".body-param__example, .highlight-code")).stream()
                            .findFirst()
                            .orElse(null));
            assertThat(example.getText()).contains("\"name\"", "\"type\"");
            List<WebElement> parameters = create.findElements(By.cssSelector(".parameters tr[data-param-name]"));
            assertThat(parameters).noneMatch(p -> "caller".equals(p.getDomAttribute("data-param-name")));
        });
    }

    private static WebElement operation(WebDriver browser, String method, String path) {
        return Browser.waitFor(
                browser,
                d -> d.findElements(By.cssSelector(".opblock-" + method)).stream()
                        .filter(o -> o.findElements(By.cssSelector(".opblock-summary-path[data-path='" + path + "']"))
                                        .size()
                                == 1)
                        .findFirst()
                        .orElse(null));
    }
}
