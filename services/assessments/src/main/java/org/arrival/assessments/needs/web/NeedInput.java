package org.arrival.assessments.needs.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.needs.domain.NeedDetails;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.BarrierType;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.web.AreaInput;

/** A need as sent to record or edit it; its status moves through {@code POST /needs/{id}/status}. */
public record NeedInput(
        @NotBlank @Size(max = 2000) String statement,
        @NotNull Sector sector,
        @NotEmpty @Size(max = 15) List<@NotNull PopulationGroup> populationGroups,
        @NotNull @Valid AreaInput area,
        @NotNull Severity severity,
        @Size(max = 11) List<@NotNull BarrierType> barriers,
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> evidenceReferences,
        UUID roundId,
        DataClassification classification,
        @Size(max = 50) List<@NotNull UUID> sharedWithForums) {

    public NeedDetails toDetails() {
        return new NeedDetails(
                statement,
                sector,
                populationGroups,
                area.toJurisdiction(),
                severity,
                barriers,
                evidenceReferences,
                roundId,
                classification,
                sharedWithForums);
    }
}
