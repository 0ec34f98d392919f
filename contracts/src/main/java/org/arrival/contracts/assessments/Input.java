package org.arrival.contracts.assessments;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's own record attached to an assessment round or a need it does not own, with its provenance.
 * Summaries only: never a person's story in a form that identifies them.
 *
 * @param subjectType {@code ROUND} or {@code NEED}
 */
public record Input(
        UUID inputId,
        UUID contributorId,
        InputKind kind,
        String subjectType,
        UUID subjectId,
        String summary,
        String provenance,
        @Nullable LocalDate collectedOn,
        @Nullable Count participants,
        @Nullable List<UUID> sharedWithForums) {}
