package org.arrival.assessments.rounds.domain;

import java.util.ArrayList;
import java.util.List;
import org.arrival.assessments.rounds.domain.RoundScores.RecommendationResult;
import org.jspecify.annotations.Nullable;

/**
 * How a later round of the same place compares with an earlier one: per recommendation (present in both) and
 * overall, the change in points and whether the place improved, regressed or stayed the same. The trend is judged
 * on the share of the maximum, so rounds on instrument versions of different size remain comparable.
 */
public record Comparison(Delta overall, List<Delta> recommendations) {

    private static final double EPSILON = 1e-9;

    public enum Trend {
        IMPROVED,
        REGRESSED,
        UNCHANGED
    }

    /** {@code code} is null for the overall score. */
    public record Delta(@Nullable String code, Tally from, Tally to, double delta, Trend trend) {

        static Delta between(@Nullable String code, Tally from, Tally to) {
            double shareChange = to.share() - from.share();
            Trend trend = Math.abs(shareChange) < EPSILON
                    ? Trend.UNCHANGED
                    : shareChange > 0 ? Trend.IMPROVED : Trend.REGRESSED;
            return new Delta(code, from, to, Math.round((to.points() - from.points()) * 1000) / 1000.0, trend);
        }
    }

    public static Comparison between(RoundScores from, RoundScores to) {
        List<Delta> recommendations = new ArrayList<>();
        for (RecommendationResult earlier : from.recommendations()) {
            to.recommendation(earlier.code())
                    .ifPresent(later ->
                            recommendations.add(Delta.between(earlier.code(), earlier.score(), later.score())));
        }
        return new Comparison(Delta.between(null, from.overall(), to.overall()), recommendations);
    }
}
