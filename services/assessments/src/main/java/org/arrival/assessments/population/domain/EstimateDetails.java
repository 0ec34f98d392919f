package org.arrival.assessments.population.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.platform.web.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * What an owner says about a population: where, which group, how many registered and estimated, broken down how,
 * from which source and method, as of when, and who may see it.
 */
public record EstimateDetails(
        @Nullable String seriesId,
        Jurisdiction area,
        PopulationGroup group,
        Integer registered,
        Integer estimated,
        List<Cell> breakdown,
        String source,
        @Nullable String method,
        LocalDate asOf,
        DataClassification classification,
        List<UUID> sharedWithForums) {

    public EstimateDetails {
        breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
        sharedWithForums =
                sharedWithForums == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(sharedWithForums));
        classification = classification == null ? DataClassification.FORUM : classification;
        seriesId = blankToNull(seriesId);
        source = blankToNull(source);
        method = blankToNull(method);
    }

    /** The total a breakdown divides: the estimate where there is one, else the registered count. */
    public int total() {
        return estimated != null ? estimated : registered;
    }

    /** Checks the rules a single field's constraints cannot express; {@code today} bounds {@code asOf}. */
    public EstimateDetails validated(LocalDate today) {
        if (area == null || area.country() == null) {
            throw InvalidInput.field("area.country", "is required");
        }
        if (area.subdivision() != null && !area.subdivision().startsWith(area.country() + "-")) {
            throw InvalidInput.field("area.subdivision", "must be a subdivision of " + area.country());
        }
        if (group == null) {
            throw InvalidInput.field("group", "is required");
        }
        if (registered == null && estimated == null) {
            throw InvalidInput.field("estimated", "give the registered count, the estimated count or both");
        }
        if ((registered != null && registered < 0) || (estimated != null && estimated < 0)) {
            throw InvalidInput.field(
                    registered != null && registered < 0 ? "registered" : "estimated", "must be 0 or more");
        }
        if (source == null) {
            throw InvalidInput.field("source", "must not be blank");
        }
        if (asOf == null) {
            throw InvalidInput.field("asOf", "is required");
        }
        if (asOf.isAfter(today)) {
            throw InvalidInput.field("asOf", "must not be in the future");
        }
        Map<Dimension, Long> sums = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < breakdown.size(); i++) {
            Cell c = breakdown.get(i);
            if (c.dimension() == null) {
                throw InvalidInput.field("breakdown[" + i + "].dimension", "is required");
            }
            if (!c.dimension().categories().contains(c.category())) {
                throw InvalidInput.field(
                        "breakdown[" + i + "].category",
                        "must be one of " + String.join(", ", c.dimension().categories()) + " for " + c.dimension());
            }
            if (c.count() < 0) {
                throw InvalidInput.field("breakdown[" + i + "].count", "must be 0 or more");
            }
            if (!seen.add(c.dimension() + "/" + c.category())) {
                throw InvalidInput.field(
                        "breakdown[" + i + "].category", c.category() + " is given twice for " + c.dimension());
            }
            sums.merge(c.dimension(), (long) c.count(), Long::sum);
        }
        for (Map.Entry<Dimension, Long> sum : sums.entrySet()) {
            if (sum.getValue() > total()) {
                throw InvalidInput.field(
                        "breakdown",
                        "the " + sum.getKey() + " cells add up to " + sum.getValue() + ", more than the total of "
                                + total() + " they break down");
            }
        }
        return this;
    }

    /** The names of the fields that differ in {@code next}. */
    public List<String> changesTo(EstimateDetails next) {
        List<String> changed = new ArrayList<>();
        diff(changed, "seriesId", seriesId, next.seriesId);
        diff(changed, "area", area, next.area);
        diff(changed, "group", group, next.group);
        diff(changed, "registered", registered, next.registered);
        diff(changed, "estimated", estimated, next.estimated);
        diff(changed, "breakdown", breakdown, next.breakdown);
        diff(changed, "source", source, next.source);
        diff(changed, "method", method, next.method);
        diff(changed, "asOf", asOf, next.asOf);
        diff(changed, "classification", classification, next.classification);
        diff(changed, "sharedWithForums", Set.copyOf(sharedWithForums), Set.copyOf(next.sharedWithForums));
        return changed;
    }

    private static void diff(List<String> changed, String name, @Nullable Object a, @Nullable Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(name);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
