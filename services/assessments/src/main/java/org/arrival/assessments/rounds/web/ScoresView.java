package org.arrival.assessments.rounds.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.assessments.checklist.domain.Answer;
import org.arrival.assessments.rounds.application.RoundService.VisibleScores;
import org.arrival.assessments.rounds.domain.RoundScores;
import org.arrival.assessments.rounds.domain.Tally;
import org.arrival.contracts.assessments.RoundStatus;
import org.jspecify.annotations.Nullable;

/**
 * A round's scores. Everyone who may read the round sees the consolidated scores and which questions diverge, with
 * how many respondents gave each answer; who answered what ({@code answers} by respondent, and every respondent's
 * totals) only the convenor and platform administrators see, and a respondent sees its own totals. Every score carries
 * its coverage ({@link ScoreView}): a question nobody answered is not assessed, and a respondent's totals count only
 * the questions it answered.
 */
public record ScoresView(
        UUID roundId,
        RoundStatus status,
        String instrumentId,
        int instrumentVersion,
        ScoreView overall,
        int respondentsAnswered,
        List<RecommendationView> recommendations,
        List<RespondentView> respondents,
        List<DivergenceView> divergences) {

    public record RecommendationView(String code, ScoreView score, List<ActionView> actions) {}

    public record ActionView(String code, ScoreView score, List<QuestionView> questions) {}

    /** When nobody answered the question is not assessed: {@code unanswered}, {@code points} null, no share. */
    public record QuestionView(
            String code,
            ScoreView score,
            @Nullable Double points,
            int answeredBy,
            boolean unanswered,
            boolean divergent) {}

    /** A respondent's own totals, by recommendation and action code; what it left unanswered it did not assess. */
    public record RespondentView(
            UUID respondentId,
            int answered,
            ScoreView overall,
            Map<String, ScoreView> recommendations,
            Map<String, ScoreView> actions) {}

    /** {@code answers} (respondent → answer) is present only for those who may see who said what. */
    public record DivergenceView(
            String question,
            Map<Answer, Integer> answerCounts,
            @Nullable Map<UUID, Answer> answers) {}

    public static ScoresView of(VisibleScores visible) {
        RoundScores s = visible.scores();
        var round = visible.round();
        List<RecommendationView> recommendations = s.recommendations().stream()
                .map(r -> new RecommendationView(
                        r.code(),
                        ScoreView.of(r.score()),
                        r.actions().stream()
                                .map(a -> new ActionView(
                                        a.code(),
                                        ScoreView.of(a.score()),
                                        a.questions().stream()
                                                .map(q -> new QuestionView(
                                                        q.code(),
                                                        ScoreView.of(q.score()),
                                                        q.mean() == null
                                                                ? null
                                                                : q.score().points(),
                                                        q.answeredBy(),
                                                        q.unanswered(),
                                                        q.divergent()))
                                                .toList()))
                                .toList()))
                .toList();
        List<RespondentView> respondents = s.respondents().stream()
                .filter(r -> visible.whoSaidWhat() || r.respondentId().equals(visible.viewerOrganisation()))
                .map(r -> new RespondentView(
                        r.respondentId(),
                        r.answered(),
                        ScoreView.of(r.overall()),
                        views(r.recommendations()),
                        views(r.actions())))
                .toList();
        List<DivergenceView> divergences = s.divergences().stream()
                .map(d -> new DivergenceView(
                        d.question(), counts(d.answers()), visible.whoSaidWhat() ? d.answers() : null))
                .toList();
        return new ScoresView(
                round.id(),
                round.status(),
                round.instrumentId(),
                round.instrumentVersion(),
                ScoreView.of(s.overall()),
                s.respondentsWhoAnswered(),
                recommendations,
                respondents,
                divergences);
    }

    private static Map<String, ScoreView> views(Map<String, Tally> tallies) {
        Map<String, ScoreView> views = new LinkedHashMap<>();
        tallies.forEach((code, tally) -> views.put(code, ScoreView.of(tally)));
        return views;
    }

    private static Map<Answer, Integer> counts(Map<UUID, Answer> answers) {
        Map<Answer, Integer> counts = new EnumMap<>(Answer.class);
        for (Answer a : Answer.values()) {
            counts.put(a, 0);
        }
        answers.values().forEach(a -> counts.merge(a, 1, Integer::sum));
        return counts;
    }
}
