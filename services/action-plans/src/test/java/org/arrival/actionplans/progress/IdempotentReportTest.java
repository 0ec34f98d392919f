package org.arrival.actionplans.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.EventJson;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * An integrator's retry over real HTTP: the service on a port, its real database, a client that gives up on a
 * report before the service has published it and sends it again with the same Idempotency-Key. Exactly one report
 * is published; the retry is told to wait while the first still runs, then gets the first answer replayed. The key
 * with another report is refused; another user's same key is theirs alone.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.consumer.group-id=action-plans-on-a-port")
@Import(IdempotentReportTest.SlowHandler.class)
class IdempotentReportTest extends ActionRecordsTestSupport {

    /** A request carrying this header waits that many milliseconds before the handler, as a slow service would. */
    static final String SLOW = "X-Test-Slow-Ms";

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private UUID city;
    private UUID action;

    @TestConfiguration
    static class SlowHandler {

        /** Runs inside the Idempotency-Key filter, before the handler: the key is taken while it waits. */
        @Bean
        FilterRegistrationBean<Filter> slowHandler() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                String ms = ((HttpServletRequest) request).getHeader(SLOW);
                if (ms != null) {
                    sleep(Long.parseLong(ms));
                }
                chain.doFilter(request, response);
            });
            registration.setOrder(Ordered.LOWEST_PRECEDENCE);
            return registration;
        }
    }

    @BeforeEach
    void seed() {
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        action = action(
                city,
                "IN_PROGRESS",
                "QUARTERLY",
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2027, 12, 31),
                "ORGANISATION",
                List.of());
    }

    @AfterEach
    void close() {
        http.close();
    }

    private String path() {
        return "/actions/" + action + "/reports";
    }

    private static String report(String start, String end) {
        return """
                {"periodStart":"%s","periodEnd":"%s","percentComplete":20,"rag":"AMBER",
                 "narrative":"Fee waivers agreed with 12 of 20 schools",
                 "indicators":[{"name":"Refugee children enrolled","unit":"children","actual":1850}]}""".formatted(start, end);
    }

    private HttpRequest.Builder post(String key, String body, Token token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path()))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", token.bearer())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReportRetriedAfterTheClientGaveUpIsPublishedOnceAndTheRetryGetsTheFirstAnswer() throws Exception {
        Token editor = editor(city);
        String key = "quarterly-report-2025Q1-" + UUID.randomUUID();
        String body = report("2025-01-01", "2025-03-31");
        // the first call of a fresh server reads the token issuer's keys; it is not what this test times
        HttpResponse<String> warm = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path()))
                .header("Authorization", editor.bearer())
                .GET());
        assertThat(warm.statusCode()).isEqualTo(200);

        assertThatThrownBy(() -> send(
                        post(key, body, editor).timeout(Duration.ofMillis(800)).header(SLOW, "4000")))
                .as("the client gives up while the service still works on the report")
                .isInstanceOf(HttpTimeoutException.class);

        HttpResponse<String> busy = send(post(key, body, editor));
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(409);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(busy.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(busy.body()).contains("still being processed");

        HttpResponse<String> replay = busy;
        Instant giveUp = Instant.now().plusSeconds(30);
        while (replay.statusCode() == 409 && Instant.now().isBefore(giveUp)) {
            sleep(1000
                    * Long.parseLong(replay.headers().firstValue("Retry-After").orElse("1")));
            replay = send(post(key, body, editor));
        }
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        UUID id = UUID.fromString(
                EventJson.mapper().readTree(replay.body()).path("id").asString());
        assertThat(replay.headers().firstValue("Location")).hasValue(path() + "/" + id);
        assertThat(rows("progress_report", action)).as("one report").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT id FROM progress_report WHERE action_id = ?", UUID.class, action))
                .isEqualTo(id);

        HttpResponse<String> again = send(post(key, body, editor));
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(replay.body());
        assertThat(again.headers().firstValue("Location"))
                .isEqualTo(replay.headers().firstValue("Location"));
        assertThat(rows("progress_report", action)).isEqualTo(1);
        exactlyOne("ProgressReported", id);
    }

    @Test
    void theKeyWithAnotherReportIsRefusedAndAnotherUsersSameKeyIsTheirOwn() throws Exception {
        Token ana = user("ana-" + city.toString().substring(0, 8), city, "member", "org-editor");
        Token ben = user("ben-" + city.toString().substring(0, 8), city, "member", "org-editor");
        String key = "report-" + UUID.randomUUID();

        HttpResponse<String> first = send(post(key, report("2025-01-01", "2025-03-31"), ana));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();

        HttpResponse<String> other = send(post(key, report("2025-04-01", "2025-06-30"), ana));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(other.body()).contains("this Idempotency-Key was used for a different request");
        assertThat(rows("progress_report", action)).isEqualTo(1);

        HttpResponse<String> bens = send(post(key, report("2025-04-01", "2025-06-30"), ben));
        assertThat(bens.statusCode()).as(bens.body()).isEqualTo(201);
        assertThat(bens.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(bens.headers().firstValue("Location"))
                .isNotEqualTo(first.headers().firstValue("Location"));
        assertThat(rows("progress_report", action)).isEqualTo(2);

        HttpResponse<String> noKey = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path()))
                .header("Authorization", ana.bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(report("2025-01-01", "2025-03-31"))));
        assertThat(noKey.statusCode())
                .as("without the header the same report runs again, and is refused as a second report of the period")
                .isBetween(400, 499);
        assertThat(noKey.headers().firstValue("Idempotent-Replayed")).isEmpty();

        HttpResponse<String> badKey = send(post("x".repeat(201), report("2025-07-01", "2025-09-30"), ana));
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(rows("progress_report", action)).isEqualTo(2);
    }

    @Test
    void theApiDescriptionOffersTheHeaderOnWritesOnly() throws Exception {
        HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                .GET());
        tools.jackson.databind.JsonNode paths =
                EventJson.mapper().readTree(api.body()).path("paths").path("/actions/{actionId}/reports");
        assertThat(paths.path("post").path("parameters").findValuesAsString("name"))
                .contains("Idempotency-Key");
        assertThat(paths.path("get").path("parameters").findValuesAsString("name"))
                .doesNotContain("Idempotency-Key");
    }
}
