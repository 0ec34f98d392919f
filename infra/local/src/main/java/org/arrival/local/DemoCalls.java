package org.arrival.local;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The calls the demo loaders make, each as a demo user and expecting one status. Services learn of organisations,
 * seats, needs and gaps from each other's events, a moment after the call that caused them: a call that depends
 * on such news is made with {@link #eventually}, which repeats it while the answer says the news has not arrived
 * (403, 404, 422) and fails with the last answer after {@link #PATIENCE}.
 */
final class DemoCalls {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Set<Integer> NOT_YET_KNOWN = Set.of(403, 404, 422);
    private static final long PAUSE_MILLIS = 150;

    private final PlatformClient api;

    DemoCalls(PlatformClient api) {
        this.api = api;
    }

    String token(String username) {
        return api.token(username, DemoForum.PASSWORD);
    }

    /** Creates a record: POST answering 201. */
    JsonNode create(String user, PlatformService service, String path, @Nullable Object body) {
        return api.expect(201, "POST", service, path, token(user), body, Map.of());
    }

    /** A lifecycle step or other command: POST answering 200. */
    JsonNode step(String user, PlatformService service, String path, @Nullable Object body) {
        return api.expect(200, "POST", service, path, token(user), body, Map.of());
    }

    /** Any call answering {@code expected}. */
    JsonNode call(
            int expected, String method, String user, PlatformService service, String path, @Nullable Object body) {
        return api.expect(expected, method, service, path, token(user), body, Map.of());
    }

    JsonNode read(String user, PlatformService service, String path) {
        return api.expect(200, "GET", service, path, token(user), null, Map.of());
    }

    /** A call that depends on news from another service: repeated while the service does not know yet. */
    JsonNode eventually(
            int expected, String method, String user, PlatformService service, String path, @Nullable Object body) {
        return eventually(expected, method, user, service, path, body, null);
    }

    /** The same for an edit of the record read as {@code current}, naming its version in If-Match. */
    JsonNode eventually(
            int expected,
            String method,
            String user,
            PlatformService service,
            String path,
            @Nullable Object body,
            @Nullable JsonNode current) {
        Map<String, String> headers = current == null
                ? Map.of()
                : Map.of("If-Match", "\"" + current.get("version").asLong() + "\"");
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            PlatformClient.Response r = api.call(method, service, path, token(user), body, headers);
            if (r.status() == expected) {
                return r.body().isEmpty() ? PlatformClient.json().createObjectNode() : r.json();
            }
            if (!NOT_YET_KNOWN.contains(r.status()) || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(method + " " + service.module() + path + " answered " + r.status()
                        + " (expected " + expected + ")"
                        + (NOT_YET_KNOWN.contains(r.status()) ? " for " + PATIENCE.toSeconds() + " s" : "") + ": "
                        + r.body());
            }
            pause();
        }
    }

    /** Reads until the answer satisfies {@code ready}; fails with the last answer after {@link #PATIENCE}. */
    JsonNode await(String what, String user, PlatformService service, String path, Predicate<JsonNode> ready) {
        return await(what, user, service, path, ready, Duration.ofMillis(PAUSE_MILLIS));
    }

    /** The same, pausing {@code between} reads (for reads the service limits per minute). */
    JsonNode await(
            String what,
            String user,
            PlatformService service,
            String path,
            Predicate<JsonNode> ready,
            Duration between) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            PlatformClient.Response r = api.call("GET", service, path, token(user), null, Map.of());
            if (r.status() == 200 && ready.test(r.json())) {
                return r.json();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + ": GET " + service.module() + path + " still answered "
                        + r.status() + " after " + PATIENCE.toSeconds() + " s: " + r.body());
            }
            pause(between.toMillis());
        }
    }

    /** A JSON array of strings, for ids and codes in request bodies. */
    static String list(String... values) {
        return Arrays.stream(values).map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    static String id(JsonNode record) {
        return record.get("id").asString();
    }

    private static void pause() {
        pause(PAUSE_MILLIS);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the platform", e);
        }
    }
}
