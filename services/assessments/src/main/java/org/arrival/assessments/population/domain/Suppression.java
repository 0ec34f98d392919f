package org.arrival.assessments.population.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.assessments.Disaggregation;
import org.arrival.platform.security.DisclosureControl;
import org.jspecify.annotations.Nullable;

/**
 * The firewall on counts: statistical disclosure control of an estimate as everyone but its owner sees it (and as
 * every event carries it). Every count goes through {@link DisclosureControl}: 0 to 4 is shown as {@code "<5"},
 * every other count rounded to the nearest multiple of 5, so no difference between two shown counts (registered
 * against estimated, the total against a cell, two estimates of a series) can be a value from 1 to 4.
 * <p>
 * Breakdowns add complementary suppression. In each dimension, the people a reader cannot place in a shown cell
 * are those of the hidden cells plus those no cell accounts for (the total less the cells given). Whenever some are
 * hidden or unaccounted for and they add up to fewer than 5, the smallest shown cell is hidden too, and again, until
 * they add up to 5 or more or every cell is hidden; so the remainder a reader works out from the total is never a
 * group of 1 to 4 people, even before rounding.
 */
public final class Suppression {

    private Suppression() {}

    /** The count as shown: exact for those who see small counts, otherwise suppressed or rounded. */
    public static @Nullable Count count(@Nullable Integer value, boolean exact) {
        return DisclosureControl.count(value, exact);
    }

    /** Every count of the estimate as this reader sees it. */
    public static ShownCounts of(EstimateDetails d, boolean exact) {
        return new ShownCounts(
                count(d.registered(), exact), count(d.estimated(), exact), breakdown(d.breakdown(), d.total(), exact));
    }

    /** The breakdown as shown, in the order given, with primary and complementary suppression and rounding. */
    public static List<Disaggregation> breakdown(List<Cell> cells, Integer total, boolean exact) {
        if (exact) {
            return cells.stream()
                    .map(c -> new Disaggregation(c.dimension().name(), c.category(), Count.of(c.count())))
                    .toList();
        }
        Set<Cell> hidden = hidden(cells, total);
        return cells.stream()
                .map(c -> new Disaggregation(
                        c.dimension().name(),
                        c.category(),
                        hidden.contains(c) ? Count.hidden() : DisclosureControl.shown(c.count())))
                .toList();
    }

    /** The cells others do not see: the small ones, and their complements. */
    static Set<Cell> hidden(List<Cell> cells, Integer total) {
        Map<Dimension, List<Cell>> byDimension = new LinkedHashMap<>();
        cells.forEach(c -> byDimension
                .computeIfAbsent(c.dimension(), d -> new ArrayList<>())
                .add(c));
        Set<Cell> hidden = Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<Cell> dimension : byDimension.values()) {
            long listed = dimension.stream().mapToLong(Cell::count).sum();
            long unaccounted = total == null ? 0 : Math.max(0, total - listed);
            long mass = unaccounted;
            List<Cell> shown = new ArrayList<>();
            for (Cell c : dimension) {
                if (DisclosureControl.small(c.count())) {
                    hidden.add(c);
                    mass += c.count();
                } else {
                    shown.add(c);
                }
            }
            boolean remainder = unaccounted > 0 || shown.size() < dimension.size();
            shown.sort(Comparator.comparingInt(Cell::count));
            for (int i = 0; remainder && mass < DisclosureControl.THRESHOLD && i < shown.size(); i++) {
                hidden.add(shown.get(i));
                mass += shown.get(i).count();
            }
        }
        return hidden;
    }

    /** An estimate's counts as one reader sees them. */
    public record ShownCounts(
            @Nullable Count registered, @Nullable Count estimated, List<Disaggregation> breakdown) {}
}
