package org.arrival.assessments.spreadsheets.domain;

import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.BarrierType;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a need a row sets; the forums it is shared with are kept on an update (a new need is shared with the
 * forum), and an empty classification keeps the need's own (FORUM for a new one).
 */
public record NeedValues(
        String statement,
        Sector sector,
        List<PopulationGroup> populationGroups,
        Jurisdiction area,
        Severity severity,
        List<BarrierType> barriers,
        List<String> evidenceReferences,
        @Nullable UUID roundId,
        @Nullable DataClassification classification) {

    public NeedValues {
        populationGroups = List.copyOf(populationGroups);
        barriers = barriers == null ? List.of() : List.copyOf(barriers);
        evidenceReferences = evidenceReferences == null ? List.of() : List.copyOf(evidenceReferences);
    }

    /** The same values in another assessment round. */
    public NeedValues withRound(@Nullable UUID round) {
        return new NeedValues(
                statement,
                sector,
                populationGroups,
                area,
                severity,
                barriers,
                evidenceReferences,
                round,
                classification);
    }
}
