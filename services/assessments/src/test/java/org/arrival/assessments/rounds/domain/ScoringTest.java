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
 * 2.1.b), the association mostly N (and skips R2); nobody answers 2.1.c, so it is not assessed.
 * <pre>
 *          ministry NGO assoc  mean          divergent
 *   1.1.a  Y 2      S 1  N 0   3/3 = 1.0     yes (Y and N)
 *   1.1.b  Y 2      N 0  N 0   2/3 = 0.667   yes
 *   1.2.a  Y 2      Y 2  S 1   5/3 = 1.667   no
 *   2.1.a  S 1      S 1  -     2/2 = 1.0     no
 *   2.1.b  Y 2      -    -     2/1 = 2.0     no (assessed: one respondent answered it)
 *   2.1.c  -        -    -     not assessed
 *   points / max, assessed max, questions assessed of questions:
 *   1.1 = 1.667/4, 4, 2 of 2; 1.2 = 1.667/2, 2, 1 of 1; R1 = 3.333/6, 6, 3 of 3
 *   2.1 = R2 = 3/6, 4, 2 of 3; overall = 6.333/12, 10, 5 of 6 (share 0.633)
 *   ministry 9/12, 10, 5 of 6 (R1 6/6, R2 3/6 of 4); NGO 4/12, 8, 4 of 6 (R1 3/6, R2 1/6 of 2);
 *   association 1/12, 6, 3 of 6 (R1 1/6, R2 0/6 of 0)
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
        assertThat(scores.question("1.1.a").orElseThrow().score()).isEqualTo(new Tally(1.0, 2, 2, 1, 1));
        assertThat(scores.question("1.1.b").orElseThrow().score()).isEqualTo(new Tally(0.667, 2, 2, 1, 1));
        assertThat(scores.question("1.2.a").orElseThrow().score()).isEqualTo(new Tally(1.667, 2, 2, 1, 1));
        var twoOneA = scores.question("2.1.a").orElseThrow();
        assertThat(twoOneA.score()).isEqualTo(new Tally(1.0, 2, 2, 1, 1));
        assertThat(twoOneA.answeredBy()).isEqualTo(2);
        var twoOneB = scores.question("2.1.b").orElseThrow();
        assertThat(twoOneB.score()).isEqualTo(new Tally(2.0, 2, 2, 1, 1));
        assertThat(twoOneB.answeredBy()).isEqualTo(1);
        assertThat(twoOneB.answers()).containsExactlyEntriesOf(Map.of(MINISTRY, Y));
    }

    @Test
    void aQuestionNobodyAnsweredIsNotAssessedRatherThanScoredZero() {
        var q = scores.question("2.1.c").orElseThrow();
        assertThat(q.unanswered()).isTrue();
        assertThat(q.mean()).isNull();
        assertThat(q.score()).isEqualTo(new Tally(0, 2, 0, 0, 1));
        assertThat(q.score().assessed()).isFalse();
        assertThat(q.score().share()).as("no share: not assessed").isNull();
        // answered by one respondent of three: assessed
        var twoOneB = scores.question("2.1.b").orElseThrow();
        assertThat(twoOneB.unanswered()).isFalse();
        assertThat(twoOneB.score().assessed()).isTrue();
        assertThat(twoOneB.score().share()).isEqualTo(1.0);
    }

    @Test
    void actionsRecommendationsAndTheRoundSumTheirAssessedQuestionsAndCountTheCoverage() {
        assertThat(scores.action("1.1").orElseThrow().score()).isEqualTo(new Tally(1.667, 4, 4, 2, 2));
        assertThat(scores.action("1.2").orElseThrow().score()).isEqualTo(new Tally(1.667, 2, 2, 1, 1));
        assertThat(scores.action("2.1").orElseThrow().score()).isEqualTo(new Tally(3.0, 6, 4, 2, 3));
        assertThat(scores.recommendation("R1").orElseThrow().score()).isEqualTo(new Tally(3.333, 6, 6, 3, 3));
        assertThat(scores.recommendation("R2").orElseThrow().score()).isEqualTo(new Tally(3.0, 6, 4, 2, 3));
        assertThat(scores.overall()).isEqualTo(new Tally(6.333, 12, 10, 5, 6));
    }

    @Test
    void theShareIsOfTheAssessedMaximumNotOfTheInstruments() {
        // R2: 3 points; 2.1.c, which nobody answered, is left out: 3 of 4, not 3 of 6
        assertThat(scores.recommendation("R2").orElseThrow().score().share()).isEqualTo(0.75);
        assertThat(scores.action("2.1").orElseThrow().score().share()).isEqualTo(0.75);
        assertThat(scores.recommendation("R1").orElseThrow().score().share()).isEqualTo(3.333 / 6);
        assertThat(scores.overall().share()).isEqualTo(6.333 / 10);
    }

    @Test
    void eachRespondentScoresItsOwnAnswersAndAssessesOnlyWhatItAnswered() {
        assertThat(scores.respondents())
                .extracting(RoundScores.RespondentResult::respondentId)
                .containsExactly(MINISTRY, NGO, ASSOCIATION);
        var ministry = scores.respondents().get(0);
        assertThat(ministry.answered()).isEqualTo(5);
        assertThat(ministry.overall()).isEqualTo(new Tally(9, 12, 10, 5, 6));
        assertThat(ministry.recommendations())
                .containsEntry("R1", new Tally(6, 6, 6, 3, 3))
                .containsEntry("R2", new Tally(3, 6, 4, 2, 3));
        assertThat(ministry.actions())
                .containsEntry("1.1", new Tally(4, 4, 4, 2, 2))
                .containsEntry("1.2", new Tally(2, 2, 2, 1, 1))
                .containsEntry("2.1", new Tally(3, 6, 4, 2, 3));
        var ngo = scores.respondents().get(1);
        assertThat(ngo.answered()).isEqualTo(4);
        assertThat(ngo.overall()).isEqualTo(new Tally(4, 12, 8, 4, 6));
        assertThat(ngo.recommendations())
                .containsEntry("R1", new Tally(3, 6, 6, 3, 3))
                .containsEntry("R2", new Tally(1, 6, 2, 1, 3));
        assertThat(ngo.actions()).containsEntry("2.1", new Tally(1, 6, 2, 1, 3));
        var association = scores.respondents().get(2);
        assertThat(association.answered()).isEqualTo(3);
        assertThat(association.overall()).isEqualTo(new Tally(1, 12, 6, 3, 6));
        assertThat(association.recommendations())
                .containsEntry("R1", new Tally(1, 6, 6, 3, 3))
                .containsEntry("R2", new Tally(0, 6, 0, 0, 3));
        assertThat(association.recommendations().get("R2").share())
                .as("the association assessed nothing of R2")
                .isNull();
        assertThat(association.overall().share()).isEqualTo(1 / 6.0);
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
        assertThat(none.overall()).isEqualTo(new Tally(0, 12, 0, 0, 6));
        assertThat(none.overall().share()).isNull();
        assertThat(none.respondents().getFirst().overall()).isEqualTo(new Tally(0, 12, 0, 0, 6));
        assertThat(Gap.of(UUID.randomUUID(), none))
                .as("nothing assessed, no gap")
                .isEmpty();
        assertThat(none.respondentsWhoAnswered()).isZero();
        assertThat(none.questions()).allSatisfy(q -> assertThat(q.unanswered()).isTrue());
        assertThat(none.divergences()).isEmpty();
    }

    @Test
    void everyAssessedQuestionBelowYesBecomesAGapWithADeterministicId() {
        UUID round = UUID.fromString("11111111-2222-3333-4444-555555555555");
        List<Gap> gaps = Gap.of(round, scores);
        // 2.1.c, which nobody answered, is not assessed and no gap; 2.1.b scored yes
        assertThat(gaps).extracting(Gap::questionCode).containsExactly("1.1.a", "1.1.b", "1.2.a", "2.1.a");
        assertThat(gaps).extracting(Gap::consolidatedAnswer).containsExactly("S", "N", "S", "S");
        assertThat(gaps).extracting(Gap::points).containsExactly(1.0, 0.667, 1.667, 1.0);
        assertThat(gaps).extracting(Gap::divergent).containsExactly(true, true, false, false);
        assertThat(gaps.get(0).recommendationCode()).isEqualTo("R1");
        assertThat(gaps.get(0).actionCode()).isEqualTo("1.1");
        assertThat(gaps.get(0).id())
                .isEqualTo(UUID.nameUUIDFromBytes((round + ":1.1.a").getBytes()))
                .isEqualTo(Gap.of(round, scores).get(0).id());
        assertThat(Gap.of(UUID.randomUUID(), scores).get(0).id())
                .isNotEqualTo(gaps.get(0).id());
    }

    @Test
    void aLaterRoundIsComparedPerRecommendationAndOverallOnTheQuestionsAssessedInBoth() {
        // later: R1 all Y from everyone (6/6), R2 only the NGO's N on 2.1.a (0 of 2; 2.1.b no longer assessed).
        // Compared: R1's three questions, and of R2 only 2.1.a, which fell from 1 to 0; overall those four, from
        // 4.333 to 6. Summing everything would say the place regressed overall (6.333 to 6) only because nobody
        // answered 2.1.b the second time.
        RoundScores later = Scoring.score(
                Fixtures.instrument(),
                RESPONDENTS,
                Map.of(
                        MINISTRY, Map.of("1.1.a", Y, "1.1.b", Y, "1.2.a", Y),
                        NGO, Map.of("1.1.a", Y, "1.1.b", Y, "1.2.a", Y, "2.1.a", N)));
        Comparison c = Comparison.between(scores, later);
        assertThat(c.recommendations()).extracting(Comparison.Delta::code).containsExactly("R1", "R2");
        Comparison.Delta r1 = c.recommendations().get(0);
        assertThat(r1.from()).isEqualTo(new Tally(3.333, 6, 6, 3, 3));
        assertThat(r1.to()).isEqualTo(new Tally(6, 6, 6, 3, 3));
        assertThat(r1.questionsCompared()).isEqualTo(3);
        assertThat(r1.comparedMax()).isEqualTo(6);
        assertThat(r1.fromPoints()).isEqualTo(3.333);
        assertThat(r1.toPoints()).isEqualTo(6.0);
        assertThat(r1.delta()).isEqualTo(2.667);
        assertThat(r1.trend()).isEqualTo(Trend.IMPROVED);
        Comparison.Delta r2 = c.recommendations().get(1);
        assertThat(r2.from()).isEqualTo(new Tally(3, 6, 4, 2, 3));
        assertThat(r2.to()).isEqualTo(new Tally(0, 6, 2, 1, 3));
        assertThat(r2.questionsCompared()).isEqualTo(1);
        assertThat(r2.comparedMax()).isEqualTo(2);
        assertThat(r2.fromPoints()).isEqualTo(1.0);
        assertThat(r2.toPoints()).isEqualTo(0.0);
        assertThat(r2.delta()).isEqualTo(-1.0);
        assertThat(r2.trend()).isEqualTo(Trend.REGRESSED);
        assertThat(c.overall().questionsCompared()).isEqualTo(4);
        assertThat(c.overall().comparedMax()).isEqualTo(8);
        assertThat(c.overall().fromPoints()).isEqualTo(4.333);
        assertThat(c.overall().toPoints()).isEqualTo(6.0);
        assertThat(c.overall().delta()).isEqualTo(1.667);
        assertThat(c.overall().trend()).isEqualTo(Trend.IMPROVED);
        assertThat(Comparison.between(scores, scores).overall().trend()).isEqualTo(Trend.UNCHANGED);
        assertThat(Comparison.between(scores, scores).recommendations())
                .allSatisfy(d -> assertThat(d.trend()).isEqualTo(Trend.UNCHANGED));
    }

    @Test
    void pointsAreRoundedToThreeDecimalsHalvesUpAndTheShareIsOfTheAssessedMaximum() {
        assertThat(Tally.of(2 / 3.0, 2, 2, 1, 1).points()).isEqualTo(0.667);
        assertThat(Tally.of(1 / 3.0, 2, 2, 1, 1).points()).isEqualTo(0.333);
        assertThat(Tally.of(0.0005, 2, 2, 1, 1).points()).isEqualTo(0.001);
        assertThat(Tally.of(0.0004, 2, 2, 1, 1).points()).isEqualTo(0.0);
        assertThat(Tally.of(1, 6, 4, 2, 3)).isEqualTo(new Tally(1, 6, 4, 2, 3));
        assertThat(new Tally(3, 6, 6, 3, 3).share()).isEqualTo(0.5);
        assertThat(new Tally(3, 6, 4, 2, 3).share()).isEqualTo(0.75);
        assertThat(new Tally(4.5, 6, 6, 3, 3).share()).isEqualTo(0.75);
        assertThat(new Tally(0, 6, 2, 1, 3).share())
                .as("assessed, scored nothing")
                .isZero();
        assertThat(new Tally(0, 6, 0, 0, 3).share()).as("nothing assessed").isNull();
        assertThat(new Tally(0, 6, 0, 0, 3).assessed()).isFalse();
        assertThat(new Tally(0, 6, 2, 1, 3).assessed()).isTrue();
    }

    @Test
    void yesScoresTwoSometimesOneNoZero() {
        RoundScores one = Scoring.score(
                Fixtures.instrument(), List.of(MINISTRY), Map.of(MINISTRY, Map.of("1.1.a", Y, "1.1.b", S, "1.2.a", N)));
        assertThat(one.question("1.1.a").orElseThrow().mean()).isEqualTo(2.0);
        assertThat(one.question("1.1.b").orElseThrow().mean()).isEqualTo(1.0);
        assertThat(one.question("1.2.a").orElseThrow().mean()).isEqualTo(0.0);
        assertThat(one.question("1.2.a").orElseThrow().unanswered()).isFalse();
        assertThat(one.respondents().getFirst().overall()).isEqualTo(new Tally(3, 12, 6, 3, 6));
        assertThat(one.divergences()).as("one respondent never diverges").isEmpty();
        assertThat(one.question("none")).isEmpty();
        assertThat(one.action("9.9")).isEmpty();
        assertThat(one.recommendation("R9")).isEmpty();
    }
}
