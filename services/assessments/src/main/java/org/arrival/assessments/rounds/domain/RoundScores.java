package org.arrival.assessments.rounds.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrival.assessments.checklist.domain.Answer;
import org.jspecify.annotations.Nullable;

/**
 * A round's scores: consolidated per question, action, recommendation and overall; each respondent's own totals;
 * and the questions on which respondents diverge.
 */
public record RoundScores(
        Tally overall,
        List<RecommendationResult> recommendations,
        List<RespondentResult> respondents,
        List<Divergence> divergences) {

    public RoundScores {
        recommendations = List.copyOf(recommendations);
        respondents = List.copyOf(respondents);
        divergences = List.copyOf(divergences);
    }

    public List<QuestionResult> questions() {
        return recommendations.stream()
                .flatMap(r -> r.actions().stream())
                .flatMap(a -> a.questions().stream())
                .toList();
    }

    public Optional<QuestionResult> question(String code) {
        return questions().stream().filter(q -> q.code().equals(code)).findFirst();
    }

    public Optional<ActionResult> action(String code) {
        return recommendations.stream()
                .flatMap(r -> r.actions().stream())
                .filter(a -> a.code().equals(code))
                .findFirst();
    }

    public Optional<RecommendationResult> recommendation(String code) {
        return recommendations.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** How many respondents answered at least one question. */
    public int respondentsWhoAnswered() {
        return (int) respondents.stream().filter(r -> r.answered() > 0).count();
    }

    /**
     * One question consolidated: the mean of the points of those who answered it, and each respondent's answer. When
     * nobody answered it the question is not assessed: {@code mean} is null and the score 0 of an assessed maximum
     * of 0.
     */
    public record QuestionResult(
            String code,
            String actionCode,
            String recommendationCode,
            Tally score,
            @Nullable Double mean,
            int answeredBy,
            boolean divergent,
            Map<UUID, Answer> answers) {

        public boolean unanswered() {
            return answeredBy == 0;
        }
    }

    public record ActionResult(String code, Tally score, List<QuestionResult> questions) {}

    public record RecommendationResult(String code, Tally score, List<ActionResult> actions) {}

    /**
     * One respondent's own points: overall, per recommendation and per action. A question the respondent left
     * unanswered is not assessed by it (it counts towards neither its points nor its assessed maximum).
     */
    public record RespondentResult(
            UUID respondentId,
            int answered,
            Tally overall,
            Map<String, Tally> recommendations,
            Map<String, Tally> actions) {}

    /** A question on which someone answered yes and someone no (two points apart), with who answered what. */
    public record Divergence(String question, Map<UUID, Answer> answers) {}
}
