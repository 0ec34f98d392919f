package org.arrival.assessments.checklist.domain;

import java.util.Objects;

/** One yes/no question of the checklist, e.g. {@code 1.1.a}; answered Y, S or N. */
public record Question(String code, String text) {

    public Question {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }

    /** Every question is worth at most the points of a "yes". */
    public int maxScore() {
        return Answer.maxPoints();
    }

    /** The points an answer earns on this question. */
    public int score(Answer answer) {
        return Objects.requireNonNull(answer, "answer").points();
    }
}
