package org.arrival.contracts.actionplans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;

/**
 * An action or commitment: its accountable owner and participants, what, for whom, where and when, and what it
 * answers (needs, checklist gaps, framework items).
 *
 * @param implementsActionId the national commitment this local action implements (the vertical cascade)
 * @param requiresLocalImplementation whether municipalities are expected to implement this commitment
 * @param expectedImplementers organisations (e.g. municipalities) expected to link an implementing action
 * @param weight the action's weight in its parent commitment's roll-up of progress
 * @param frameworkItems codes of the framework catalogue, e.g. {@code SDG-11.1}, {@code GCM-15}, {@code UNH-R2}
 */
public record Action(
        UUID actionId,
        long version,
        UUID ownerId,
        UUID planId,
        String title,
        String description,
        ActionKind kind,
        List<Sector> sectors,
        List<PopulationGroup> targetGroups,
        List<Jurisdiction> areas,
        LocalDate startDate,
        LocalDate endDate,
        ReportingCadence reportingCadence,
        List<Participant> participants,
        UUID implementsActionId,
        boolean requiresLocalImplementation,
        List<UUID> expectedImplementers,
        Integer weight,
        List<UUID> needIds,
        List<UUID> gapIds,
        List<String> frameworkItems,
        List<UUID> sharedWithForums,
        ActionStatus status) {
}
