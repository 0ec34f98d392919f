package org.arrival.benchmarks;

import java.util.Map;
import java.util.TreeMap;

import org.arrival.benchmarks.events.ConsumerLag;
import org.arrival.benchmarks.footprint.Footprint;
import org.arrival.local.LocalStack;

/**
 * Samples the platform while a phase runs: each consumer group's lag every second (keeping the largest), the
 * machine's load average, and every part's memory every five seconds (keeping the largest).
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
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    synchronized Map<String, Long> maxLag() {
        return new TreeMap<>(maxLag);
    }

    /** The group that fell furthest behind, as "group: lag", or "0" if none did. */
    synchronized String worstLag() {
        return maxLag.entrySet().stream().max(Map.Entry.comparingByValue()).filter(e -> e.getValue() > 0)
                .map(e -> String.format("%,d (%s)", e.getValue(), e.getKey())).orElse("0");
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
