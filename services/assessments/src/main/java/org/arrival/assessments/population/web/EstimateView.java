package org.arrival.assessments.population.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.population.application.PopulationService;
import org.arrival.assessments.population.application.PopulationService.SeenEstimate;
import org.arrival.assessments.population.domain.Suppression;
import org.arrival.assessments.shared.web.ShownCount;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.PopulationEstimate;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.jspecify.annotations.Nullable;

/**
 * A population estimate as the caller may see it: exact for its owner, who also gets {@code shownToOthers}, the
 * counts as everyone else sees them; suppressed or rounded to a multiple of 5 for others.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EstimateView(
        UUID id,
        long version,
        UUID ownerId,
        @Nullable String seriesId,
        Jurisdiction area,
        PopulationGroup group,
        @Nullable ShownCount registered,
        @Nullable ShownCount estimated,
        List<Cell> breakdown,
        String source,
        @Nullable String method,
        LocalDate asOf,
        DataClassification classification,
        List<UUID> sharedWithForums,
        Instant createdAt,
        Instant updatedAt,
        @Nullable ShownCountsView shownToOthers) {

    public static EstimateView of(SeenEstimate seen) {
        var stored = seen.stored();
        PopulationEstimate p = PopulationService.snapshot(stored.estimate(), seen.exact());
        var d = stored.estimate().details();
        return new EstimateView(
                p.estimateId(),
                p.version(),
                p.ownerId(),
                p.seriesId(),
                p.area(),
                p.group(),
                ShownCount.of(p.registered()),
                ShownCount.of(p.estimated()),
                p.breakdown() == null
                        ? List.of()
                        : p.breakdown().stream()
                                .map(c -> new Cell(c.dimension(), c.category(), ShownCount.of(c.count())))
                                .toList(),
                p.source(),
                p.method(),
                p.asOf(),
                d.classification(),
                d.sharedWithForums(),
                stored.createdAt(),
                stored.updatedAt(),
                seen.exact() ? ShownCountsView.of(Suppression.of(d, false)) : null);
    }

    /** One cell of the breakdown as shown. */
    public record Cell(
            String dimension, String category, @Nullable ShownCount count) {}
}
