package org.arrival.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.CallerAuthentication;
import org.arrival.platform.security.RateLimitProperties;
import org.arrival.platform.security.RateLimits;
import org.arrival.platform.web.ProblemWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forum's expensive reads (the exports, and the as-of view with its changes since) are rate limited per user and
 * per organisation, as the service's own application.yml declares them, with the platform's limiter: 429 with
 * Retry-After beyond the limit; its other views are not. (The service tests run with limits off, so the limiter is
 * checked here with the settings the service starts with.)
 */
class RateLimitsTest {

    private final RateLimitProperties properties = settings();
    private final UUID forum = UUID.randomUUID();

    /** The rate-limit settings as the service reads them from its application.yml. */
    static RateLimitProperties settings() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader()
                    .load("application", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return new Binder(ConfigurationPropertySources.get(environment))
                    .bindOrCreate("arrival.rate-limits", RateLimitProperties.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theServiceStartsWithLimitsOnAndItsExpensiveReadsDeclared() {
        assertThat(properties.enabled()).isTrue();
        assertThat(properties.expensivePaths()).contains("/forums/*/exports/**", "/forums/*/as-of");
    }

    @Test
    void exportsAndTheAsOfViewAreRefused429BeyondTheLimitPerUser() throws Exception {
        for (String path : List.of("/exports/3w.csv", "/exports/iati.xml", "/as-of")) {
            RateLimits limits = new RateLimits(
                    properties, new ProblemWriter(JsonMapper.builder().build()));
            UUID org = UUID.randomUUID();
            signIn("u-" + path, org);
            for (int i = 0; i < properties.expensiveReadsPerUser(); i++) {
                assertThat(limits.preHandle(get("/forums/" + forum + path), new MockHttpServletResponse(), null))
                        .as(path + " read " + (i + 1))
                        .isTrue();
            }
            MockHttpServletResponse refused = new MockHttpServletResponse();
            assertThat(limits.preHandle(get("/forums/" + forum + path), refused, null))
                    .isFalse();
            assertThat(refused.getStatus()).isEqualTo(429);
            assertThat(refused.getContentType()).startsWith("application/problem+json");
            assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isPositive();
            // another user of another organisation is not held back by it
            signIn("v-" + path, UUID.randomUUID());
            assertThat(limits.preHandle(get("/forums/" + forum + path), new MockHttpServletResponse(), null))
                    .isTrue();
        }
    }

    @Test
    void theUsersOfOneOrganisationShareItsLimit() throws Exception {
        RateLimits limits = new RateLimits(
                properties, new ProblemWriter(JsonMapper.builder().build()));
        UUID org = UUID.randomUUID();
        int perUser = properties.expensiveReadsPerUser() - 1;
        int users = properties.expensiveReadsPerOrganisation() / perUser + 1;
        int allowed = 0;
        for (int u = 0; u < users; u++) {
            signIn("user-" + u, org);
            for (int i = 0; i < perUser; i++) {
                if (limits.preHandle(get("/forums/" + forum + "/as-of"), new MockHttpServletResponse(), null)) {
                    allowed++;
                }
            }
        }
        // (the bucket refills continuously, so a slow run may see one more)
        assertThat(allowed)
                .isBetween(properties.expensiveReadsPerOrganisation(), properties.expensiveReadsPerOrganisation() + 1)
                .isLessThan(users * perUser);
    }

    @Test
    void theOtherViewsAreNotLimited() throws Exception {
        RateLimits limits = new RateLimits(
                properties, new ProblemWriter(JsonMapper.builder().build()));
        signIn("reader", UUID.randomUUID());
        for (String path : List.of(
                "/tracker", "/who-what-where", "/needs-coverage", "/readiness", "/plans", "/population", "/flags")) {
            for (int i = 0; i < properties.expensiveReadsPerUser() * 2; i++) {
                assertThat(limits.preHandle(get("/forums/" + forum + path), new MockHttpServletResponse(), null))
                        .as(path)
                        .isTrue();
            }
        }
    }

    private static MockHttpServletRequest get(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        return request;
    }

    private static void signIn(String user, UUID org) {
        Caller caller = new Caller(user, user, org, Set.of("member"));
        Jwt jwt =
                Jwt.withTokenValue("token").header("alg", "RS256").subject(user).build();
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(jwt, List.of(), caller));
    }
}
