package org.arrival.contracts.actionplans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;
import org.jspecify.annotations.Nullable;

/** A plan or policy owned by an organisation, with its period, objectives and inclusion indicators. */
public record Plan(
        UUID planId,
        long version,
        UUID ownerId,
        String title,
        PlanType type,
        Jurisdiction jurisdiction,
        @Nullable LocalDate periodStart,
        @Nullable LocalDate periodEnd,
        @Nullable List<String> objectives,
        @Nullable NupPhase nupPhase,
        Inclusion inclusion,
        @Nullable List<UUID> sharedWithForums,
        PlanStatus status) {}
