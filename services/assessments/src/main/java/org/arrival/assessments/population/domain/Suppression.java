package org.arrival.assessments.population.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.assessments.Disaggregation;

/**
 * The firewall on counts. For everyone but the owning organisation (and always in events), a count below
 * {@link #THRESHOLD} - including 0 - is shown as {@code "<5"}. In a breakdown, when exactly one cell of a
 * dimension is hidden, the next smallest cell of that dimension is hidden too, so the hidden one cannot be worked
 * out from the total and the other cells.
 */
public final class Suppression {

    public static final int THRESHOLD = 5;

    private Suppression() {
    }

    public static boolean small(int value) {
        return value < THRESHOLD;
    }

    /** The count as shown: exact for those who see small counts, otherwise hidden when small. */
    public static Count count(Integer value, boolean exact) {
        if (value == null) {
            return null;
        }
        return exact || !small(value) ? Count.of(value) : Count.hidden();
    }

    /** The breakdown as shown, in the order given, with primary and complementary suppression applied. */
    public static List<Disaggregation> breakdown(List<Cell> cells, boolean exact) {
        if (exact) {
            return cells.stream()
                    .map(c -> new Disaggregation(c.dimension().name(), c.category(), Count.of(c.count()))).toList();
        }
        Map<Dimension, List<Cell>> byDimension = new LinkedHashMap<>();
        cells.forEach(c -> byDimension.computeIfAbsent(c.dimension(), d -> new ArrayList<>()).add(c));
        java.util.Set<Cell> hidden = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (List<Cell> dimension : byDimension.values()) {
            List<Cell> primary = dimension.stream().filter(c -> small(c.count())).toList();
            hidden.addAll(primary);
            if (primary.size() == 1) {
                dimension.stream().filter(c -> !small(c.count()))
                        .min(Comparator.comparingInt(Cell::count))
                        .ifPresent(hidden::add);
            }
        }
        return cells.stream().map(c -> new Disaggregation(c.dimension().name(), c.category(),
                hidden.contains(c) ? Count.hidden() : Count.of(c.count()))).toList();
    }
}
