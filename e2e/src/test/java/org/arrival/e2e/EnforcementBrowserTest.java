package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arrival.local.DemoForum;
import org.arrival.local.PlatformService;
import org.arrival.platform.testing.SystemChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The immigration enforcement unit in the web application sees exactly what the services show it: signed in through
 * Keycloak's login page, it follows every link of every page it can reach from its home page, and asks for the pages
 * of the demo's restricted records and of the hidden association's records by their addresses. No name, title or
 * statement of theirs appears on any page; asked for directly, they are answered like records that do not exist.
 */
@ExtendWith(PlatformExtension.class)
class EnforcementBrowserTest {

    private static final int MOST_PAGES = 120;

    private static SystemChromium chromium;
    private static WebDriver browser;
    private static RunningPlatform platform;
    private static String web;
    /** What the enforcement unit may never read, and what it is. */
    private static final Map<String, String> FORBIDDEN = new LinkedHashMap<>();
    /** Addresses of the web application that show those records to those who may read them. */
    private static final List<String> THEIR_PAGES = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        platform = RunningPlatform.get();
        web = platform.settings().baseUrl(PlatformService.WEB);
        chromium = SystemChromium.start("The enforcement unit's browser test", false);
        browser = chromium.driver();
        findWhatIsKeptFromIt();
    }

    @AfterAll
    static void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void noPageItCanOpenShowsARestrictedOrHiddenRecord() {
        signIn("dcic-officer");
        Set<String> visited = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(web + "/"));
        List<String> leaks = new ArrayList<>();
        while (!queue.isEmpty() && visited.size() < MOST_PAGES) {
            String url = queue.removeFirst();
            if (!visited.add(url)) {
                continue;
            }
            browser.get(url);
            leaks.addAll(leaksOn(url));
            for (WebElement link : browser.findElements(By.cssSelector("a[href]"))) {
                String href = link.getDomProperty("href");
                if (href != null
                        && href.startsWith(web)
                        && !href.contains("/logout")
                        && !href.contains("/exports/")
                        && !href.contains("#")
                        && !visited.contains(href)) {
                    queue.addLast(href);
                }
            }
        }
        for (String page : THEIR_PAGES) {
            browser.get(web + page);
            leaks.addAll(leaksOn(web + page));
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .as("what %s shows the enforcement unit", page)
                    .doesNotContainIgnoringCase("Umoja");
        }
        System.out.println("Enforcement unit in the web application: " + visited.size() + " pages followed, "
                + THEIR_PAGES.size() + " restricted or hidden records asked for, " + FORBIDDEN.size()
                + " names, titles and statements looked for");
        assertThat(visited.size()).as("pages the enforcement unit could reach").isGreaterThan(5);
        assertThat(leaks).isEmpty();
    }

    @Test
    void theForumsChairFindsThemOnTheSamePages() {
        signIn("kcca-coordinator");
        int found = 0;
        for (String page : THEIR_PAGES) {
            browser.get(web + page);
            if (!leaksOn(web + page).isEmpty()) {
                found++;
            }
        }
        assertThat(found)
                .as("pages of restricted or hidden records that show them to the forum's chair")
                .isPositive();
    }

    private static List<String> leaksOn(String url) {
        String source = browser.getPageSource();
        List<String> leaks = new ArrayList<>();
        FORBIDDEN.forEach((text, what) -> {
            // an address names the record it asks for (the language form sends it back); what counts is what the
            // page says
            String path = url.substring(web.length());
            String said = source.replace(url, "");
            if (path.length() > 1) {
                said = said.replace(path, "").replace(path.replaceFirst("\\?.*", ""), "");
            }
            if (said.contains(text)) {
                leaks.add(url + " shows " + what + " (" + text + ")");
            }
        });
        return leaks;
    }

    /** The demo's records an enforcement body must never read, as their owners read them through the APIs. */
    private static void findWhatIsKeptFromIt() {
        FORBIDDEN.put("Umoja Refugee Association", "the hidden association's name");
        FORBIDDEN.put(DemoForum.RLO, "the hidden association's id");
        String rlo = platform.token("rlo-editor");
        // the demo holds no record of the hidden association's own: it records a need the forum shares
        platform.api.expect(
                201,
                "POST",
                PlatformService.ASSESSMENTS,
                "/needs",
                rlo,
                """
                {"statement":"Families of the association in Kisenyi share one room between three households (%s)",
                 "sector":"HOUSING","populationGroups":["REFUGEES"],
                 "area":{"country":"UG","subdivision":"UG-C","areaName":"Kisenyi"},"severity":"HIGH",
                 "barriers":["COST"],"classification":"FORUM","sharedWithForums":["%s"]}""".formatted(System.currentTimeMillis(), platform.forumId),
                Map.of());
        for (JsonNode a : items(PlatformService.ACTION_PLANS, "/actions?owner=" + DemoForum.RLO + "&size=200", rlo)) {
            keep(
                    a.get("title").asString(),
                    "an action of the hidden association",
                    "/actions/" + a.get("id").asString());
        }
        for (JsonNode n : items(PlatformService.ASSESSMENTS, "/needs?owner=" + DemoForum.RLO + "&size=200", rlo)) {
            keep(
                    n.get("statement").asString(),
                    "a need of the hidden association",
                    "/needs/" + n.get("id").asString());
        }
        for (JsonNode i :
                items(PlatformService.ASSESSMENTS, "/inputs?contributor=" + DemoForum.RLO + "&size=200", rlo)) {
            keep(i.get("summary").asString(), "an input of the hidden association", null);
        }
        String ngo = platform.token("ngo-editor");
        for (JsonNode a : items(PlatformService.ACTION_PLANS, "/actions?owner=" + DemoForum.NGO + "&size=200", ngo)) {
            if ("RESTRICTED".equals(a.path("classification").asString())) {
                keep(
                        a.get("title").asString(),
                        "a RESTRICTED action",
                        "/actions/" + a.get("id").asString());
            }
        }
        for (JsonNode n : items(PlatformService.ASSESSMENTS, "/needs?owner=" + DemoForum.NGO + "&size=200", ngo)) {
            if ("RESTRICTED".equals(n.path("classification").asString())) {
                keep(
                        n.get("statement").asString(),
                        "a RESTRICTED need",
                        "/needs/" + n.get("id").asString());
            }
        }
        // the pages of those who run things, asked for by their addresses whether or not a link leads there
        THEIR_PAGES.add("/organisations/" + DemoForum.RLO + "/people");
        THEIR_PAGES.add("/forums/" + platform.forumId + "/members");
        THEIR_PAGES.add("/forums/" + platform.forumId + "/history");
        THEIR_PAGES.add("/forums/" + platform.forumId + "/profile");
        THEIR_PAGES.add("/forums/" + platform.forumId + "/flags?status=RESOLVED");
        THEIR_PAGES.add("/rounds");
        THEIR_PAGES.add("/admin/organisations");
        assertThat(THEIR_PAGES).as("the demo's restricted and hidden records").hasSizeGreaterThanOrEqualTo(10);
    }

    private static void keep(String text, String what, String page) {
        // a long text is looked for by its beginning, which is what a list or a link shows
        FORBIDDEN.put(text.length() > 60 ? text.substring(0, 60) : text, what);
        if (page != null) {
            THEIR_PAGES.add(page);
        }
    }

    private static List<JsonNode> items(PlatformService service, String path, String token) {
        List<JsonNode> items = new ArrayList<>();
        platform.api
                .expect(200, "GET", service, path, token, null, Map.of())
                .path("items")
                .forEach(items::add);
        return items;
    }

    private static void signIn(String username) {
        Browser.signOutEverywhere(browser);
        browser.get(web + "/");
        waitFor(d -> !d.findElements(By.id("kc-login")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(DemoForum.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        waitFor(d -> d.getCurrentUrl().startsWith(web)
                && URI.create(d.getCurrentUrl()).getPath() != null
                && !d.findElements(By.id("who")).isEmpty());
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(condition::apply);
    }
}
