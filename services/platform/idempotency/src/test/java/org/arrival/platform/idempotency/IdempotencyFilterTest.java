package org.arrival.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.CallerAuthentication;
import org.arrival.platform.web.ProblemWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartHttpServletRequest;
import org.springframework.mock.web.MockPart;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filter's decisions for writes with and without an Idempotency-Key: which requests run the handler, which get
 * a kept answer, a 409, 422 or 400, and when a key is freed again. The keys are kept on the real PostgreSQL.
 */
class IdempotencyFilterTest {

    static JdbcTemplate jdbc;

    final IdempotencyFilter filter = new IdempotencyFilter(
            new IdempotentRequests(
                    jdbc,
                    new IdempotencyProperties(Duration.ofHours(24), Duration.ofMinutes(1)),
                    java.time.Clock.systemUTC()),
            new ProblemWriter(JsonMapper.builder().build()),
            Duration.ofSeconds(5));

    /** The handler: counts its runs and answers what the test says. */
    final AtomicInteger runs = new AtomicInteger();

    int status = 201;
    RuntimeException failure;

    final FilterChain handler = (request, response) -> {
        int run = runs.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
        byte[] body = request.getInputStream().readAllBytes();
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(status);
        http.setContentType("application/json");
        http.setHeader("Location", "/reports/" + run);
        http.setHeader("ETag", "\"" + run + "\"");
        http.setHeader("X-Other", "not kept");
        http.getOutputStream()
                .write(("{\"run\":" + run + ",\"got\":" + new String(body, StandardCharsets.UTF_8) + "}")
                        .getBytes(StandardCharsets.UTF_8));
    };

    @BeforeAll
    static void database() throws Exception {
        jdbc = IdempotentRequestsTest.migratedDatabase("idempotency_filter");
    }

    @BeforeEach
    void signIn() {
        jdbc.update("DELETE FROM idempotent_request");
        as("ana");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void as(String user) {
        Jwt jwt =
                Jwt.withTokenValue("token").header("alg", "RS256").subject(user).build();
        SecurityContextHolder.getContext()
                .setAuthentication(
                        new CallerAuthentication(jwt, List.of(), new Caller(user, user, null, Set.of("member"))));
    }

    static MockHttpServletRequest post(String key, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/actions/a1/reports");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            request.addHeader(IdempotencyFilter.KEY_HEADER, key);
        }
        return request;
    }

    MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, handler);
        return response;
    }

    @Test
    void aRetryOfTheSameRequestGetsTheFirstAnswerWithoutRunningIt() throws Exception {
        MockHttpServletResponse first = send(post("k1", "{\"a\":1}"));
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(first.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isNull();

        MockHttpServletResponse retry = send(post("k1", "{\"a\":1}"));

        assertThat(runs).hasValue(1);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(retry.getContentAsString())
                .isEqualTo(first.getContentAsString())
                .contains("\"got\":{\"a\":1}");
        assertThat(retry.getContentType()).startsWith("application/json");
        assertThat(retry.getHeader("Location")).isEqualTo("/reports/1");
        assertThat(retry.getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(retry.getHeader("X-Other"))
                .as("only the headers that matter")
                .isNull();
    }

    @Test
    void anAnswerThatMayNotBeStoredIsNotKeptAndItsRetryIsToldSo() throws Exception {
        FilterChain secret = (request, response) -> {
            runs.incrementAndGet();
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(201);
            http.setContentType("application/json");
            http.setHeader("Cache-Control", "no-store");
            http.setHeader("Location", "/clients/c1");
            http.getOutputStream().write("{\"clientSecret\":\"s3cr3t\"}".getBytes(StandardCharsets.UTF_8));
        };
        MockHttpServletResponse first = new MockHttpServletResponse();
        filter.doFilter(post("k-secret", "{}"), first, secret);
        assertThat(first.getContentAsString()).contains("s3cr3t");

        MockHttpServletResponse retry = new MockHttpServletResponse();
        filter.doFilter(post("k-secret", "{}"), retry, secret);

        assertThat(runs).hasValue(1);
        assertThat(retry.getStatus()).isEqualTo(409);
        assertThat(retry.getContentType()).isEqualTo("application/problem+json");
        assertThat(retry.getContentAsString()).contains("not kept").doesNotContain("s3cr3t");
        assertThat(retry.getHeader("Location")).isEqualTo("/clients/c1");
        assertThat(jdbc.queryForList("SELECT convert_from(body, 'UTF8') FROM idempotent_request", String.class))
                .singleElement()
                .asString()
                .doesNotContain("s3cr3t");
    }

    @Test
    void anUploadOfAnotherFileUnderTheSameKeyIsAnotherRequest() throws Exception {
        send(upload("k-file", "first file"));
        MockHttpServletResponse same = send(upload("k-file", "first file"));
        MockHttpServletResponse other = send(upload("k-file", "another file"));

        assertThat(runs).hasValue(1);
        assertThat(same.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(other.getStatus()).isEqualTo(422);
    }

    /** A multipart upload as the container hands it over: its parts read, its body consumed. */
    static MockHttpServletRequest upload(String key, String file) {
        MockMultipartHttpServletRequest request = new MockMultipartHttpServletRequest();
        request.setMethod("POST");
        request.setRequestURI("/forums/f1/spreadsheet-imports");
        request.setContentType("multipart/form-data; boundary=x");
        request.addPart(new MockPart("file", "actions.csv", file.getBytes(StandardCharsets.UTF_8)));
        request.addHeader(IdempotencyFilter.KEY_HEADER, key);
        return request;
    }

    @Test
    void writesWithoutTheHeaderAndReadsRunEveryTime() throws Exception {
        send(post(null, "{}"));
        send(post(null, "{}"));
        MockHttpServletRequest read = new MockHttpServletRequest("GET", "/actions/a1/reports");
        read.addHeader(IdempotencyFilter.KEY_HEADER, "k1");
        send(read);
        send(read);

        assertThat(runs).hasValue(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotent_request", Long.class))
                .isZero();
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() throws Exception {
        send(post("k1", "{\"a\":1}"));

        for (MockHttpServletRequest other : List.of(
                post(null, "{\"a\":2}"),
                new MockHttpServletRequest("PUT", "/actions/a1/reports"),
                new MockHttpServletRequest("POST", "/actions/a2/reports"))) {
            other.addHeader(IdempotencyFilter.KEY_HEADER, "k1");
            MockHttpServletResponse refused = send(other);
            assertThat(refused.getStatus()).isEqualTo(422);
            assertThat(refused.getContentType()).isEqualTo("application/problem+json");
            assertThat(refused.getContentAsString()).contains("this Idempotency-Key was used for a different request");
        }
        MockHttpServletRequest withQuery = post("k1", "{\"a\":1}");
        withQuery.setQueryString("draft=true");
        assertThat(send(withQuery).getStatus()).isEqualTo(422);
        assertThat(runs).hasValue(1);
    }

    @Test
    void anotherUsersKeyNeverMatches() throws Exception {
        send(post("k1", "{\"a\":1}"));
        as("ben");

        MockHttpServletResponse bens = send(post("k1", "{\"a\":1}"));

        assertThat(runs).hasValue(2);
        assertThat(bens.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        assertThat(bens.getHeader("Location")).isEqualTo("/reports/2");
    }

    @Test
    void aRetryWhileTheFirstRunsIsAskedToWait() throws Exception {
        IdempotentRequests requests =
                new IdempotentRequests(jdbc, new IdempotencyProperties(null, null), java.time.Clock.systemUTC());
        requests.claim("ana", "k1", fingerprint("{\"a\":1}"));

        MockHttpServletResponse busy = send(post("k1", "{\"a\":1}"));

        assertThat(runs).hasValue(0);
        assertThat(busy.getStatus()).isEqualTo(409);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("1");
        assertThat(busy.getContentType()).isEqualTo("application/problem+json");
        assertThat(busy.getContentAsString())
                .contains("a request with this Idempotency-Key is still being processed; retry later");
    }

    @Test
    void refusalsAreKeptButFailuresAndRateLimitsFreeTheKey() throws Exception {
        status = 400;
        send(post("refused", "{}"));
        assertThat(send(post("refused", "{}")).getHeader(IdempotencyFilter.REPLAYED_HEADER))
                .isEqualTo("true");
        assertThat(runs).hasValue(1);

        for (int failing : List.of(500, 503, 429)) {
            status = failing;
            send(post("k" + failing, "{}"));
            status = 201;
            MockHttpServletResponse retry = send(post("k" + failing, "{}"));
            assertThat(retry.getStatus()).as("after " + failing).isEqualTo(201);
            assertThat(retry.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        }
        assertThat(runs).hasValue(7);
    }

    @Test
    void anExceptionFreesTheKey() throws Exception {
        failure = new IllegalStateException("boom");
        assertThatThrownBy(() -> send(post("k1", "{}"))).isSameAs(failure);

        failure = null;
        assertThat(send(post("k1", "{}")).getStatus()).isEqualTo(201);
        assertThat(runs).hasValue(2);
    }

    @Test
    void aKeyMustBeOneTo200PrintableAsciiCharactersSentOnce() throws Exception {
        for (String bad : List.of("", "x".repeat(201), "caf\u00e9", "tab\there", "nul\u0000")) {
            MockHttpServletResponse refused = send(post(bad, "{}"));
            assertThat(refused.getStatus()).as("[" + bad + "]").isEqualTo(400);
            assertThat(refused.getContentType()).isEqualTo("application/problem+json");
            assertThat(refused.getContentAsString()).contains("Idempotency-Key");
        }
        MockHttpServletRequest twice = post("a", "{}");
        twice.addHeader(IdempotencyFilter.KEY_HEADER, "b");
        assertThat(send(twice).getStatus()).isEqualTo(400);
        assertThat(runs).hasValue(0);

        assertThat(send(post("x".repeat(200), "{}")).getStatus()).isEqualTo(201);
        assertThat(send(post("order 42/retry #1 ~ ok", "{}")).getStatus()).isEqualTo(201);
    }

    @Test
    void aRequestNoCallerIsKnownForRunsUntouched() throws Exception {
        SecurityContextHolder.clearContext();
        send(post("k1", "{}"));
        send(post("k1", "{}"));
        assertThat(runs).hasValue(2);
    }

    private static String fingerprint(String body) {
        return RequestFingerprint.of("POST", "/actions/a1/reports", null, body.getBytes(StandardCharsets.UTF_8));
    }
}
