package org.arrival.contracts.assessments;

import java.util.List;
import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.jspecify.annotations.Nullable;

/** A need or finding: what is lacking, for whom, where, how severe, and what stands in the way. */
public record Need(
        UUID needId,
        long version,
        UUID ownerId,
        String statement,
        Sector sector,
        List<PopulationGroup> populationGroups,
        Jurisdiction area,
        Severity severity,
        @Nullable List<BarrierType> barriers,
        @Nullable List<String> evidenceReferences,
        @Nullable UUID roundId,
        NeedStatus status,
        @Nullable String statusReason,
        @Nullable List<UUID> sharedWithForums) {}
