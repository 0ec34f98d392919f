package org.arrival.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import org.arrival.benchmarks.events.ConsumerLag;
import org.arrival.benchmarks.footprint.Footprint;
import org.arrival.local.LocalStack;

/**
 * Samples the platform while a phase runs: each consumer group's lag every two seconds (keeping the largest), the
 * machine's load average, and every part's memory every ten seconds (keeping the largest). Sparse, since each
 * sample costs the broker and the machine a little.
 */
final class Watch implements AutoCloseable {

    private final Thread thread;
    private final Map<String, Long> maxLag = new TreeMap<>();
    private Map<String, Footprint.Memory> maxMemory = Map.of();
    private double loadSum;
    private int loadSamples;
    private volatile boolean running = true;

    Watch(ConsumerLag lag, LocalStack stack) {
        thread = Thread.ofPlatform().daemon().name("benchmark-watch").start(() -> {
            int tick = 0;
            while (running) {
                try {
                    Map<String, Long> now = lag.byGroup();
                    synchronized (this) {
                        now.forEach((g, l) -> maxLag.merge(g, l, Math::max));
                        loadSum += Machine.loadAverage();
                        loadSamples++;
                        if (tick % 5 == 0) {
                            maxMemory = Footprint.max(maxMemory, Footprint.of(stack));
                        }
                    }
                } catch (RuntimeException e) {
                    // a missed sample; the next one counts
                }
                tick++;
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    synchronized Map<String, Long> maxLag() {
        return new TreeMap<>(maxLag);
    }

    /** The groups that fell behind, furthest first, as "lag group", or "0" if none did. */
    synchronized String worstLag() {
        String behind = maxLag.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3)
                .map(e -> String.format("%,d %s", e.getValue(), e.getKey()))
                .collect(java.util.stream.Collectors.joining(", "));
        return behind.isEmpty() ? "0" : behind;
    }

    synchronized Map<String, Footprint.Memory> maxMemory() {
        return maxMemory;
    }

    synchronized double meanLoadAverage() {
        return loadSamples == 0 ? Double.NaN : loadSum / loadSamples;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
