package org.arrival.benchmarks.coherence;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.arrival.benchmarks.reporting.Http;
import org.arrival.benchmarks.reporting.Reporter;
import org.arrival.benchmarks.reporting.Workspace;
import org.arrival.local.PlatformService;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A forum's coherence-check settings as its coordinator reads and saves them ({@code /forums/{id}/coherence-settings}):
 * saving runs the forum's checks before answering, and {@code lastRun} tells when the last run ended and how long it
 * took.
 */
public final class CheckSettings {

    /** The last run of the forum's checks, as the service reports it. */
    public record LastRun(Instant at, long tookMicros, int actions, int findings) {}

    /** The settings read, at their version, with the last run (none before the first). */
    public record Read(
            long version, JsonNode settings, @Nullable LastRun lastRun) {}

    /** A save: how long the PUT took, as the client waited for it, and what it answered (null unless 200). */
    public record Saved(long nanos, int status, @Nullable Read answer, String body) {}

    private final Http http;
    private final Workspace workspace;
    private final Reporter coordinator;
    private final String url;

    public CheckSettings(Http http, Workspace workspace, Reporter coordinator, UUID forum) {
        this.http = http;
        this.workspace = workspace;
        this.coordinator = coordinator;
        this.url = workspace.url(PlatformService.FORUM, "/forums/" + forum + "/coherence-settings");
    }

    public Read read() {
        Http.Answer a = http.get(url, workspace.token(coordinator));
        if (!a.is(200)) {
            throw new IllegalStateException("GET coherence-settings answered " + a.status() + ": " + a.body());
        }
        return read(a.json());
    }

    /** Saves the settings read back unchanged, at their version; the forum's checks run before the answer. */
    public Saved save(Read current, Duration timeout) {
        Http.Answer a =
                http.put(url, workspace.token(coordinator), current.settings().toString(), current.version(), timeout);
        return new Saved(a.nanos(), a.status(), a.is(200) ? read(a.json()) : null, a.body());
    }

    private static Read read(JsonNode body) {
        JsonNode run = body.get("lastRun");
        LastRun last = run == null || run.isNull()
                ? null
                : new LastRun(
                        instant(run.get("at")),
                        run.get("tookMicros").asLong(),
                        run.get("actions").asInt(),
                        run.get("findings").asInt());
        return new Read(body.get("version").asLong(), body.get("settings"), last);
    }

    /** An ISO instant, or seconds since the epoch with a fraction. */
    private static Instant instant(JsonNode at) {
        if (at.isNumber()) {
            java.math.BigDecimal s = at.decimalValue();
            return Instant.ofEpochSecond(
                    s.longValue(),
                    s.remainder(java.math.BigDecimal.ONE).movePointRight(9).longValue());
        }
        return Instant.parse(at.asString());
    }
}
