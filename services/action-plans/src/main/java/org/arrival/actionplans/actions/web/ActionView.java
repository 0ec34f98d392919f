package org.arrival.actionplans.actions.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.actions.persistence.ActionRepository.StoredAction;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionOrientation;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.Participant;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.jspecify.annotations.Nullable;

/** An action as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionView(
        UUID id,
        long version,
        UUID ownerId,
        @Nullable UUID planId,
        String title,
        @Nullable String description,
        ActionKind kind,
        @Nullable ActionOrientation orientation,
        List<Sector> sectors,
        List<PopulationGroup> targetGroups,
        List<Jurisdiction> areas,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        ReportingCadence reportingCadence,
        List<Participant> participants,
        @Nullable UUID implementsActionId,
        boolean requiresLocalImplementation,
        List<UUID> expectedImplementers,
        @Nullable Integer weight,
        List<UUID> needIds,
        List<UUID> gapIds,
        List<String> frameworkItems,
        ActionStatus status,
        DataClassification classification,
        List<UUID> sharedWithForums,
        Instant createdAt,
        Instant updatedAt) {

    public static ActionView of(StoredAction s) {
        var a = s.action();
        var d = a.details();
        return new ActionView(
                a.id(),
                a.version(),
                a.ownerId(),
                d.planId(),
                d.title(),
                d.description(),
                d.kind(),
                d.orientation(),
                d.sectors(),
                d.targetGroups(),
                d.areas(),
                d.startDate(),
                d.endDate(),
                d.reportingCadence(),
                d.participants(),
                d.implementsActionId(),
                d.requiresLocalImplementation(),
                d.expectedImplementers(),
                d.weight(),
                d.needIds(),
                d.gapIds(),
                d.frameworkItems(),
                a.status(),
                d.classification(),
                d.sharedWithForums(),
                s.createdAt(),
                s.updatedAt());
    }
}
