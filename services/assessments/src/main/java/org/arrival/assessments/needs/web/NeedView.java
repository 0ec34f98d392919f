package org.arrival.assessments.needs.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.needs.persistence.NeedRepository.StoredNeed;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.BarrierType;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.jspecify.annotations.Nullable;

/** A need as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NeedView(
        UUID id,
        long version,
        UUID ownerId,
        String statement,
        Sector sector,
        List<PopulationGroup> populationGroups,
        Jurisdiction area,
        Severity severity,
        List<BarrierType> barriers,
        List<String> evidenceReferences,
        @Nullable UUID roundId,
        NeedStatus status,
        @Nullable String statusReason,
        List<UUID> actionIds,
        DataClassification classification,
        List<UUID> sharedWithForums,
        Instant createdAt,
        Instant updatedAt) {

    public static NeedView of(StoredNeed s) {
        var n = s.need();
        var d = n.details();
        return new NeedView(
                n.id(),
                n.version(),
                n.ownerId(),
                d.statement(),
                d.sector(),
                d.populationGroups(),
                d.area(),
                d.severity(),
                d.barriers(),
                d.evidenceReferences(),
                d.roundId(),
                n.status(),
                n.statusReason(),
                s.actionIds(),
                d.classification(),
                d.sharedWithForums(),
                s.createdAt(),
                s.updatedAt());
    }
}
