package org.arrival.contracts.actionplans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.jspecify.annotations.Nullable;

/**
 * An action or commitment: its accountable owner and participants, what, for whom, where and when, and what it
 * answers (needs, checklist gaps, framework items).
 *
 * @param implementsActionId the national commitment this local action implements (the vertical cascade)
 * @param requiresLocalImplementation whether municipalities are expected to implement this commitment
 * @param expectedImplementers organisations (e.g. municipalities) expected to link an implementing action
 * @param weight the action's weight in its parent commitment's roll-up of progress
 * @param frameworkItems codes of the framework catalogue, e.g. {@code SDG-11.1}, {@code GCM-15}, {@code UNH-R2}
 * @param orientation humanitarian, development, peacebuilding or nexus; absent when its owner has not said (and in
 *     events written before it existed)
 */
public record Action(
        UUID actionId,
        long version,
        UUID ownerId,
        @Nullable UUID planId,
        String title,
        @Nullable String description,
        ActionKind kind,
        List<Sector> sectors,
        List<PopulationGroup> targetGroups,
        @Nullable List<Jurisdiction> areas,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        ReportingCadence reportingCadence,
        @Nullable List<Participant> participants,
        @Nullable UUID implementsActionId,
        boolean requiresLocalImplementation,
        @Nullable List<UUID> expectedImplementers,
        @Nullable Integer weight,
        @Nullable List<UUID> needIds,
        @Nullable List<UUID> gapIds,
        @Nullable List<String> frameworkItems,
        @Nullable List<UUID> sharedWithForums,
        ActionStatus status,
        @Nullable ActionOrientation orientation) {}
