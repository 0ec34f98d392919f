package org.arrival.benchmarks.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.arrival.benchmarks.measure.Latencies;
import org.arrival.local.PlatformService;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How soon a progress report is seen. Every {@code every}, the city publishes a report on the working group's
 * action (the probes are sequential, one report a period after the other). Meanwhile two pollers, each on its own,
 * look each probe's effects up by the report's id, as the statistics office (a member of the working group,
 * subscribed to its progress reports) reads them: the forum view by the action's history
 * ({@code GET /forums/{group}/actions/{action}/history}, newest first: the view logs an event in the transaction
 * that applies it), the notification by its inbox filtered by the report ({@code GET /inbox?subject=<report>}). Each
 * request is about the oldest probe whose effect is still open, then the next, {@link #POLL_EVERY} apart, so the
 * polling load is the same however far behind the platform is (a history page settles every probe it shows).
 * <p>
 * A probe's effect not seen within {@link #GIVE_UP} of its write is given up while polling; once the polling is over a
 * final exact lookup by id tells a late effect (found then, or seen after the give-up time) from a missing one (not
 * found at all).
 * <p>
 * Freshness is the time from the write's HTTP response to the answer of the first poll that shows the effect: an
 * upper bound, too high by at most one poll interval plus one poll's latency.
 */
public final class FreshnessProbe {

    public static final Duration POLL_EVERY = Duration.ofMillis(10);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    /** Events of the probe action beyond its reports (reminders) that a history page may hold. */
    private static final int HISTORY_MARGIN = 5;

    private static final int HISTORY_PAGE_MAX = 200;
    /** Attempts of a final lookup whose request fails, before the effect counts as missing. */
    private static final int FINAL_ATTEMPTS = 3;

    private final Http http;
    private final Workspace workspace;

    public FreshnessProbe(Http http, Workspace workspace) {
        this.http = http;
        this.workspace = workspace;
    }

    /**
     * Latencies of the probe's writes and of their effects seen within 30 s, and the effects that were not.
     * <p>
     * {@code notSeen} counts the effects (of either kind) not seen within 30 s: {@code late + missing}. {@code late}
     * counts those seen after 30 s or found by the final lookup; {@code missing} those the final lookup did not find
     * either (or could not look up: its requests kept failing), named in {@code missingIds} ({@code "forum view
     * <report id>"} or {@code "notification <report id>"}).
     * A missing effect is a lost write's effect, not a slow one: <strong>the caller must treat
     * {@code missing() > 0} as a failure of the run</strong>; late effects are a measurement, not a failure.
     */
    public record Result(
            Latencies.Summary write,
            Latencies.Summary forumView,
            Latencies.Summary notification,
            int probes,
            int notSeen,
            int late,
            int missing,
            List<String> missingIds) {

        public Result {
            missingIds = List.copyOf(missingIds);
        }
    }

    /** Looks effects up by their probes' report ids. */
    private interface Lookup {
        /** One request about the probe, marking in the sightings every probe the answer shows. */
        void poll(String reportId, Sightings sightings);

        /**
         * Those of the probes (written since the time) whose effect exists now, looked up exactly; a request that
         * keeps failing finds nothing.
         */
        Set<String> find(List<String> reportIds, Instant since);
    }

    public Result run(Duration duration, Duration every) {
        return run(duration, every, () -> {});
    }

    /**
     * Probes for {@code duration}, a report every {@code every}; once the polling is over, {@code catchUp} waits for
     * the consumers to have read everything (the caller's view of "caught up"), and only then are the effects not
     * yet seen looked up a last time: a consumer far behind makes an effect late, not missing.
     */
    public Result run(Duration duration, Duration every, Runnable catchUp) {
        Latencies write = new Latencies();
        ActionUnderReport action = workspace.probeAction();
        Sightings inView = new Sightings(GIVE_UP.toNanos());
        Sightings inInbox = new Sightings(GIVE_UP.toNanos());
        AtomicBoolean probing = new AtomicBoolean(true);
        Instant startedAt = Instant.now();
        Lookup view = new HistoryLookup(action);
        Lookup inbox = new InboxLookup();
        Thread viewPoller = Thread.ofVirtual().start(() -> poll(view, inView, probing));
        Thread inboxPoller = Thread.ofVirtual().start(() -> poll(inbox, inInbox, probing));
        long start = System.nanoTime();
        long stopProbing = start + duration.toNanos();
        try {
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
                String reportId = a.json().get("id").asString();
                inView.written(reportId, a.receivedAt());
                inInbox.written(reportId, a.receivedAt());
            }
        } finally {
            probing.set(false);
            join(viewPoller);
            join(inboxPoller);
        }
        catchUp.run();
        Latencies viewed = new Latencies();
        Latencies notified = new Latencies();
        Sightings.Tally viewTally = inView.tally(finalCheck(inView, view, startedAt), viewed);
        Sightings.Tally inboxTally = inInbox.tally(finalCheck(inInbox, inbox, startedAt), notified);
        List<String> missingIds = new ArrayList<>();
        viewTally.missingIds().forEach(id -> missingIds.add("forum view " + id));
        inboxTally.missingIds().forEach(id -> missingIds.add("notification " + id));
        int late = viewTally.late() + inboxTally.late();
        int missing = viewTally.missing() + inboxTally.missing();
        return new Result(
                write.summary(),
                viewed.summary(),
                notified.summary(),
                inView.probes(),
                late + missing,
                late,
                missing,
                missingIds);
    }

    /**
     * One poller: a request about the oldest open probe, then the next, until the probing is over and every probe's
     * effect is seen or given up (at most 30 s after the last write).
     */
    private static void poll(Lookup lookup, Sightings sightings, AtomicBoolean probing) {
        while (true) {
            boolean probed = !probing.get();
            String open = sightings.next(System.nanoTime());
            if (open == null) {
                if (probed) {
                    return;
                }
            } else {
                try {
                    lookup.poll(open, sightings);
                } catch (RuntimeException unreadable) {
                    // an answer that cannot be read shows nothing; the next poll asks again
                }
            }
            Workspace.pause(POLL_EVERY.toMillis());
        }
    }

    /** The probes not seen while polling whose effect an exact lookup finds now. */
    private static Set<String> finalCheck(Sightings sightings, Lookup lookup, Instant startedAt) {
        List<String> unseen = sightings.unseen();
        return unseen.isEmpty() ? Set.of() : lookup.find(unseen, startedAt);
    }

    /** The forum view: the probe action's history, newest first, as the statistics office reads it. */
    private final class HistoryLookup implements Lookup {

        private final ActionUnderReport action;

        HistoryLookup(ActionUnderReport action) {
            this.action = action;
        }

        private String url(int page, int size) {
            return workspace.url(
                    PlatformService.FORUM,
                    "/forums/" + workspace.workingGroup() + "/actions/" + action.id() + "/history?page=" + page
                            + "&size=" + size);
        }

        /** The newest page, long enough to reach the probe: the view applies one action's events in order. */
        @Override
        public void poll(String reportId, Sightings sightings) {
            int size = Math.min(HISTORY_PAGE_MAX, sightings.fromOn(reportId) + HISTORY_MARGIN);
            Http.Answer a = http.get(url(0, size), workspace.token(Reporter.STATISTICIAN));
            if (a.is(200)) {
                for (JsonNode item : a.json().get("items")) {
                    sightings.seen(item.get("subjectId").asString(), a.receivedAt());
                }
            }
        }

        /**
         * The history read page by page from the newest until every report wanted is found or the events are older
         * than the run (a minute's leeway for the clocks).
         */
        @Override
        public Set<String> find(List<String> reportIds, Instant since) {
            Set<String> wanted = Set.copyOf(reportIds);
            Set<String> found = new HashSet<>();
            Instant oldest = since.minus(Duration.ofMinutes(1));
            for (int page = 0; found.size() < wanted.size(); page++) {
                Http.Answer a = answer(url(page, HISTORY_PAGE_MAX));
                if (a == null) {
                    return found;
                }
                JsonNode items = a.json().get("items");
                if (items == null || items.isEmpty()) {
                    return found;
                }
                for (JsonNode item : items) {
                    String subject = item.get("subjectId").asString();
                    if (wanted.contains(subject)) {
                        found.add(subject);
                    }
                    if (Instant.parse(item.get("occurredAt").asString()).isBefore(oldest)) {
                        return found;
                    }
                }
            }
            return found;
        }
    }

    /** The notification: the statistics office's inbox filtered by the report. */
    private final class InboxLookup implements Lookup {

        private String url(String reportId) {
            return workspace.url(PlatformService.NOTIFICATIONS, "/inbox?subject=" + reportId + "&size=5");
        }

        @Override
        public void poll(String reportId, Sightings sightings) {
            Http.Answer a = http.get(url(reportId), workspace.token(Reporter.STATISTICIAN));
            if (a.is(200) && shows(a.json(), reportId)) {
                sightings.seen(reportId, a.receivedAt());
            }
        }

        @Override
        public Set<String> find(List<String> reportIds, Instant since) {
            Set<String> found = new HashSet<>();
            for (String id : reportIds) {
                Http.Answer a = answer(url(id));
                if (a != null && shows(a.json(), id)) {
                    found.add(id);
                }
            }
            return found;
        }

        private static boolean shows(JsonNode page, String reportId) {
            for (JsonNode item : page.get("items")) {
                if (reportId.equals(item.get("subjectId").asString())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A final lookup's answer, a failed request retried; null if it keeps failing. */
    private Http.@Nullable Answer answer(String url) {
        for (int attempt = 0; attempt < FINAL_ATTEMPTS; attempt++) {
            Http.Answer a = http.get(url, workspace.token(Reporter.STATISTICIAN));
            if (a.is(200)) {
                return a;
            }
            Workspace.pause(1000);
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
