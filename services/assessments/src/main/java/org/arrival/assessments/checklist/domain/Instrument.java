package org.arrival.assessments.checklist.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned scored checklist: recommendations, their action points and the questions that assess them.
 * A version, once published, never changes; a revision is a new version.
 */
public record Instrument(String id, int version, String title, Citation source, List<Recommendation> recommendations) {

    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        recommendations = List.copyOf(recommendations);
    }

    public int maxScore() {
        return recommendations.stream().mapToInt(Recommendation::maxScore).sum();
    }

    public Optional<Recommendation> recommendation(String code) {
        return recommendations.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public Optional<ChecklistAction> action(String code) {
        return actions().stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public Optional<Question> question(String code) {
        return questions().stream().filter(q -> q.code().equals(code)).findFirst();
    }

    public List<ChecklistAction> actions() {
        return recommendations.stream().flatMap(r -> r.actions().stream()).toList();
    }

    public List<Question> questions() {
        return recommendations.stream().flatMap(r -> r.questions().stream()).toList();
    }
}
