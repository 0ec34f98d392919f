package org.arrival.assessments.rounds.web;

import java.util.List;
import java.util.UUID;
import org.arrival.assessments.rounds.application.RoundService.RoundComparison;
import org.arrival.assessments.rounds.domain.Comparison.Delta;
import org.arrival.assessments.rounds.domain.Comparison.Trend;
import org.arrival.contracts.common.Jurisdiction;
import org.jspecify.annotations.Nullable;

/**
 * Two published rounds of one place compared, overall and per recommendation, like with like: only the questions
 * assessed (answered by someone) in both rounds are compared.
 */
public record ComparisonView(
        UUID from, UUID to, Jurisdiction jurisdiction, DeltaView overall, List<DeltaView> recommendations) {

    /**
     * One recommendation, or the overall score ({@code code} null), compared.
     *
     * @param from the earlier round's own score, with its coverage
     * @param to the later round's own score, with its coverage
     * @param questionsCompared how many questions were assessed in both rounds: the only ones compared
     * @param comparedMax the maximum of the compared questions
     * @param fromPoints the earlier round's points over the compared questions
     * @param toPoints the later round's points over the compared questions
     * @param delta {@code toPoints - fromPoints}; null when no question was assessed in both rounds
     * @param trend IMPROVED, REGRESSED or UNCHANGED; NOT_COMPARABLE when no question was assessed in both rounds
     */
    public record DeltaView(
            @Nullable String code,
            ScoreView from,
            ScoreView to,
            int questionsCompared,
            int comparedMax,
            double fromPoints,
            double toPoints,
            @Nullable Double delta,
            Trend trend) {

        static DeltaView of(Delta d) {
            return new DeltaView(
                    d.code(),
                    ScoreView.of(d.from()),
                    ScoreView.of(d.to()),
                    d.questionsCompared(),
                    d.comparedMax(),
                    d.fromPoints(),
                    d.toPoints(),
                    d.delta(),
                    d.trend());
        }
    }

    public static ComparisonView of(RoundComparison c) {
        return new ComparisonView(
                c.from().id(),
                c.to().id(),
                c.to().profile().jurisdiction(),
                DeltaView.of(c.comparison().overall()),
                c.comparison().recommendations().stream().map(DeltaView::of).toList());
    }
}
