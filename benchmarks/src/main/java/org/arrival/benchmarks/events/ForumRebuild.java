package org.arrival.benchmarks.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.arrival.benchmarks.measure.Rate;
import org.arrival.benchmarks.reporting.Workspace;
import org.arrival.local.DemoForum;
import org.arrival.local.PlatformClient;
import org.arrival.local.PlatformService;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A rebuild of the forum view as a platform administrator starts it: {@code POST /admin/rebuild}, then its status
 * resource is read every second until it completed. The rate is the events the rebuild read over the time between
 * its start and finish as the service recorded them; the wall time also counts the request and the last poll.
 */
public final class ForumRebuild {

    private ForumRebuild() {}

    public record Result(
            long eventsRead,
            Rate rate,
            Duration wallTime,
            String status,
            @Nullable String error) {}

    public static Result run(PlatformClient api, Duration timeout) {
        String admin = api.token("platform-admin", DemoForum.PASSWORD);
        long start = System.nanoTime();
        JsonNode started = api.expect(202, "POST", PlatformService.FORUM, "/admin/rebuild", admin, null, Map.of());
        String id = started.get("id").asString();
        Instant deadline = Instant.now().plus(timeout);
        JsonNode status = started;
        while ("RUNNING".equals(status.get("status").asString())
                && Instant.now().isBefore(deadline)) {
            Workspace.pause(1000);
            // the token lives five minutes; a long rebuild outlives it
            status = api.expect(
                    200,
                    "GET",
                    PlatformService.FORUM,
                    "/admin/rebuild/" + id,
                    api.token("platform-admin", DemoForum.PASSWORD),
                    null,
                    Map.of());
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        long read = status.get("eventsRead").asLong();
        Instant from = Instant.parse(status.get("startedAt").asString());
        JsonNode finished = status.get("finishedAt");
        Duration took = finished == null || finished.isNull()
                ? wall
                : Duration.between(from, Instant.parse(finished.asString()));
        JsonNode error = status.get("error");
        return new Result(
                read,
                new Rate(read, took),
                wall,
                status.get("status").asString(),
                error == null || error.isNull() ? null : error.asString());
    }
}
