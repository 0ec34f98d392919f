package org.arrival.benchmarks.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arrival.benchmarks.measure.Latencies;
import org.jspecify.annotations.Nullable;

/**
 * When one effect (the forum view's, or the notification) of each probe was first seen, and what became of those
 * not seen in time. Probes are kept in the order they were written; the effect's poller asks about the oldest one
 * still open (neither seen nor given up), so each request is about one probe and the polling load stays one request
 * at a time however far behind the platform is. Times are {@link System#nanoTime()} values. Safe for one writer (the
 * probing thread) and one poller.
 */
final class Sightings {

    /** What became of a probe's effect. */
    enum Outcome {
        /** Seen within the give-up time: its latency counts. */
        SEEN,
        /** Seen, but only after the give-up time (by a later answer or by the final check). */
        LATE,
        /** Not found even by the final check after the give-up time. */
        MISSING
    }

    /** The effects not seen in time, for the run's result. */
    record Tally(int late, int missing, List<String> missingIds) {}

    private final long giveUpNanos;
    private final Map<String, Long> answeredAt = new LinkedHashMap<>();
    private final Map<String, Long> seenAt = new LinkedHashMap<>();

    Sightings(long giveUpNanos) {
        this.giveUpNanos = giveUpNanos;
    }

    /** A probe written: its record's id and when its write was answered. */
    synchronized void written(String id, long at) {
        answeredAt.put(id, at);
    }

    /** The effect of the probe was seen at the time (the first sighting counts; ids of no probe are ignored). */
    synchronized void seen(String id, long at) {
        if (answeredAt.containsKey(id)) {
            seenAt.putIfAbsent(id, at);
        }
    }

    synchronized boolean isSeen(String id) {
        return seenAt.containsKey(id);
    }

    /** The oldest probe whose effect is neither seen nor given up at the time, or null if there is none. */
    synchronized @Nullable String next(long now) {
        for (Map.Entry<String, Long> p : answeredAt.entrySet()) {
            if (!seenAt.containsKey(p.getKey()) && now - p.getValue() <= giveUpNanos) {
                return p.getKey();
            }
        }
        return null;
    }

    /** How many probes were written since the one given, itself included (0 if it is no probe). */
    synchronized int fromOn(String id) {
        int n = 0;
        boolean counting = false;
        for (String p : answeredAt.keySet()) {
            counting |= p.equals(id);
            n += counting ? 1 : 0;
        }
        return n;
    }

    synchronized int probes() {
        return answeredAt.size();
    }

    /** The probes whose effect was not seen while polling, in the order they were written. */
    synchronized List<String> unseen() {
        List<String> out = new ArrayList<>();
        for (String id : answeredAt.keySet()) {
            if (!seenAt.containsKey(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * Records the latency of every effect seen in time and counts the others: late if seen after the give-up time
     * or found by the final check, missing if not.
     *
     * @param foundAtTheEnd the probes among {@link #unseen()} the final check found
     */
    synchronized Tally tally(Set<String> foundAtTheEnd, Latencies into) {
        int late = 0;
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Long> p : answeredAt.entrySet()) {
            long seen = seenAt.getOrDefault(p.getKey(), 0L);
            switch (outcome(p.getValue(), seen, foundAtTheEnd.contains(p.getKey()), giveUpNanos)) {
                case SEEN -> into.record(Math.max(0, seen - p.getValue()));
                case LATE -> late++;
                case MISSING -> missing.add(p.getKey());
            }
        }
        return new Tally(late, missing.size(), List.copyOf(missing));
    }

    /**
     * What became of an effect: seen in time, late, or missing.
     *
     * @param seenAt when a poll first saw it, 0 if none did
     * @param foundAtTheEnd whether the final check after the give-up time found it
     */
    static Outcome outcome(long answeredAt, long seenAt, boolean foundAtTheEnd, long giveUpNanos) {
        if (seenAt != 0) {
            return seenAt - answeredAt <= giveUpNanos ? Outcome.SEEN : Outcome.LATE;
        }
        return foundAtTheEnd ? Outcome.LATE : Outcome.MISSING;
    }
}
