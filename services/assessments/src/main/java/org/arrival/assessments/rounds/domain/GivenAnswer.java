package org.arrival.assessments.rounds.domain;

import java.util.Objects;
import org.arrival.assessments.checklist.domain.Answer;
import org.arrival.platform.web.InvalidInput;
import org.jspecify.annotations.Nullable;

/** One respondent's answer to one question, with an optional note of the evidence behind it. */
public record GivenAnswer(
        String question, Answer answer, @Nullable String evidence) {

    public static final int MAX_EVIDENCE = 2000;

    public GivenAnswer {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        evidence = evidence == null || evidence.isBlank() ? null : evidence.strip();
        if (evidence != null && evidence.length() > MAX_EVIDENCE) {
            throw InvalidInput.field("evidence", "must be at most " + MAX_EVIDENCE + " characters");
        }
    }

    /** The same answer without its evidence note, for those who may not read notes. */
    public GivenAnswer withoutEvidence() {
        return new GivenAnswer(question, answer, null);
    }
}
