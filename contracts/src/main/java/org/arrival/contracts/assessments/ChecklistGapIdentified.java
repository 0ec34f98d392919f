package org.arrival.contracts.assessments;

import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;

/**
 * A checklist question the published round scored below "yes": a gap action plans can point to. Only a question
 * some respondent answered can be a gap; one nobody answered is not assessed.
 *
 * @param consolidatedAnswer {@code N} or {@code S}, from the respondents' mean points
 */
public record ChecklistGapIdentified(
        UUID gapId,
        UUID roundId,
        Jurisdiction jurisdiction,
        UUID convenorId,
        String recommendationCode,
        String actionCode,
        String questionCode,
        String consolidatedAnswer,
        double points,
        boolean divergent) {}
