package org.arrival.assessments.rounds.web;

import java.util.List;
import java.util.UUID;
import org.arrival.assessments.rounds.application.RoundService.RoundComparison;
import org.arrival.assessments.rounds.domain.Comparison.Delta;
import org.arrival.contracts.common.Jurisdiction;

/** Two published rounds of one place compared, overall and per recommendation. */
public record ComparisonView(
        UUID from, UUID to, Jurisdiction jurisdiction, Delta overall, List<Delta> recommendations) {

    public static ComparisonView of(RoundComparison c) {
        return new ComparisonView(
                c.from().id(),
                c.to().id(),
                c.to().profile().jurisdiction(),
                c.comparison().overall(),
                c.comparison().recommendations());
    }
}
