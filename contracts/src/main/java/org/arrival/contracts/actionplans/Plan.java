package org.arrival.contracts.actionplans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.arrival.contracts.common.Jurisdiction;

/** A plan or policy owned by an organisation, with its period, objectives and inclusion indicators. */
public record Plan(
        UUID planId,
        long version,
        UUID ownerId,
        String title,
        PlanType type,
        Jurisdiction jurisdiction,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<String> objectives,
        NupPhase nupPhase,
        Inclusion inclusion,
        List<UUID> sharedWithForums,
        PlanStatus status) {
}
