package org.arrival.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.arrival.local.PlatformService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * One trace id links a progress report's request to its effects in other services: the report is sent with a W3C
 * {@code traceparent} of the test's own, and the forum view's projection and the notifications' router each log
 * their effect of the report's event with that trace (the stack's services log the consumers' effects at debug
 * level: e2e/pom.xml), carried through the outbox and the Kafka record's headers.
 */
@ExtendWith(PlatformExtension.class)
class TraceJourneyTest {

    private static final String CITY = "kcca-coordinator";

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void oneTraceIdLinksAReportsRequestToItsEffectsInTheForumViewAndTheNotifications() throws InterruptedException {
        String token = platform.token(CITY);
        JsonNode action = platform.api.expect(
                201,
                "POST",
                PlatformService.ACTION_PLANS,
                "/actions",
                token,
                """
                {"title":"Traced action","kind":"SERVICE","sectors":["HEALTH"],
                 "startDate":"2020-01-01","endDate":"2030-12-31","reportingCadence":"QUARTERLY",
                 "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(platform.forumId),
                Map.of());
        String actionId = action.get("id").asString();
        for (String status : List.of("COMMITTED", "IN_PROGRESS")) {
            platform.api.expect(
                    200,
                    "POST",
                    PlatformService.ACTION_PLANS,
                    "/actions/" + actionId + "/status",
                    token,
                    Map.of("status", status),
                    Map.of());
        }

        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        platform.api.expect(
                201,
                "POST",
                PlatformService.ACTION_PLANS,
                "/actions/" + actionId + "/reports",
                token,
                """
                {"periodStart":"2026-07-01","periodEnd":"2026-09-30","percentComplete":40,"rag":"GREEN",
                 "narrative":"Traced report"}""",
                Map.of("traceparent", traceparent));

        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        List<String> forum = List.of();
        List<String> notifications = List.of();
        while (Instant.now().isBefore(until) && (forum.isEmpty() || notifications.isEmpty())) {
            forum = effects("forum", traceId);
            notifications = effects("notifications", traceId);
            Thread.sleep(500);
        }
        assertThat(forum)
                .as("the forum view's effect of the report's event, logged with the request's trace id " + traceId)
                .anyMatch(line -> line.contains("ProgressReported"));
        assertThat(notifications)
                .as("the notifications' effect of the report's event, logged with the request's trace id " + traceId)
                .anyMatch(line -> line.contains("ProgressReported"));
    }

    /** The lines of a service's logs (every instance's) that say a consumer applied an event of this trace. */
    private List<String> effects(String service, String traceId) {
        Path logs = platform.settings().logs();
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(f -> f.getFileName().toString().matches(service + "(-\\d+)?\\.log"))
                    .flatMap(TraceJourneyTest::lines)
                    .filter(line -> line.contains(" applied ") && line.contains(traceId))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
