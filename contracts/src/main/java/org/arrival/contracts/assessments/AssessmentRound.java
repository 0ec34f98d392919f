package org.arrival.contracts.assessments;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;
import org.jspecify.annotations.Nullable;

/**
 * A round of the readiness self-assessment for a place, run by a convening organisation with named respondent
 * organisations, against one version of the checklist instrument.
 */
public record AssessmentRound(
        UUID roundId,
        long version,
        String title,
        Jurisdiction jurisdiction,
        UUID convenorId,
        List<UUID> respondentIds,
        String instrumentId,
        int instrumentVersion,
        @Nullable LocalDate closesOn,
        @Nullable List<UUID> sharedWithForums,
        RoundStatus status) {}
