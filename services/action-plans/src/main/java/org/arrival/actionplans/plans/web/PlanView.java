package org.arrival.actionplans.plans.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.plans.persistence.PlanRepository.StoredPlan;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Inclusion;
import org.arrival.contracts.actionplans.NupPhase;
import org.arrival.contracts.actionplans.PlanStatus;
import org.arrival.contracts.actionplans.PlanType;
import org.arrival.contracts.common.Jurisdiction;
import org.jspecify.annotations.Nullable;

/** A plan as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanView(
        UUID id,
        long version,
        UUID ownerId,
        String title,
        PlanType type,
        Jurisdiction jurisdiction,
        @Nullable LocalDate periodStart,
        @Nullable LocalDate periodEnd,
        List<String> objectives,
        @Nullable NupPhase nupPhase,
        Inclusion inclusion,
        PlanStatus status,
        DataClassification classification,
        List<UUID> sharedWithForums,
        Instant createdAt,
        Instant updatedAt) {

    public static PlanView of(StoredPlan s) {
        var p = s.plan();
        var d = p.details();
        return new PlanView(
                p.id(),
                p.version(),
                p.ownerId(),
                d.title(),
                d.type(),
                d.jurisdiction(),
                d.periodStart(),
                d.periodEnd(),
                d.objectives(),
                d.nupPhase(),
                d.inclusion(),
                p.status(),
                d.classification(),
                d.sharedWithForums(),
                s.createdAt(),
                s.updatedAt());
    }
}
