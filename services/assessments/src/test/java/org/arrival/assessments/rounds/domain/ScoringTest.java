package org.arrival.assessments.rounds.domain;

import static org.arrival.assessments.checklist.domain.Answer.N;
import static org.arrival.assessments.checklist.domain.Answer.S;
import static org.arrival.assessments.checklist.domain.Answer.Y;
import static org.arrival.assessments.rounds.domain.Fixtures.ASSOCIATION;
import static org.arrival.assessments.rounds.domain.Fixtures.MINISTRY;
import static org.arrival.assessments.rounds.domain.Fixtures.NGO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.assessments.checklist.domain.Answer;
import org.arrival.assessments.rounds.domain.Comparison.Trend;
import org.junit.jupiter.api.Test;

/**
 * Scores computed by hand on the fixture instrument. The ministry answers mostly Y, the NGO is mixed (and skips
 * 2.1.b), the association mostly N (and skips R2); nobody answers 2.1.c.
 * <pre>
 *          ministry NGO assoc  mean          divergent
 *   1.1.a  Y 2      S 1  N 0   3/3 = 1.0     yes (Y and N)
 *   1.1.b  Y 2      N 0  N 0   2/3 = 0.667   yes
 *   1.2.a  Y 2      Y 2  S 1   5/3 = 1.667   no
 *   2.1.a  S 1      S 1  -     2/2 = 1.0     no
 *   2.1.b  Y 2      -    -     2/1 = 2.0     no
 *   2.1.c  -        -    -     0 (unanswered)
 *   1.1 = 1.667/4; 1.2 = 1.667/2; R1 = 3.333/6; 2.1 = R2 = 3/6; overall = 6.333/12
 *   ministry 9/12 (R1 6, R2 3), NGO 4/12 (R1 3, R2 1), association 1/12 (R1 1, R2 0)
 * </pre>
 */
class ScoringTest {

    static final List<UUID> RESPONDENTS = List.of(MINISTRY, NGO, ASSOCIATION);

    static Map<UUID, Map<String, Answer>> answers() {
        return Map.of(
                MINISTRY, Map.of("1.1.a", Y, "1.1.b", Y, "1.2.a", Y, "2.1.a", S, "2.1.b", Y),
                NGO, Map.of("1.1.a", S, "1.1.b", N, "1.2.a", Y, "2.1.a", S),
                ASSOCIATION, Map.of("1.1.a", N, "1.1.b", N, "1.2.a", S));
    }

    private final RoundScores scores = Scoring.score(Fixtures.instrument(), RESPONDENTS, answers());

    @Test
    void questionsAreTheMeanOfThoseWhoAnswered() {
        assertThat(scores.question("1.1.a").orElseThrow().score()).isEqualTo(new Tally(1.0, 2));
        assertThat(scores.question("1.1.b").orElseThrow().score()).isEqualTo(new Tally(0.667, 2));
        assertThat(scores.question("1.2.a").orElseThrow().score()).isEqualTo(new Tally(1.667, 2));
        var twoOneA = scores.question("2.1.a").orElseThrow();
        assertThat(twoOneA.score()).isEqualTo(new Tally(1.0, 2));
        assertThat(twoOneA.answeredBy()).isEqualTo(2);
        var twoOneB = scores.question("2.1.b").orElseThrow();
        assertThat(twoOneB.score()).isEqualTo(new Tally(2.0, 2));
        assertThat(twoOneB.answeredBy()).isEqualTo(1);
        assertThat(twoOneB.answers()).containsExactlyEntriesOf(Map.of(MINISTRY, Y));
    }

    @Test
    void aQuestionNobodyAnsweredCountsZeroAndIsReportedUnanswered() {
        var q = scores.question("2.1.c").orElseThrow();
        assertThat(q.unanswered()).isTrue();
        assertThat(q.mean()).isNull();
        assertThat(q.score()).isEqualTo(new Tally(0, 2));
        assertThat(scores.question("2.1.b").orElseThrow().unanswered()).isFalse();
    }

