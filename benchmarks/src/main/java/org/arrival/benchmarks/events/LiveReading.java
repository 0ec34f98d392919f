package org.arrival.benchmarks.events;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arrival.benchmarks.measure.Rate;
import org.arrival.benchmarks.reporting.Workspace;

/**
 * Events written straight to the platform's topics and read by the running services' own consumers: how fast the
 * producer wrote them, and when each consumer group had read them all (counted from the first write).
 */
public final class LiveReading {

    /** The groups that read every topic: the forum view's projection and the notifications' router. */
    public static final List<String> READERS = List.of("forum-projection", "notifications-router");

    private LiveReading() {}

    /**
     * @param seeded what the producer wrote
     * @param allRead from the first write until no consumer group was behind
     * @param byGroup from the first write until each of {@link #READERS} had read everything
     */
    public record Result(HistorySeed.Seeded seeded, Rate allRead, Map<String, Rate> byGroup) {}

    /** Publishes the events and waits, up to {@code limit}, until every consumer group has read them. */
    public static Result publish(
            Iterable<HistoryEvent> events, String bootstrap, ConsumerLag lag, Workspace workspace, Duration limit) {
        long start = System.nanoTime();
        HistorySeed.Seeded seeded = HistorySeed.publish(events, bootstrap);
        Map<String, Long> caughtUpAt = new TreeMap<>();
        workspace.await("the live consumers to read the events", limit, () -> {
            Map<String, Long> now = lag.byGroup();
            long at = System.nanoTime();
            now.forEach((group, behind) -> {
                if (behind == 0) {
                    caughtUpAt.putIfAbsent(group, at);
                } else {
                    caughtUpAt.remove(group);
                }
            });
            return now.values().stream().allMatch(l -> l == 0);
        });
        Rate all = Rate.between(seeded.events(), start, System.nanoTime());
        Map<String, Rate> byGroup = new LinkedHashMap<>();
        for (String group : READERS) {
            if (caughtUpAt.containsKey(group)) {
                byGroup.put(group, Rate.between(seeded.events(), start, caughtUpAt.get(group)));
            }
        }
        return new Result(seeded, all, byGroup);
    }
}
