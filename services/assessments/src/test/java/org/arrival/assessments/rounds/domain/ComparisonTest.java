package org.arrival.assessments.rounds.domain;

import static org.arrival.assessments.checklist.domain.Answer.N;
import static org.arrival.assessments.checklist.domain.Answer.S;
import static org.arrival.assessments.checklist.domain.Answer.Y;
import static org.arrival.assessments.rounds.domain.Fixtures.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.arrival.assessments.checklist.domain.Answer;
import org.arrival.assessments.rounds.domain.Comparison.Delta;
import org.arrival.assessments.rounds.domain.Comparison.Trend;
import org.junit.jupiter.api.Test;

/** Rounds are compared like with like: over the questions assessed in both, and only where there are some. */
class ComparisonTest {

    private static RoundScores round(Map<String, Answer> answers) {
        return Scoring.score(Fixtures.instrument(), List.of(MINISTRY), Map.of(MINISTRY, answers));
    }

    private static Delta r1(Comparison c) {
        return c.recommendations().getFirst();
    }

    @Test
    void aQuestionAssessedOnlyInTheLaterRoundMakesItLookNeitherBetterNorWorse() {
        RoundScores earlier = round(Map.of("1.1.a", S));
        // the later round also answers 1.1.b Y (on its own, R1 would look better) and 1.2.a N (worse)
        RoundScores better = round(Map.of("1.1.a", S, "1.1.b", Y));
        RoundScores worse = round(Map.of("1.1.a", S, "1.2.a", N));
        for (RoundScores later : List.of(better, worse)) {
            Comparison c = Comparison.between(earlier, later);
            assertThat(r1(c).questionsCompared()).isEqualTo(1);
            assertThat(r1(c).comparedMax()).isEqualTo(2);
            assertThat(r1(c).fromPoints()).isEqualTo(1.0);
            assertThat(r1(c).toPoints()).isEqualTo(1.0);
            assertThat(r1(c).delta()).isEqualTo(0.0);
            assertThat(r1(c).trend()).isEqualTo(Trend.UNCHANGED);
            assertThat(c.overall().questionsCompared()).isEqualTo(1);
            assertThat(c.overall().trend()).isEqualTo(Trend.UNCHANGED);
            // the same, read the other way round: a question assessed only in the earlier round
            assertThat(Comparison.between(later, earlier).overall().trend()).isEqualTo(Trend.UNCHANGED);
        }
        // each round's own score still shows what it assessed
        Delta r1 = r1(Comparison.between(earlier, better));
        assertThat(r1.from()).isEqualTo(new Tally(1, 6, 2, 1, 3));
        assertThat(r1.to()).isEqualTo(new Tally(3, 6, 4, 2, 3));
        assertThat(r1(Comparison.between(earlier, worse)).to()).isEqualTo(new Tally(1, 6, 4, 2, 3));
    }

    @Test
    void onlyTheQuestionsAssessedInBothRoundsAreSummed() {
        RoundScores earlier = round(Map.of("1.1.a", N, "1.1.b", S, "2.1.a", Y));
        RoundScores later = round(Map.of("1.1.a", Y, "1.2.a", Y, "2.1.a", S, "2.1.b", Y));
        Comparison c = Comparison.between(earlier, later);
        // R1: only 1.1.a, 0 to 2; R2: only 2.1.a, 2 to 1; overall those two, 2 to 3
        assertThat(r1(c).questionsCompared()).isEqualTo(1);
        assertThat(r1(c).fromPoints()).isEqualTo(0.0);
        assertThat(r1(c).toPoints()).isEqualTo(2.0);
        assertThat(r1(c).delta()).isEqualTo(2.0);
        assertThat(r1(c).trend()).isEqualTo(Trend.IMPROVED);
        Delta r2 = c.recommendations().get(1);
        assertThat(r2.code()).isEqualTo("R2");
        assertThat(r2.fromPoints()).isEqualTo(2.0);
        assertThat(r2.toPoints()).isEqualTo(1.0);
        assertThat(r2.delta()).isEqualTo(-1.0);
        assertThat(r2.trend()).isEqualTo(Trend.REGRESSED);
        assertThat(c.overall().code()).isNull();
        assertThat(c.overall().questionsCompared()).isEqualTo(2);
        assertThat(c.overall().comparedMax()).isEqualTo(4);
        assertThat(c.overall().fromPoints()).isEqualTo(2.0);
        assertThat(c.overall().toPoints()).isEqualTo(3.0);
        assertThat(c.overall().delta()).isEqualTo(1.0);
        assertThat(c.overall().trend()).isEqualTo(Trend.IMPROVED);
        assertThat(c.overall().from()).isEqualTo(new Tally(3, 12, 6, 3, 6));
        assertThat(c.overall().to()).isEqualTo(new Tally(7, 12, 8, 4, 6));
    }

    @Test
    void aRecommendationWithNoQuestionAssessedInBothRoundsHasNoTrend() {
        // R2: nothing in the earlier round; then 2.1.a in one and 2.1.b in the other: assessed in both, but never
        // the same question
        RoundScores earlier = round(Map.of("1.1.a", S));
        RoundScores later = round(Map.of("1.1.a", Y, "2.1.a", Y));
        RoundScores disjoint = round(Map.of("1.1.a", Y, "2.1.b", N));
        for (Comparison c : List.of(
                Comparison.between(earlier, later),
                Comparison.between(later, earlier),
                Comparison.between(later, disjoint))) {
            Delta r2 = c.recommendations().get(1);
            assertThat(r2.code()).isEqualTo("R2");
            assertThat(r2.questionsCompared()).isZero();
            assertThat(r2.comparedMax()).isZero();
            assertThat(r2.fromPoints()).isZero();
            assertThat(r2.toPoints()).isZero();
            assertThat(r2.delta()).isNull();
            assertThat(r2.trend()).isEqualTo(Trend.NOT_COMPARABLE);
            assertThat(r1(c).trend()).isNotEqualTo(Trend.NOT_COMPARABLE);
            assertThat(c.overall().questionsCompared()).isEqualTo(1);
        }
        assertThat(r1(Comparison.between(earlier, later)).trend()).isEqualTo(Trend.IMPROVED);
        assertThat(r1(Comparison.between(later, disjoint)).trend()).isEqualTo(Trend.UNCHANGED);
    }

    @Test
    void roundsWithNothingInCommonAreNotComparableOverall() {
        Comparison c = Comparison.between(round(Map.of("1.1.a", Y)), round(Map.of("2.1.c", N)));
        assertThat(c.overall().questionsCompared()).isZero();
        assertThat(c.overall().delta()).isNull();
        assertThat(c.overall().trend()).isEqualTo(Trend.NOT_COMPARABLE);
        assertThat(c.recommendations()).allSatisfy(d -> assertThat(d.trend()).isEqualTo(Trend.NOT_COMPARABLE));
    }
}
