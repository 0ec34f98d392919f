package org.arrival.benchmarks.measure;

import java.time.Duration;

/** How many things happened in how long. */
public record Rate(long count, Duration elapsed) {

    public double perSecond() {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? Double.NaN : count * 1e9 / nanos;
    }

    public static Rate between(long count, long startNanos, long endNanos) {
        return new Rate(count, Duration.ofNanos(endNanos - startNanos));
    }

    @Override
    public String toString() {
        return Format.rate(perSecond()) + "/s (" + count + " in " + Format.seconds(elapsed.toMillis() / 1000.0) + " s)";
    }
}
