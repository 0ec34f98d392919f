package org.arrival.forum.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.contracts.registry.ForumType;
import org.arrival.contracts.registry.SeatType;
import org.arrival.forum.ForumIntegrationTest;
import org.arrival.forum.projection.Generations;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/** The dashboard as the service serves it: its page and settings without a token, its messages complete. */
class DashboardTest extends ForumIntegrationTest {

    private static final String STATIC = "static/dashboard/";
    private static final Set<String> SCRIPTS = Set.of("main.js", "views.js", "charts.js", "live.js", "auth.js", "api.js",
            "i18n.js");

    @Autowired
    Generations generations;

    @Test
    void theSettingsComeFromTheServicesPropertiesWithoutAToken() throws Exception {
        perform(getJson("/dashboard/config.json"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issuer").value(TestTokenIssuer.instance().issuer()))
                .andExpect(jsonPath("$.clientId").value("arrival-web"))
                .andExpect(jsonPath("$.scope").value("openid"))
                .andExpect(jsonPath("$.languages[0]").value("en"))
                .andExpect(jsonPath("$.languages[1]").value("fr"));
    }

    @Test
    void thePageIsServedWithoutATokenUnderAContentSecurityPolicyThatAllowsOnlyTheIssuer() throws Exception {
        String issuerOrigin = TestTokenIssuer.instance().issuer().replace(TestTokenIssuer.REALM_PATH, "");
        perform(get("/dashboard"), null).andExpect(redirectedUrl("/dashboard/"));
        perform(get("/dashboard/"), null).andExpect(status().isOk()).andExpect(forwardedUrl("/dashboard/index.html"));
        perform(get("/dashboard/index.html"), null)
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<main id=\"main\"")))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("connect-src 'self' " + issuerOrigin + ";")))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("script-src 'self';")));
        for (String script : SCRIPTS) {
            perform(get("/dashboard/js/" + script), null).andExpect(status().isOk());
        }
        perform(get("/dashboard/i18n/fr.json"), null).andExpect(status().isOk());
        // only the dashboard is open: the data still needs a token
        perform(getJson("/forums"), null).andExpect(status().isUnauthorized());
    }

    @Test
    void everyMessageTheDashboardUsesExistsInEveryLanguage() throws IOException {
        Map<String, String> en = bundle("en");
        Map<String, String> fr = bundle("fr");
        assertThat(fr.keySet()).as("French and English name the same messages").isEqualTo(en.keySet());
        fr.forEach((k, v) -> assertThat(v).as(k).isNotBlank());
        Set<String> used = new TreeSet<>();
        collect(read("index.html"), Pattern.compile("data-i18n(?:-aria-label)?=\"([^\"]+)\""), used);
        for (String script : SCRIPTS) {
            collect(read("js/" + script), Pattern.compile("\\bt\\('([^'$]+)'"), used);
            collect(read("js/" + script), Pattern.compile("\\bplural\\('([^']+)'"), used);
        }
        assertThat(used).hasSizeGreaterThan(60);
        for (String key : used) {
            boolean known = en.containsKey(key) || (en.containsKey(key + ".one") && en.containsKey(key + ".other"));
            assertThat(known).as("message " + key + " is in the bundles").isTrue();
        }
        for (String key : en.keySet()) {
            boolean placeholdersAgree = placeholders(en.get(key)).equals(placeholders(fr.get(key)));
            assertThat(placeholdersAgree).as("placeholders of " + key).isTrue();
        }
        labels(en, "sector", Sector.values());
        labels(en, "group", PopulationGroup.values());
        labels(en, "status", ActionStatus.values());
        labels(en, "rag", Rag.values());
        labels(en, "check", CoherenceCheckCode.values());
        labels(en, "flagStatus", FlagStatus.values());
        labels(en, "seat", SeatType.values());
        labels(en, "forumType", ForumType.values());
        for (String state : new String[] {"COVERED", "PARTLY_COVERED", "UNCOVERED"}) {
            assertThat(en).containsKey("coverage." + state);
        }
    }

    @Test
    void aMemberListsTheForumsTheirOrganisationSitsIn() throws Exception {
        UUID city = registered("City", false, false);
        UUID outsider = registered("Outsider", false, false);
        UUID forum = forum(city);
        member(forum, city);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM forum_membership WHERE forum_id = ? AND stakeholder_id = ?", Long.class, forum, city) > 0
                && jdbc.queryForObject("SELECT count(*) FROM fv_membership WHERE generation = ? AND forum_id = ?",
                        Long.class, generations.active(), forum) > 0);
        perform(getJson("/forums"), user("ana", city, "member"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].forumId").value(forum.toString()))
                .andExpect(jsonPath("$[0].name").value("Kampala urban refugee forum " + forum))
                .andExpect(jsonPath("$[0].area").value("Kampala"))
                .andExpect(jsonPath("$[0].seat").value("MEMBER"));
        perform(getJson("/forums"), user("otto", outsider, "member"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        perform(getJson("/forums"), user("admin", null, "platform-admin"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.forumId == '" + forum + "')]").isNotEmpty());
    }

    @Test
    void theNewEndpointsAreInTheApiDescription() throws Exception {
        perform(getJson("/v3/api-docs"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/forums/{forumId}/stream'].get.summary").isNotEmpty())
                .andExpect(jsonPath("$.paths['/forums/{forumId}/stream'].get.responses['429']").exists())
                .andExpect(jsonPath("$.paths['/dashboard/config.json'].get.summary").isNotEmpty())
                .andExpect(jsonPath("$.paths['/forums'].get.summary").isNotEmpty());
    }

    private static void labels(Map<String, String> bundle, String kind, Enum<?>[] values) {
        for (Enum<?> value : values) {
            assertThat(bundle).as(kind + " " + value).containsKey(kind + "." + value.name());
        }
    }

    private static Set<String> placeholders(String message) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\w+)\\}").matcher(message);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static void collect(String text, Pattern pattern, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> bundle(String lang) throws IOException {
        return EventJson.mapper().readValue(read("i18n/" + lang + ".json"), Map.class);
    }

    private static String read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(STATIC + path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
