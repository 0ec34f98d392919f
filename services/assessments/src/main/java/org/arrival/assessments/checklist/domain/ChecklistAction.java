package org.arrival.assessments.checklist.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One action point of a recommendation, e.g. {@code 1.1}: the stakeholder groups responsible for it and the questions
 * that assess it. {@code printedMax} is the subtotal the Guide prints for it, or null where it prints none.
 */
public record ChecklistAction(
        String code,
        String title,
        List<StakeholderGroup> stakeholderGroups,
        @Nullable Integer printedMax,
        List<Question> questions) {

    public ChecklistAction {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        stakeholderGroups = List.copyOf(stakeholderGroups);
        questions = List.copyOf(questions);
    }

    public int maxScore() {
        return questions.stream().mapToInt(Question::maxScore).sum();
    }

    public Optional<Question> question(String questionCode) {
        return questions.stream().filter(q -> q.code().equals(questionCode)).findFirst();
    }
}
