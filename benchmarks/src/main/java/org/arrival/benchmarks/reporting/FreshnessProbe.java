package org.arrival.benchmarks.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.arrival.benchmarks.measure.Latencies;
import org.arrival.local.PlatformService;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How soon a progress report is seen. Every {@code every}, the city publishes a report on the working group's
 * action (the probes are sequential, one report a period after the other). Meanwhile two pollers, each on its own,
 * read the statistics office's tracker of the working group (forum view) and its inbox (notifications) every
 * {@link #POLL_EVERY}, and each answer settles every probe it shows: the tracker shows the latest report's period
 * (a probe is seen once that period is its own or a later one: the view applies one action's reports in order), the
 * inbox shows the reports' ids. So the polling load is the same however far behind the platform is.
 * <p>
 * Freshness is the time from the write's HTTP response to the answer of the first poll that shows the effect: an
 * upper bound, too high by at most one poll interval plus one poll's latency.
 */
public final class FreshnessProbe {

    public static final Duration POLL_EVERY = Duration.ofMillis(10);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final Http http;
    private final Workspace workspace;

    public FreshnessProbe(Http http, Workspace workspace) {
        this.http = http;
        this.workspace = workspace;
    }

    /** Latencies of the probe's writes and of their effects; effects not seen within 30 s. */
    public record Result(
            Latencies.Summary write,
            Latencies.Summary forumView,
            Latencies.Summary notification,
            int probes,
            int notSeen) {}

    /** One probe: its report and when its effects were first seen (System.nanoTime, 0 until then). */
    private static final class Probe {
        final LocalDate period;
        final String reportId;
        final long answeredAt;
        volatile long inView;
        volatile long inInbox;

        Probe(LocalDate period, String reportId, long answeredAt) {
            this.period = period;
            this.reportId = reportId;
            this.answeredAt = answeredAt;
        }
    }

    public Result run(Duration duration, Duration every) {
        List<Probe> probes = new CopyOnWriteArrayList<>();
        Latencies write = new Latencies();
        ActionUnderReport action = workspace.probeAction();
        String tracker =
                workspace.url(PlatformService.FORUM, "/forums/" + workspace.workingGroup() + "/tracker?size=10");
        String inbox = workspace.url(PlatformService.NOTIFICATIONS, "/inbox?size=50");
        long start = System.nanoTime();
        long stopProbing = start + duration.toNanos();
        long stopPolling = stopProbing + GIVE_UP.toNanos();
        Thread viewPoller = Thread.ofVirtual()
                .start(() -> poll(
                        tracker,
                        probes,
                        stopPolling,
                        (page, at) -> {
                            LocalDate shown = latestPeriod(page, action.id().toString());
                            for (Probe p : probes) {
                                if (p.inView == 0 && shown != null && !shown.isBefore(p.period)) {
                                    p.inView = at;
                                }
                            }
                        },
                        p -> p.inView != 0));
        Thread inboxPoller = Thread.ofVirtual()
                .start(() -> poll(
                        inbox,
                        probes,
                        stopPolling,
                        (page, at) -> {
                            Set<String> shown = new HashSet<>();
                            page.get("items")
                                    .forEach(item ->
                                            shown.add(item.get("subjectId").asString()));
                            for (Probe p : probes) {
                                if (p.inInbox == 0 && shown.contains(p.reportId)) {
                                    p.inInbox = at;
                                }
                            }
                        },
                        p -> p.inInbox != 0));
        for (long next = start; next < stopProbing; next += every.toNanos()) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Workspace.pause(wait / 1_000_000);
            }
            LocalDate period = action.nextPeriod();
            Http.Answer a = http.post(
                    workspace.url(PlatformService.ACTION_PLANS, "/actions/" + action.id() + "/reports"),
                    workspace.token(action.owner()),
                    ActionUnderReport.report(period));
            if (!a.is(201)) {
                throw new IllegalStateException("the probe's report was refused: " + a.status() + " " + a.body());
            }
            action.accepted(period);
            write.record(a.nanos());
            probes.add(new Probe(period, a.json().get("id").asString(), a.receivedAt()));
        }
        join(viewPoller);
        join(inboxPoller);
        Latencies view = new Latencies();
        Latencies notified = new Latencies();
        int notSeen = 0;
        for (Probe p : probes) {
            notSeen += record(view, p.inView, p.answeredAt) + record(notified, p.inInbox, p.answeredAt);
        }
        return new Result(write.summary(), view.summary(), notified.summary(), probes.size(), notSeen);
    }

    private interface Settle {
        void answer(JsonNode page, long receivedAt);
    }

    /** Polls until the probing is over and every probe is settled, or 30 s after the last probe. */
    private void poll(
            String url, List<Probe> probes, long stopAt, Settle settle, java.util.function.Predicate<Probe> settled) {
        while (System.nanoTime() < stopAt) {
            Http.Answer a = http.get(url, workspace.token(Reporter.STATISTICIAN));
            if (a.is(200)) {
                settle.answer(a.json(), a.receivedAt());
            }
            if (System.nanoTime() > stopAt - GIVE_UP.toNanos()
                    && probes.stream().allMatch(settled)) {
                return;
            }
            Workspace.pause(POLL_EVERY.toMillis());
        }
    }

    /** 1 if the effect was not seen, else 0 after recording how long it took. */
    private static int record(Latencies into, long seenAt, long answeredAt) {
        if (seenAt == 0) {
            return 1;
        }
        into.record(Math.max(0, seenAt - answeredAt));
        return 0;
    }

    private static @Nullable LocalDate latestPeriod(JsonNode page, String action) {
        for (JsonNode item : page.get("items")) {
            if (item.get("actionId").asString().equals(action)) {
                JsonNode end = item.get("reportPeriodEnd");
                return end == null || end.isNull() ? null : LocalDate.parse(end.asString());
            }
        }
        return null;
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
