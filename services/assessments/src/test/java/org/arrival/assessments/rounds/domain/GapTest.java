package org.arrival.assessments.rounds.domain;

import static org.arrival.assessments.checklist.domain.Answer.N;
import static org.arrival.assessments.checklist.domain.Answer.S;
import static org.arrival.assessments.checklist.domain.Answer.Y;
import static org.arrival.assessments.rounds.domain.Fixtures.MINISTRY;
import static org.arrival.assessments.rounds.domain.Fixtures.NGO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which questions of a round are gaps: those assessed and scored below yes, never those nobody answered. */
class GapTest {

    private static final UUID ROUND = UUID.fromString("11111111-2222-3333-4444-555555555555");

    @Test
    void aQuestionNobodyAnsweredIsNoGap() {
        // R1 all answered; of R2 only 2.1.a (N by the ministry); 2.1.b and 2.1.c by nobody
        RoundScores scores = Scoring.score(
                Fixtures.instrument(),
                List.of(MINISTRY, NGO),
                Map.of(MINISTRY, Map.of("1.1.a", Y, "1.1.b", Y, "1.2.a", Y, "2.1.a", N), NGO, Map.of("1.1.a", Y)));
        List<Gap> gaps = Gap.of(ROUND, scores);
        assertThat(gaps).extracting(Gap::questionCode).containsExactly("2.1.a");
        assertThat(gaps.getFirst().consolidatedAnswer()).isEqualTo("N");
        assertThat(gaps.getFirst().points()).isEqualTo(0.0);
        assertThat(gaps.getFirst().actionCode()).isEqualTo("2.1");
        assertThat(gaps.getFirst().recommendationCode()).isEqualTo("R2");
        assertThat(gaps.getFirst().id()).isEqualTo(Gap.idOf(ROUND, "2.1.a"));
    }

    @Test
    void aQuestionOneOfTwoRespondentsAnsweredIsAssessedAndCanBeAGap() {
        // 1.1.b: the NGO answered S, the ministry skipped it: assessed, 1 point, a gap
        RoundScores scores = Scoring.score(
                Fixtures.instrument(),
                List.of(MINISTRY, NGO),
                Map.of(MINISTRY, Map.of("1.1.a", Y), NGO, Map.of("1.1.a", Y, "1.1.b", S)));
        assertThat(Gap.of(ROUND, scores)).singleElement().satisfies(g -> {
            assertThat(g.questionCode()).isEqualTo("1.1.b");
            assertThat(g.consolidatedAnswer()).isEqualTo("S");
            assertThat(g.points()).isEqualTo(1.0);
            assertThat(g.divergent()).isFalse();
        });
    }

    @Test
    void aRoundNobodyAnsweredHasNoGap() {
        RoundScores scores = Scoring.score(Fixtures.instrument(), List.of(MINISTRY, NGO), Map.of());
        assertThat(scores.questions())
                .hasSize(6)
                .allSatisfy(q -> assertThat(q.unanswered()).isTrue());
        assertThat(Gap.of(ROUND, scores)).isEmpty();
    }
}
