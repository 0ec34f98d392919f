package org.arrival.assessments.rounds.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.checklist.domain.Answer;
import org.arrival.assessments.rounds.application.RoundService.RespondentAnswers;
import org.jspecify.annotations.Nullable;

/**
 * A respondent's answers; {@code submittedAt} is null until it answers. Evidence notes are left out (and
 * {@code evidenceShown} is false) for callers who may not read them.
 */
public record ResponseView(
        UUID roundId,
        UUID respondentId,
        @Nullable Instant submittedAt,
        int answered,
        int questions,
        boolean evidenceShown,
        List<AnswerView> answers) {

    public record AnswerView(
            String question, Answer answer, @Nullable String evidence) {}

    public static ResponseView of(RespondentAnswers r) {
        return new ResponseView(
                r.roundId(),
                r.respondentId(),
                r.submittedAt(),
                r.answers().size(),
                r.questions(),
                r.evidenceShown(),
                r.answers().stream()
                        .map(a -> new AnswerView(a.question(), a.answer(), a.evidence()))
                        .toList());
    }
}
