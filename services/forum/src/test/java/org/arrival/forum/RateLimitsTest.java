package org.arrival.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
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
 * Retry-After beyond the limit; its other views are not. The expensive reads also take turns, a few at a time, and
 * one that gets no turn in time is answered 503. (The service tests run with limits off, so the limiter is
 * checked here with the settings the service starts with.)
 */
class RateLimitsTest {

    private final RateLimitProperties properties = settings();

    /** The per-minute limits alone: these requests are never completed, so they would keep their turns. */
    private final RateLimitProperties perMinute = new RateLimitProperties(
            properties.enabled(),
            properties.writesPerUser(),
            properties.writesPerOrganisation(),
            properties.expensiveReadsPerUser(),
            properties.expensiveReadsPerOrganisation(),
            properties.expensivePaths(),
            0,
            properties.expensiveReadWait());

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
                    perMinute, new ProblemWriter(JsonMapper.builder().build()));
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
        RateLimits limits =
                new RateLimits(perMinute, new ProblemWriter(JsonMapper.builder().build()));
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
    void expensiveReadsTakeTurnsEvenWithTheLimitsOffAndAReadWithoutATurnIsAnswered503() throws Exception {
        assertThat(properties.expensiveReadsAtOnce()).isPositive();
        RateLimits limits = turns(false);
        List<MockHttpServletRequest> working = everyTurnTaken(limits);
        MockHttpServletResponse busy = new MockHttpServletResponse();
        assertThat(limits.preHandle(get("/forums/" + forum + "/exports/3w.csv"), busy, null))
                .isFalse();
        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getContentType()).startsWith("application/problem+json");
        assertThat(busy.getContentAsString()).contains("try again");
        assertThat(Long.parseLong(busy.getHeader("Retry-After"))).isPositive();
        // the cheap views do not wait for a turn
        assertThat(limits.preHandle(get("/forums/" + forum + "/tracker"), new MockHttpServletResponse(), null))
                .isTrue();
        // a read that ends, even with an error, gives its turn back once
        MockHttpServletResponse done = new MockHttpServletResponse();
        limits.afterCompletion(working.getFirst(), done, new Object(), new IllegalStateException("failed"));
        limits.afterCompletion(working.getFirst(), done, new Object(), null);
        MockHttpServletRequest next = get("/forums/" + forum + "/as-of");
        assertThat(limits.preHandle(next, new MockHttpServletResponse(), null)).isTrue();
        assertThat(limits.preHandle(get("/forums/" + forum + "/as-of"), new MockHttpServletResponse(), null))
                .as("one turn was given back, not two")
                .isFalse();
    }

    @Test
    void withTheLimitsOnAReadWithinThemStillWaitsForATurn() throws Exception {
        RateLimits limits = turns(true);
        List<MockHttpServletRequest> working = everyTurnTaken(limits);
        MockHttpServletResponse busy = new MockHttpServletResponse();
        assertThat(limits.preHandle(get("/forums/" + forum + "/as-of"), busy, null))
                .isFalse();
        assertThat(busy.getStatus())
                .as("within the per-minute limit, but no turn")
                .isEqualTo(503);
        // a request dispatched again with its turn does not take a second one
        limits.afterCompletion(working.getFirst(), new MockHttpServletResponse(), new Object(), null);
        MockHttpServletRequest holding = get("/forums/" + forum + "/exports/3w.csv");
        assertThat(limits.preHandle(holding, new MockHttpServletResponse(), null))
                .isTrue();
        assertThat(limits.preHandle(holding, new MockHttpServletResponse(), null))
                .isTrue();
        limits.afterCompletion(working.getLast(), new MockHttpServletResponse(), new Object(), null);
        assertThat(limits.preHandle(get("/forums/" + forum + "/as-of"), new MockHttpServletResponse(), null))
                .as("the turn given back is free again")
                .isTrue();
    }

    @Test
    void theOtherViewsAreNotLimited() throws Exception {
        RateLimits limits =
                new RateLimits(perMinute, new ProblemWriter(JsonMapper.builder().build()));
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

    /** The service's limiter with the limits on or off, whose reads give up waiting for a turn after 50 ms. */
    private RateLimits turns(boolean limitsOn) {
        RateLimitProperties settings = new RateLimitProperties(
                limitsOn,
                null,
                null,
                null,
                null,
                properties.expensivePaths(),
                properties.expensiveReadsAtOnce(),
                Duration.ofMillis(50));
        return new RateLimits(settings, new ProblemWriter(JsonMapper.builder().build()));
    }

    /** Signs a reader in and starts as many as-of reads as there are turns, each taking one. */
    private List<MockHttpServletRequest> everyTurnTaken(RateLimits limits) throws Exception {
        signIn("reader", UUID.randomUUID());
        List<MockHttpServletRequest> working = new ArrayList<>();
        for (int i = 0; i < properties.expensiveReadsAtOnce(); i++) {
            MockHttpServletRequest read = get("/forums/" + forum + "/as-of");
            assertThat(limits.preHandle(read, new MockHttpServletResponse(), null))
                    .isTrue();
            working.add(read);
        }
        return working;
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
