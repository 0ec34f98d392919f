package org.arrival.assessments.population.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.population.domain.Cell;
import org.arrival.assessments.population.domain.Dimension;
import org.arrival.assessments.population.domain.EstimateDetails;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.platform.web.AreaInput;
import org.arrival.platform.web.NotFreeText;

/** A population estimate as sent to record or revise it; counts are exact here and suppressed on the way out. */
public record EstimateInput(
        @NotFreeText @Size(max = 100) String seriesId,
        @NotNull @Valid AreaInput area,
        @NotNull PopulationGroup group,
        @PositiveOrZero Integer registered,
        @PositiveOrZero Integer estimated,
        @Size(max = 30) List<@Valid @NotNull CellInput> breakdown,
        @NotBlank @Size(max = 500) String source,
        @Size(max = 500) String method,
        @NotNull LocalDate asOf,
        DataClassification classification,
        @Size(max = 50) List<@NotNull UUID> sharedWithForums) {

    public EstimateDetails toDetails() {
        return new EstimateDetails(
                seriesId,
                area.toJurisdiction(),
                group,
                registered,
                estimated,
                breakdown == null
                        ? List.of()
                        : breakdown.stream()
                                .map(c -> new Cell(c.dimension(), c.category(), c.count()))
                                .toList(),
                source,
                method,
                asOf,
                classification,
                sharedWithForums);
    }

    /** One cell: a dimension, one of its categories, and the exact count. */
    public record CellInput(
            @NotNull Dimension dimension,
            @NotFreeText @NotBlank @Size(max = 50) String category,
            @NotNull @PositiveOrZero Integer count) {}
}
