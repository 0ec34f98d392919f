package org.arrival.assessments.checklist.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One of the Guide's ten recommendations, e.g. {@code R1}, with its action points. {@code printedTotal} is the total the
 * Guide prints for its checklist, or null where it prints none.
 */
public record Recommendation(
        String code,
        int number,
        String title,
        Theme theme,
        @Nullable Integer printedTotal,
        List<ChecklistAction> actions) {

    public Recommendation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(theme, "theme");
        actions = List.copyOf(actions);
    }

    public int maxScore() {
        return actions.stream().mapToInt(ChecklistAction::maxScore).sum();
    }

    public Optional<ChecklistAction> action(String actionCode) {
        return actions.stream().filter(a -> a.code().equals(actionCode)).findFirst();
    }

    public List<Question> questions() {
        return actions.stream().flatMap(a -> a.questions().stream()).toList();
    }
}
