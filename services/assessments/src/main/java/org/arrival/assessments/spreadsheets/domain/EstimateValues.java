package org.arrival.assessments.spreadsheets.domain;

import java.time.LocalDate;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a population estimate a row sets, its counts exact; the breakdown and the forums it is shared with
 * are kept on an update (a new estimate has no breakdown and is shared with the forum), and an empty classification
 * keeps the estimate's own (FORUM for a new one).
 */
public record EstimateValues(
        @Nullable String seriesId,
        Jurisdiction area,
        PopulationGroup group,
        @Nullable Integer registered,
        @Nullable Integer estimated,
        String source,
        @Nullable String method,
        LocalDate asOf,
        @Nullable DataClassification classification) {}
