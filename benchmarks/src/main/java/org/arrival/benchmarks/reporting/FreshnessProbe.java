package org.arrival.benchmarks.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.arrival.benchmarks.measure.Latencies;
import org.arrival.local.PlatformService;

import tools.jackson.databind.JsonNode;

/**
 * How soon a progress report is seen: every {@code every}, the city publishes a report on the working group's
 * action, then the statistics office's tracker of the working group (forum view) and its inbox (notifications) are
 * polled until they show it. Probes run on their own schedule whether or not earlier ones were seen yet, so a
 * slow platform gets as many probes as a fast one. Freshness is the time from the write's HTTP response to the
 * answer of the first poll that shows the effect: an upper bound, too high by at most one poll interval plus one
 * poll's latency. Polls come every 5 ms for the first 250 ms, then every 50 ms, then every 250 ms after 2 s.
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

    public Result run(Duration duration, Duration every) {
        Latencies write = new Latencies();
        Latencies view = new Latencies();
        Latencies inbox = new Latencies();
        AtomicInteger probes = new AtomicInteger();
        AtomicInteger notSeen = new AtomicInteger();
        ActionUnderReport action = workspace.probeAction();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long next = start; next < start + duration.toNanos(); next += every.toNanos()) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Workspace.pause(wait / 1_000_000);
                }
                // periods are taken in order and the writes are sequential: each report is the action's latest
                LocalDate period = action.nextPeriod();
                Http.Answer a = http.post(workspace.url(PlatformService.ACTION_PLANS, "/actions/" + action.id() + "/reports"),
                        workspace.token(action.owner()), ActionUnderReport.report(period));
                if (!a.is(201)) {
                    throw new IllegalStateException("the probe's report was refused: " + a.status() + " " + a.body());
                }
                action.accepted(period);
                write.record(a.nanos());
                probes.incrementAndGet();
                String reportId = a.json().get("id").asString();
                pool.submit(() -> {
                    Long v = until(a.receivedAt(), workspace.url(PlatformService.FORUM, "/forums/"
                            + workspace.workingGroup() + "/tracker?size=10"), page -> showsAtLeast(page, action.id(), period));
                    record(v, view, notSeen);
                });
                pool.submit(() -> {
                    Long n = until(a.receivedAt(), workspace.url(PlatformService.NOTIFICATIONS, "/inbox?size=200"),
                            page -> mentions(page, reportId));
                    record(n, inbox, notSeen);
                });
            }
        }
        return new Result(write.summary(), view.summary(), inbox.summary(), probes.get(), notSeen.get());
    }

    private static void record(Long nanos, Latencies into, AtomicInteger notSeen) {
        if (nanos == null) {
            notSeen.incrementAndGet();
        } else {
            into.record(nanos);
        }
    }

    /** Nanoseconds from {@code since} to the first answer that satisfies {@code seen}; null if not within 30 s. */
    private Long until(long since, String url, Predicate<JsonNode> seen) {
        while (System.nanoTime() - since < GIVE_UP.toNanos()) {
            Http.Answer a = http.get(url, workspace.token(Reporter.STATISTICIAN));
            if (a.is(200) && seen.test(a.json())) {
                return a.receivedAt() - since;
            }
            long waited = (System.nanoTime() - since) / 1_000_000;
            Workspace.pause(waited < 250 ? POLL_EVERY.toMillis() : waited < 2_000 ? 50 : 250);
        }
        return null;
    }

    /** The view shows this report or a later one of the action (it applies one action's reports in order). */
    private static boolean showsAtLeast(JsonNode page, UUID action, LocalDate period) {
        for (JsonNode item : page.get("items")) {
            if (item.get("actionId").asString().equals(action.toString())) {
                JsonNode end = item.get("reportPeriodEnd");
                return end != null && !end.isNull() && !LocalDate.parse(end.asString()).isBefore(period);
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
