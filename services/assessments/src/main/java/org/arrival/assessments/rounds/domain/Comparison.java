package org.arrival.assessments.rounds.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arrival.assessments.rounds.domain.RoundScores.QuestionResult;
import org.arrival.assessments.rounds.domain.RoundScores.RecommendationResult;
import org.jspecify.annotations.Nullable;

/**
 * How a later round of the same place compares with an earlier one: per recommendation (present in both) and
 * overall, the change in points and whether the place improved, regressed or stayed the same. Like is compared with
 * like: only the questions assessed in both rounds (matched by code) count, and both rounds' points are summed over
 * those questions alone, so a question answered in one round only makes neither round look better or worse. Where
 * no question was assessed in both rounds there is nothing to compare.
 */
public record Comparison(Delta overall, List<Delta> recommendations) {

    private static final double EPSILON = 1e-9;

    public enum Trend {
        IMPROVED,
        REGRESSED,
        UNCHANGED,
        /** No question was assessed in both rounds. */
        NOT_COMPARABLE
    }

    /**
     * One recommendation, or the overall score ({@code code} null), compared. {@code from} and {@code to} are each
     * round's own score with its coverage; {@code fromPoints} and {@code toPoints} are their points over the
     * {@code questionsCompared} questions assessed in both, worth {@code comparedMax} points; {@code delta} is the
     * change between those two (null when nothing was compared), and {@code trend} its direction.
     */
    public record Delta(
            @Nullable String code,
            Tally from,
            Tally to,
            int questionsCompared,
            int comparedMax,
            double fromPoints,
            double toPoints,
            @Nullable Double delta,
            Trend trend) {

        static Delta between(
                @Nullable String code, Tally from, Tally to, List<QuestionResult> earlier, List<QuestionResult> later) {
            Map<String, Double> laterMeans = new HashMap<>();
            for (QuestionResult q : later) {
                Double mean = q.mean();
                if (mean != null) {
                    laterMeans.put(q.code(), mean);
                }
            }
            double fromPoints = 0;
            double toPoints = 0;
            int compared = 0;
            int comparedMax = 0;
            for (QuestionResult q : earlier) {
                Double before = q.mean();
                Double after = laterMeans.get(q.code());
                if (before != null && after != null) {
                    fromPoints += before;
                    toPoints += after;
                    compared++;
                    comparedMax += q.score().max();
                }
            }
            if (compared == 0) {
                return new Delta(code, from, to, 0, 0, 0, 0, null, Trend.NOT_COMPARABLE);
            }
            // both sides are out of the same questions, so the change in points is the change in share
            double earlierPoints = rounded(fromPoints);
            double laterPoints = rounded(toPoints);
            double delta = rounded(laterPoints - earlierPoints);
            Trend trend = Math.abs(delta) < EPSILON ? Trend.UNCHANGED : delta > 0 ? Trend.IMPROVED : Trend.REGRESSED;
            return new Delta(code, from, to, compared, comparedMax, earlierPoints, laterPoints, delta, trend);
        }

        private static double rounded(double points) {
            return Math.round(points * 1000) / 1000.0;
        }
    }

    public static Comparison between(RoundScores from, RoundScores to) {
        List<Delta> recommendations = new ArrayList<>();
        for (RecommendationResult earlier : from.recommendations()) {
            to.recommendation(earlier.code())
                    .ifPresent(later -> recommendations.add(Delta.between(
                            earlier.code(), earlier.score(), later.score(), questionsOf(earlier), questionsOf(later))));
        }
        return new Comparison(
                Delta.between(null, from.overall(), to.overall(), from.questions(), to.questions()), recommendations);
    }

    private static List<QuestionResult> questionsOf(RecommendationResult r) {
        return r.actions().stream().flatMap(a -> a.questions().stream()).toList();
    }
}
