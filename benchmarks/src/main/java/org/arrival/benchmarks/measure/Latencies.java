package org.arrival.benchmarks.measure;

import java.time.Duration;
import java.util.Arrays;

/**
 * Every latency of a run, kept exactly (a run records at most a few hundred thousand), summarised by nearest-rank
 * percentiles: the p-th percentile is the smallest recorded value such that at least p % of the values are no
 * larger. Safe to record from many threads.
 */
public final class Latencies {

    private long[] values = new long[1024];
    private int count;

    public synchronized void record(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a latency cannot be negative: " + nanos);
        }
        if (count == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[count++] = nanos;
    }

    public void record(Duration d) {
        record(d.toNanos());
    }

    public synchronized int count() {
        return count;
    }

    public synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Summary.EMPTY;
        }
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new Summary(
                sorted.length,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted[sorted.length - 1],
                (long) (sum / sorted.length));
    }

    /** The nearest-rank percentile of ascending values; {@code p} in (0, 100]. */
    public static long percentile(long[] ascending, double p) {
        if (ascending.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * ascending.length);
        return ascending[Math.max(rank, 1) - 1];
    }

    /** Count and percentiles of a run, in nanoseconds. */
    public record Summary(long count, long p50, long p95, long p99, long max, long mean) {

        public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0);

        /** "p50 / p95 / p99" in milliseconds, or "-" when nothing was recorded. */
        public String millis() {
            if (count == 0) {
                return "-";
            }
            return Format.millis(p50) + " / " + Format.millis(p95) + " / " + Format.millis(p99);
        }
    }
}