    @Test
    void actionsRecommendationsAndTheRoundSumTheirQuestions() {
        assertThat(scores.action("1.1").orElseThrow().score()).isEqualTo(new Tally(1.667, 4));
        assertThat(scores.action("1.2").orElseThrow().score()).isEqualTo(new Tally(1.667, 2));
        assertThat(scores.action("2.1").orElseThrow().score()).isEqualTo(new Tally(3.0, 6));
        assertThat(scores.recommendation("R1").orElseThrow().score()).isEqualTo(new Tally(3.333, 6));
        assertThat(scores.recommendation("R2").orElseThrow().score()).isEqualTo(new Tally(3.0, 6));
        assertThat(scores.overall()).isEqualTo(new Tally(6.333, 12));
    }

    @Test
    void eachRespondentScoresItsOwnAnswersWithGapsCountingZero() {
        assertThat(scores.respondents())
                .extracting(RoundScores.RespondentResult::respondentId)
                .containsExactly(MINISTRY, NGO, ASSOCIATION);
        var ministry = scores.respondents().get(0);
        assertThat(ministry.answered()).isEqualTo(5);
        assertThat(ministry.overall()).isEqualTo(new Tally(9, 12));
        assertThat(ministry.recommendations())
                .containsEntry("R1", new Tally(6, 6))
                .containsEntry("R2", new Tally(3, 6));
        assertThat(ministry.actions()).containsEntry("1.1", new Tally(4, 4)).containsEntry("2.1", new Tally(3, 6));
        var ngo = scores.respondents().get(1);
        assertThat(ngo.answered()).isEqualTo(4);
        assertThat(ngo.overall()).isEqualTo(new Tally(4, 12));
        assertThat(ngo.recommendations()).containsEntry("R1", new Tally(3, 6)).containsEntry("R2", new Tally(1, 6));
        var association = scores.respondents().get(2);
        assertThat(association.answered()).isEqualTo(3);
        assertThat(association.overall()).isEqualTo(new Tally(1, 12));
        assertThat(scores.respondentsWhoAnswered()).isEqualTo(3);
    }

    @Test
    void divergenceIsAYesAndANoOnTheSameQuestionWithWhoSaidWhat() {
        assertThat(scores.divergences())
                .extracting(RoundScores.Divergence::question)
                .containsExactly("1.1.a", "1.1.b");
        assertThat(scores.divergences().get(0).answers())
                .containsExactlyInAnyOrderEntriesOf(Map.of(MINISTRY, Y, NGO, S, ASSOCIATION, N));
        assertThat(scores.divergences().get(1).answers())
                .containsExactlyInAnyOrderEntriesOf(Map.of(MINISTRY, Y, NGO, N, ASSOCIATION, N));
        // Y and S, or S and N, are one point apart: not a divergence
        assertThat(scores.question("1.2.a").orElseThrow().divergent()).isFalse();
    }

    @Test
    void aRespondentWithoutAnswersScoresNothingAndIsNotCounted() {
        RoundScores none = Scoring.score(Fixtures.instrument(), RESPONDENTS, Map.of());
        assertThat(none.overall()).isEqualTo(new Tally(0, 12));
        assertThat(none.respondentsWhoAnswered()).isZero();
        assertThat(none.questions()).allSatisfy(q -> assertThat(q.unanswered()).isTrue());
        assertThat(none.divergences()).isEmpty();
    }

    @Test
    void everyQuestionBelowYesBecomesAGapWithADeterministicId() {
        UUID round = UUID.fromString("11111111-2222-3333-4444-555555555555");
        List<Gap> gaps = Gap.of(round, scores);
        assertThat(gaps).extracting(Gap::questionCode).containsExactly("1.1.a", "1.1.b", "1.2.a", "2.1.a", "2.1.c");
        assertThat(gaps).extracting(Gap::consolidatedAnswer).containsExactly("S", "N", "S", "S", "N");
        assertThat(gaps).extracting(Gap::points).containsExactly(1.0, 0.667, 1.667, 1.0, 0.0);
        assertThat(gaps).extracting(Gap::divergent).containsExactly(true, true, false, false, false);
        assertThat(gaps.get(0).recommendationCode()).isEqualTo("R1");
        assertThat(gaps.get(0).actionCode()).isEqualTo("1.1");
        assertThat(gaps.get(0).id())
                .isEqualTo(UUID.nameUUIDFromBytes((round + ":1.1.a").getBytes()))
                .isEqualTo(Gap.of(round, scores).get(0).id());
        assertThat(Gap.of(UUID.randomUUID(), scores).get(0).id())
                .isNotEqualTo(gaps.get(0).id());
    }

