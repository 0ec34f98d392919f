package org.arrival.actionplans.actions.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.actionplans.ActionStatus;
import org.jspecify.annotations.Nullable;

/**
 * The vertical cascade of a commitment: the local actions implementing it, the weighted roll-up of their latest
 * progress, and the expected implementers that have not linked an action yet.
 * <p>
 * Roll-up = Σ(weight × latest percent, 0 for a child without a report) / Σ weight, over children that are not
 * CANCELLED; none when there is no such child.
 */
public record Cascade(List<Child> children, @Nullable Double percentComplete, List<UUID> missingImplementers) {

    /** One implementing action: its owner, status, weight and latest reported percent (null if none yet). */
    public record Child(
            UUID actionId,
            UUID ownerId,
            String title,
            ActionStatus status,
            int weight,
            @Nullable Integer latestPercent) {

        boolean counts() {
            return status != ActionStatus.CANCELLED;
        }
    }

    public static Cascade of(List<Child> children, List<UUID> expectedImplementers) {
        long weights = 0;
        long weighted = 0;
        for (Child c : children) {
            if (c.counts()) {
                weights += c.weight();
                weighted += (long) c.weight() * (c.latestPercent() == null ? 0 : c.latestPercent());
            }
        }
        Double percent = weights == 0
                ? null
                : BigDecimal.valueOf(weighted)
                        .divide(BigDecimal.valueOf(weights), 1, RoundingMode.HALF_UP)
                        .doubleValue();
        Set<UUID> implementing = new LinkedHashSet<>();
        children.stream().filter(Child::counts).forEach(c -> implementing.add(c.ownerId()));
        List<UUID> missing = expectedImplementers.stream()
                .filter(o -> !implementing.contains(o))
                .toList();
        return new Cascade(List.copyOf(children), percent, missing);
    }
}
