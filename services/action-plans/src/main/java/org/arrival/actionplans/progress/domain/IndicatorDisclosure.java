package org.arrival.actionplans.progress.domain;

import java.util.ArrayList;
import java.util.List;
import org.arrival.contracts.actionplans.IndicatorValue;
import org.arrival.platform.security.DisclosureControl;
import org.jspecify.annotations.Nullable;

/**
 * Indicators that count people (a unit such as people, households or children, see
 * {@link DisclosureControl#countsPeople}) are head counts: wherever they leave their owner (to other readers, and
 * always in events) their baseline, target and actual are shown under the platform's disclosure control. A value
 * from 0 to 4 is left out and named in {@code suppressed}; every other value is rounded to the nearest multiple of 5,
 * so no difference between two shown values (target and actual, baseline and actual, one report and the next)
 * reveals a value from 1 to 4. Indicators in other units are shown as they are.
 */
public final class IndicatorDisclosure {

    /** The largest head count a people-unit value may hold (more than the world's population). */
    public static final double MAX_PEOPLE = 10_000_000_000d;

    private IndicatorDisclosure() {}

    /** The value as someone other than its owner sees it. */
    public static IndicatorValue shown(IndicatorValue v) {
        if (!DisclosureControl.countsPeople(v.unit())) {
            return v;
        }
        List<String> suppressed = new ArrayList<>();
        Double baseline = shown(IndicatorValue.BASELINE, v.baseline(), suppressed);
        Double target = shown(IndicatorValue.TARGET, v.target(), suppressed);
        Double actual = shown(IndicatorValue.ACTUAL, v.actual(), suppressed);
        return new IndicatorValue(v.name(), v.unit(), baseline, target, actual, suppressed);
    }

    public static List<IndicatorValue> shown(List<IndicatorValue> values) {
        return values.stream().map(IndicatorDisclosure::shown).toList();
    }

    private static @Nullable Double shown(String which, @Nullable Double value, List<String> suppressed) {
        if (value == null) {
            return null;
        }
        Double shown = DisclosureControl.shownQuantity(value);
        if (shown == null) {
            suppressed.add(which);
        }
        return shown;
    }

    /**
     * The problem with a value of a people-unit indicator, or null: a head count is a whole number, not negative and
     * not beyond {@link #MAX_PEOPLE}. Values of other indicators have no such rule.
     */
    public static @Nullable String problem(@Nullable String unit, @Nullable Double value) {
        if (unit == null || value == null || !DisclosureControl.countsPeople(unit)) {
            return null;
        }
        if (value < 0 || value != Math.rint(value) || value > MAX_PEOPLE) {
            return "counts people (unit '" + unit.strip() + "'): must be a whole number from 0 to "
                    + String.format("%.0f", MAX_PEOPLE);
        }
        return null;
    }
}
