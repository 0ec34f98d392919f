package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.arrival.local.DemoForum;
import org.arrival.local.PlatformClient;
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
import tools.jackson.databind.JsonNode;

/**
 * An organisation's API client on the real realm: the demo city's administrator signs in on Keycloak's page, opens
 * API clients and creates one with the editor's role; the test reads its secret from the page, gets a token from
 * Keycloak with the client-credentials grant and posts a progress report on one of the city's actions twice with the
 * same {@code Idempotency-Key}: one report exists, recorded as the client of the city. Rotating the secret makes
 * Keycloak refuse the old one; revoking the client makes it refuse the client. A member and the enforcement unit are
 * refused the page. axe-core on each page.
 */
// adds a report to one of the demo city's actions: after the tests that read the demo
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(PlatformExtension.class)
class ApiClientJourneyTest {

    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession("The API client journey");

    private static WebDriver browser;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private RunningPlatform platform;
    private String web;

    @BeforeEach
    void freshBrowser() {
        browser = SESSION.driver();
        platform = RunningPlatform.get();
        web = Browser.web(platform);
    }

    @Test
    void anAdministratorCreatesAClientWhoseSystemReportsProgressThenRotatesAndRevokesIt() {
        String name = "M&E database " + System.nanoTime();
        String page = web + "/organisations/" + DemoForum.KCCA + "/api-clients";
        String[] issued = new String[2];
        Browser.run(browser, () -> {
            Browser.signOutEverywhere(browser);
            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.get(web + "/language?lang=en&back=/organisations/api-clients");
            Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
            Browser.login(browser, "kcca-coordinator");
            Browser.waitFor(browser, d -> !d.findElements(By.id("create-form")).isEmpty());
            assertThat(browser.getCurrentUrl()).isEqualTo(page);
            assertThat(browser.findElements(By.id("nav-apiclients"))).isNotEmpty();
            Accessibility.check(browser, "the city's API clients");

            browser.findElement(By.id(fieldId("name"))).sendKeys(name);
            // member is ticked already; the client also edits
            browser.findElement(By.cssSelector("#create-form input[name=roles][value=org-editor]"))
                    .click();
            Browser.submit(browser, browser.findElement(By.id("create-client")));
            Browser.waitFor(browser, d -> !d.findElements(By.id("secret-once")).isEmpty());
            assertThat(browser.findElement(By.id("secret-warning")).getText()).contains("not shown again");
            issued[0] = browser.findElement(By.id("issued-client-id")).getText();
            issued[1] = browser.findElement(By.id("issued-secret")).getDomProperty("value");
            assertThat(issued[0]).startsWith("org-" + DemoForum.KCCA.substring(0, 8) + "-m-e-database-");
            assertThat(issued[1]).isNotBlank();
            assertThat(client(issued[0]).getText()).contains("Not used yet", "Editor");
            Accessibility.check(browser, "the city's API clients with a secret shown once");

            // the secret is not shown again
            browser.get(page);
            Browser.waitFor(browser, d -> !d.findElements(By.id("create-form")).isEmpty());
            assertThat(browser.findElements(By.id("secret-once"))).isEmpty();
            assertThat(browser.getPageSource()).doesNotContain(issued[1]);
        });
        String clientId = issued[0];
        String secret = issued[1];

        // the city's system: a token with the client-credentials grant from the real Keycloak
        HttpResponse<String> granted = token(clientId, secret);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        String token = PlatformClient.json()
                .readTree(granted.body())
                .get("access_token")
                .asString();
        JsonNode claims = PlatformClient.json()
                .readTree(new String(
                        java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.path("org_id").asString()).isEqualTo(DemoForum.KCCA);
        assertThat(claims.path("aud").toString()).contains("arrival-api");

        // a progress report on one of the city's actions, sent twice with one Idempotency-Key
        String action = reportableActionOfTheCity();
        LocalDate day =
                LocalDate.of(2021, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 1000));
        String narrative = "Reported by the city's M&E database " + UUID.randomUUID();
        String report = """
                {"periodStart":"%s","periodEnd":"%s","percentComplete":35,"rag":"AMBER","narrative":"%s"}""".formatted(day, day, narrative);
        Map<String, String> once = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        var first = platform.api.call(
                "POST", PlatformService.ACTION_PLANS, "/actions/" + action + "/reports", token, report, once);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var again = platform.api.call(
                "POST", PlatformService.ACTION_PLANS, "/actions/" + action + "/reports", token, report, once);
        assertThat(again.status())
                .as("the same Idempotency-Key again answers as the first time: " + again.body())
                .isEqualTo(201);
        assertThat(again.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        JsonNode reports = platform.api.expect(
                200,
                "GET",
                PlatformService.ACTION_PLANS,
                "/actions/" + action + "/reports?size=100",
                platform.token("kcca-coordinator"),
                null,
                Map.of());
        long withNarrative = 0;
        for (JsonNode r : reports.path("items")) {
            if (narrative.equals(r.path("narrative").asString())) {
                withNarrative++;
            }
        }
        assertThat(withNarrative).isEqualTo(1);

        Browser.run(browser, () -> {
            // the page now says when the client was last used (its token, from the realm's events)
            browser.get(page);
            Browser.waitFor(browser, d -> !d.findElements(By.id("create-form")).isEmpty());
            assertThat(client(clientId)
                            .findElement(By.cssSelector(".last-used"))
                            .getText())
                    .isNotEqualTo("Not used yet");

            // rotate: the old secret is refused by Keycloak, the new one works
            Browser.submit(browser, client(clientId).findElement(By.cssSelector("form.client-rotate button")));
            Browser.waitFor(browser, d -> !d.findElements(By.id("secret-once")).isEmpty());
            issued[1] = browser.findElement(By.id("issued-secret")).getDomProperty("value");
            assertThat(issued[1]).isNotEqualTo(secret);
        });
        assertThat(token(clientId, secret).statusCode()).isEqualTo(401);
        assertThat(token(clientId, issued[1]).statusCode()).isEqualTo(200);

        Browser.run(browser, () -> {
            browser.get(page);
            Browser.waitFor(browser, d -> !d.findElements(By.id("create-form")).isEmpty());
            Browser.submit(browser, client(clientId).findElement(By.cssSelector("form.client-revoke button")));
            Browser.waitFor(
                    browser, d -> !d.findElements(By.id("apiclients-notice")).isEmpty());
            assertThat(browser.findElement(By.id("apiclients-notice")).getText())
                    .contains(clientId, "revoked");
            assertThat(client(clientId).getDomAttribute("data-state")).isEqualTo("revoked");
            assertThat(browser.findElement(By.id("history-table")).getText())
                    .contains("Revoked " + clientId, "Rotated the secret of " + clientId, "Created " + clientId)
                    .contains("kcca-coordinator");
            Accessibility.check(browser, "the city's API clients after a revocation");

            // on a phone, in Arabic: right to left, the tables and forms fit without sideways scrolling
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(web + "/language?lang=ar&back=/organisations/api-clients");
            Browser.waitFor(
                    browser, d -> "ar".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir"))
                    .isEqualTo("rtl");
            assertThat((Long) Browser.js(browser, "return document.documentElement.scrollWidth - window.innerWidth"))
                    .as("sideways scroll on the API clients page at 390 px")
                    .isLessThanOrEqualTo(0L);
            Accessibility.check(browser, "the city's API clients in Arabic at 390 px");
            browser.get(web + "/language?lang=en&back=/organisations/api-clients");
            Browser.waitFor(
                    browser, d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
            browser.manage().window().setSize(new Dimension(1280, 900));
        });
        HttpResponse<String> refused = token(clientId, issued[1]);
        assertThat(refused.statusCode()).as(refused.body()).isIn(400, 401);

        // the registry's history names who did what, and a write through the client is recorded as the client
        JsonNode history = platform.api.expect(
                200,
                "GET",
                PlatformService.REGISTRY,
                "/stakeholders/" + DemoForum.KCCA + "/api-clients/history",
                platform.token("kcca-coordinator"),
                null,
                Map.of());
        assertThat(history.toString()).contains("\"clientId\":\"" + clientId + "\"", "\"change\":\"REVOKED\"");
    }

    @Test
    void aMemberAndTheEnforcementUnitAreRefusedThePage() {
        String page = "/organisations/" + DemoForum.KCCA + "/api-clients";
        for (String outsider : new String[] {"donor-viewer", "dcic-officer"}) {
            Browser.run(browser, () -> {
                Browser.signOutEverywhere(browser);
                browser.get(web + "/language?lang=en&back=" + page);
                Browser.waitFor(browser, d -> !d.findElements(By.id("kc-login")).isEmpty());
                Browser.login(browser, outsider);
                Browser.waitFor(browser, d -> !d.findElements(By.id("problem")).isEmpty());
                assertThat(browser.findElement(By.id("problem")).getDomAttribute("data-status"))
                        .isEqualTo("403");
                assertThat(browser.findElements(By.id("create-form"))).isEmpty();
                assertThat(browser.findElements(By.id("nav-apiclients"))).isEmpty();
                Accessibility.check(browser, "the city's API clients refused to " + outsider);
            });
            var created = platform.api.call(
                    "POST",
                    PlatformService.REGISTRY,
                    "/stakeholders/" + DemoForum.KCCA + "/api-clients",
                    platform.token(outsider),
                    "{\"name\":\"Intruder\",\"roles\":[\"member\"]}",
                    Map.of());
            assertThat(created.status()).as(outsider).isEqualTo(403);
        }
        // an administrator's role is never given to a client, not even by the city's own administrator
        var admin = platform.api.call(
                "POST",
                PlatformService.REGISTRY,
                "/stakeholders/" + DemoForum.KCCA + "/api-clients",
                platform.token("kcca-coordinator"),
                "{\"name\":\"Chief\",\"roles\":[\"org-admin\"]}",
                Map.of());
        assertThat(admin.status()).isEqualTo(403);
    }

    /** One of the city's own actions that takes progress reports (committed or under way). */
    private String reportableActionOfTheCity() {
        JsonNode actions = platform.api.expect(
                200,
                "GET",
                PlatformService.ACTION_PLANS,
                "/actions?owner=" + DemoForum.KCCA + "&size=100",
                platform.token("kcca-coordinator"),
                null,
                Map.of());
        for (JsonNode a : actions.path("items")) {
            String status = a.path("status").asString();
            if (!status.equals("PROPOSED") && !status.equals("CANCELLED")) {
                return a.path("id").asString();
            }
        }
        throw new IllegalStateException("The demo city has no action that takes reports: " + actions);
    }

    private HttpResponse<String> token(String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(platform.settings().issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static WebElement client(String clientId) {
        return browser.findElement(By.cssSelector("[data-client='" + clientId + "']"));
    }

    /** The id the web application's forms give a field (see FormResult.fieldId). */
    private static String fieldId(String field) {
        return "field-" + field.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
