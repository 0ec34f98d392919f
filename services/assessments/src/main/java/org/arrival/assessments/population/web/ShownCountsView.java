package org.arrival.assessments.population.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.arrival.assessments.population.domain.Suppression.ShownCounts;
import org.arrival.assessments.shared.web.ShownCount;
import org.jspecify.annotations.Nullable;

/**
 * An estimate's counts as everyone but its owner sees them (and as events carry them): each count either
 * {@code {"value": n}} with n a multiple of 5, or {@code {"suppressed": "<5"}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShownCountsView(
        @Nullable ShownCount registered, @Nullable ShownCount estimated, List<EstimateView.Cell> breakdown) {

    public static ShownCountsView of(ShownCounts counts) {
        return new ShownCountsView(
                ShownCount.of(counts.registered()),
                ShownCount.of(counts.estimated()),
                counts.breakdown().stream()
                        .map(c -> new EstimateView.Cell(c.dimension(), c.category(), ShownCount.of(c.count())))
                        .toList());
    }
}
