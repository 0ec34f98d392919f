package org.arrival.assessments.rounds.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.arrival.assessments.checklist.domain.Answer;
import org.arrival.assessments.rounds.domain.GivenAnswer;
import org.arrival.platform.web.NotFreeText;

/** A respondent's answers: any subset of the checklist's questions, each Y, S or N with an optional evidence note. */
public record ResponseInput(@NotNull @Size(max = 1000) List<@NotNull @Valid AnswerInput> answers) {

    public List<GivenAnswer> toAnswers() {
        return answers.stream()
                .map(a -> new GivenAnswer(a.question().strip(), a.answer(), a.evidence()))
                .toList();
    }

    public record AnswerInput(
            @NotFreeText @NotBlank @Size(max = 20) String question,
            @NotNull Answer answer,
            @Size(max = GivenAnswer.MAX_EVIDENCE) String evidence) {}
}
