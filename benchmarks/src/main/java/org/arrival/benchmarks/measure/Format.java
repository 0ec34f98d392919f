package org.arrival.benchmarks.measure;

import java.util.Locale;

/** How figures are written in the results table. */
public final class Format {

    private Format() {}

    /** Nanoseconds as milliseconds: one decimal below 100 ms, none above. */
    public static String millis(long nanos) {
        double ms = nanos / 1_000_000.0;
        return ms < 100 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }

    /** A rate with thousands separated by a comma and no decimals above 100. */
    public static String rate(double perSecond) {
        if (Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
            return "-";
        }
        return perSecond < 100
                ? String.format(Locale.ROOT, "%.1f", perSecond)
                : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /** A platform figure over its baseline, e.g. "0.12x"; "-" when the baseline is missing. */
    public static String ratio(double value, double baseline) {
        if (baseline <= 0 || Double.isNaN(value) || Double.isNaN(baseline)) {
            return "-";
        }
        double r = value / baseline;
        return r < 0.01 ? String.format(Locale.ROOT, "%.4fx", r) : String.format(Locale.ROOT, "%.2fx", r);
    }

    /** Kibibytes as mebibytes. */
    public static String mib(long kib) {
        return String.format(Locale.ROOT, "%,d", Math.round(kib / 1024.0));
    }

    /** Bytes as kilobytes (1,000 bytes), one decimal. */
    public static String kilobytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1000.0);
    }

    public static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }
}
