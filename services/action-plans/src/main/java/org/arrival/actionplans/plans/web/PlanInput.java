package org.arrival.actionplans.plans.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.plans.domain.PlanDetails;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Inclusion;
import org.arrival.contracts.actionplans.NupPhase;
import org.arrival.contracts.actionplans.PlanType;
import org.arrival.platform.web.AreaInput;

/** A plan as sent to record or edit it; its status moves through {@code POST /plans/{id}/status}. */
public record PlanInput(
        @NotBlank @Size(max = 300) String title,
        @NotNull PlanType type,
        @NotNull @Valid AreaInput jurisdiction,
        LocalDate periodStart,
        LocalDate periodEnd,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> objectives,
        NupPhase nupPhase,
        Inclusion inclusion,
        DataClassification classification,
        @Size(max = 50) List<@NotNull UUID> sharedWithForums) {

    public PlanDetails toDetails() {
        return new PlanDetails(
                title,
                type,
                jurisdiction.toJurisdiction(),
                periodStart,
                periodEnd,
                objectives,
                nupPhase,
                inclusion,
                classification,
                sharedWithForums);
    }
}
