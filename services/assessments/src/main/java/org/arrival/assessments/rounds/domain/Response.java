package org.arrival.assessments.rounds.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.assessments.checklist.domain.Answer;
import org.arrival.assessments.checklist.domain.Instrument;
import org.arrival.platform.web.ApiException;
import org.arrival.platform.web.InvalidInput;

/**
 * A respondent organisation's answers to a round: any subset of the instrument's questions (partial answering is
 * allowed), each at most once. A resubmission replaces the whole response.
 */
public record Response(UUID roundId, UUID respondentId, List<GivenAnswer> answers) {

    public Response {
        answers = List.copyOf(answers);
    }

    /** Checks the answers against the round's instrument: every question must exist and be answered once. */
    public static Response of(UUID roundId, UUID respondentId, List<GivenAnswer> answers, Instrument instrument) {
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (GivenAnswer a : answers) {
            if (instrument.question(a.question()).isEmpty()) {
                unknown.add(a.question());
            } else if (!seen.add(a.question())) {
                repeated.add(a.question());
            }
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (!unknown.isEmpty()) {
            errors.add(new ApiException.FieldError(
                    "answers",
                    "unknown question codes of " + instrument.id() + " v" + instrument.version() + ": "
                            + String.join(", ", unknown)));
        }
        if (!repeated.isEmpty()) {
            errors.add(new ApiException.FieldError(
                    "answers", "questions answered more than once: " + String.join(", ", repeated)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(
                    String.join(
                            "; ",
                            errors.stream()
                                    .map(e -> e.field() + ": " + e.message())
                                    .toList()),
                    errors);
        }
        return new Response(roundId, respondentId, answers);
    }

    public int answered() {
        return answers.size();
    }

    /** Question code → answer, in the order given. */
    public Map<String, Answer> byQuestion() {
        Map<String, Answer> map = new LinkedHashMap<>();
        answers.forEach(a -> map.put(a.question(), a.answer()));
        return map;
    }
}
