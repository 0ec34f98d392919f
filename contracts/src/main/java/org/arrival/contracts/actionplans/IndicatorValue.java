package org.arrival.contracts.actionplans;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An indicator's value in a report against its baseline and target. When the indicator counts people (its unit is
 * people, households, children...), the values are shown under statistical disclosure control wherever they leave
 * their owner (always in events): rounded to a multiple of 5, and a value from 0 to 4 is left out and named in
 * {@code suppressed} ({@code "baseline"}, {@code "target"} or {@code "actual"}); null when nothing was suppressed.
 */
public record IndicatorValue(
        String name,
        @Nullable String unit,
        @Nullable Double baseline,
        @Nullable Double target,
        @Nullable Double actual,
        @Nullable List<String> suppressed) {

    public static final String BASELINE = "baseline";
    public static final String TARGET = "target";
    public static final String ACTUAL = "actual";

    public IndicatorValue {
        suppressed = suppressed == null || suppressed.isEmpty() ? null : List.copyOf(suppressed);
    }

    /** A value with nothing suppressed. */
    public IndicatorValue(
            String name,
            @Nullable String unit,
            @Nullable Double baseline,
            @Nullable Double target,
            @Nullable Double actual) {
        this(name, unit, baseline, target, actual, null);
    }
}
