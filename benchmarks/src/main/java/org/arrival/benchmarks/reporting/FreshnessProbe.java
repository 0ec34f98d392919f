package org.arrival.benchmarks.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import org.arrival.benchmarks.measure.Latencies;
import org.arrival.local.PlatformService;

import tools.jackson.databind.JsonNode;

/**
 * How soon a progress report is seen: the city publishes a report on the working group's action, then the
 * statistics office's tracker of the working group (forum view) and its inbox (notifications) are polled until
 * they show it. Freshness is the time from the write's HTTP response to the answer of the first poll that shows the
 * effect: an upper bound, too high by at most one poll interval plus one poll's latency.
 */
public final class FreshnessProbe {

    public static final Duration POLL_EVERY = Duration.ofMillis(5);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final Http http;
    private final Workspace workspace;

    public FreshnessProbe(Http http, Workspace workspace) {
        this.http = http;
        this.workspace = workspace;
    }

    /** Latencies of the probe's writes and of their effects; probes whose effect was not seen within 30 s. */
    public record Result(Latencies.Summary write, Latencies.Summary forumView, Latencies.Summary notification,
            int probes, int notSeen) {
    }

    /** Probes once every {@code every} for the duration (the probe's own writes are sequential). */
    public Result run(Duration duration, Duration every) {
        Latencies write = new Latencies();
        Latencies view = new Latencies();
        Latencies inbox = new Latencies();
        int probes = 0;
        int notSeen = 0;
        ActionUnderReport action = workspace.probeAction();
        long deadline = System.nanoTime() + duration.toNanos();
        try (ExecutorService pollers = Executors.newVirtualThreadPerTaskExecutor()) {
            while (System.nanoTime() < deadline) {
                long next = System.nanoTime() + every.toNanos();
                LocalDate period = action.nextPeriod();
                Http.Answer a = http.post(workspace.url(PlatformService.ACTION_PLANS, "/actions/" + action.id() + "/reports"),
                        workspace.token(action.owner()), ActionUnderReport.report(period));
                if (!a.is(201)) {
                    throw new IllegalStateException("the probe's report was refused: " + a.status() + " " + a.body());
                }
                action.accepted(period);
                write.record(a.nanos());
                probes++;
                String reportId = a.json().get("id").asString();
                CompletableFuture<Long> seenInView = CompletableFuture.supplyAsync(() -> until(a.receivedAt(),
                        workspace.url(PlatformService.FORUM, "/forums/" + workspace.workingGroup() + "/tracker?size=10"),
                        page -> showsPeriod(page, action.id(), period)), pollers);
                CompletableFuture<Long> seenInInbox = CompletableFuture.supplyAsync(() -> until(a.receivedAt(),
                        workspace.url(PlatformService.NOTIFICATIONS, "/inbox?size=10"),
                        page -> mentions(page, reportId)), pollers);
                Long v = seenInView.join();
                Long n = seenInInbox.join();
                if (v == null || n == null) {
                    notSeen++;
                }
                if (v != null) {
                    view.record(v);
                }
                if (n != null) {
                    inbox.record(n);
                }
                long rest = next - System.nanoTime();
                if (rest > 0) {
                    Workspace.pause(rest / 1_000_000);
                }
            }
        }
        return new Result(write.summary(), view.summary(), inbox.summary(), probes, notSeen);
    }

    /** Nanoseconds from {@code since} to the first answer that satisfies {@code seen}; null if not within 30 s. */
    private Long until(long since, String url, Predicate<JsonNode> seen) {
        String token = workspace.token(Reporter.STATISTICIAN);
        while (System.nanoTime() - since < GIVE_UP.toNanos()) {
            Http.Answer a = http.get(url, token);
            if (a.is(200) && seen.test(a.json())) {
                return a.receivedAt() - since;
            }
            Workspace.pause(POLL_EVERY.toMillis());
        }
        return null;
    }

    private static boolean showsPeriod(JsonNode page, UUID action, LocalDate period) {
        for (JsonNode item : page.get("items")) {
            if (item.get("actionId").asString().equals(action.toString())) {
                JsonNode end = item.get("reportPeriodEnd");
                return end != null && period.toString().equals(end.asString());
            }
        }
        return false;
    }

    private static boolean mentions(JsonNode page, String reportId) {
        for (JsonNode item : page.get("items")) {
            if (reportId.equals(item.get("subjectId").asString())) {
                return true;
            }
        }
        return false;
    }
}