    @Test
    void aLaterRoundIsComparedPerRecommendationAndOverall() {
        // later: R1 all Y from everyone (6/6), R2 drops to the NGO's single N on 2.1.a (0/6)
        RoundScores later = Scoring.score(
                Fixtures.instrument(),
                RESPONDENTS,
                Map.of(
                        MINISTRY, Map.of("1.1.a", Y, "1.1.b", Y, "1.2.a", Y),
                        NGO, Map.of("1.1.a", Y, "1.1.b", Y, "1.2.a", Y, "2.1.a", N)));
        Comparison c = Comparison.between(scores, later);
        assertThat(c.recommendations()).extracting(Comparison.Delta::code).containsExactly("R1", "R2");
        Comparison.Delta r1 = c.recommendations().get(0);
        assertThat(r1.from()).isEqualTo(new Tally(3.333, 6));
        assertThat(r1.to()).isEqualTo(new Tally(6, 6));
        assertThat(r1.delta()).isEqualTo(2.667);
        assertThat(r1.trend()).isEqualTo(Trend.IMPROVED);
        assertThat(c.recommendations().get(1).delta()).isEqualTo(-3.0);
        assertThat(c.recommendations().get(1).trend()).isEqualTo(Trend.REGRESSED);
        assertThat(c.overall().delta()).isEqualTo(-0.333);
        assertThat(c.overall().trend()).isEqualTo(Trend.REGRESSED);
        assertThat(Comparison.between(scores, scores).overall().trend()).isEqualTo(Trend.UNCHANGED);
        assertThat(Comparison.between(scores, scores).recommendations())
                .allSatisfy(d -> assertThat(d.trend()).isEqualTo(Trend.UNCHANGED));
    }

    @Test
    void pointsAreRoundedToThreeDecimalsHalvesUpAndTheShareIsOfTheMaximum() {
        assertThat(Tally.of(2 / 3.0, 2).points()).isEqualTo(0.667);
        assertThat(Tally.of(1 / 3.0, 2).points()).isEqualTo(0.333);
        assertThat(Tally.of(0.0005, 2).points()).isEqualTo(0.001);
        assertThat(Tally.of(0.0004, 2).points()).isEqualTo(0.0);
        assertThat(new Tally(3, 6).share()).isEqualTo(0.5);
        assertThat(new Tally(4.5, 6).share()).isEqualTo(0.75);
        assertThat(new Tally(0, 0).share()).as("nothing to score").isZero();
        assertThat(scores.overall().share()).isEqualTo(6.333 / 12);
    }

    @Test
    void yesScoresTwoSometimesOneNoZero() {
        RoundScores one = Scoring.score(
                Fixtures.instrument(), List.of(MINISTRY), Map.of(MINISTRY, Map.of("1.1.a", Y, "1.1.b", S, "1.2.a", N)));
        assertThat(one.question("1.1.a").orElseThrow().mean()).isEqualTo(2.0);
        assertThat(one.question("1.1.b").orElseThrow().mean()).isEqualTo(1.0);
        assertThat(one.question("1.2.a").orElseThrow().mean()).isEqualTo(0.0);
        assertThat(one.question("1.2.a").orElseThrow().unanswered()).isFalse();
        assertThat(one.respondents().getFirst().overall()).isEqualTo(new Tally(3, 12));
        assertThat(one.divergences()).as("one respondent never diverges").isEmpty();
        assertThat(one.question("none")).isEmpty();
        assertThat(one.action("9.9")).isEmpty();
        assertThat(one.recommendation("R9")).isEmpty();
    }
}
