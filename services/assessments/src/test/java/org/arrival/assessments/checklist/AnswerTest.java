package org.arrival.assessments.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.arrival.assessments.checklist.domain.Answer;
import org.arrival.assessments.checklist.domain.Question;
import org.junit.jupiter.api.Test;

class AnswerTest {

    @Test
    void pointsFollowTheGuidesKey() {
        assertThat(Answer.Y.points()).isEqualTo(2);
        assertThat(Answer.S.points()).isEqualTo(1);
        assertThat(Answer.N.points()).isEqualTo(0);
        assertThat(Answer.values()).containsExactly(Answer.Y, Answer.S, Answer.N);
        assertThat(Answer.maxPoints()).isEqualTo(2);
    }

    @Test
    void aQuestionScoresItsAnswer() {
        Question q = new Question("1.1.a", "Is it so?");
        assertThat(q.maxScore()).isEqualTo(2);
        assertThat(q.score(Answer.S)).isEqualTo(1);
    }
}
