package org.arrival.assessments.rounds.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.assessments.checklist.domain.Answer;
import org.arrival.assessments.checklist.domain.ChecklistAction;
import org.arrival.assessments.checklist.domain.Instrument;
import org.arrival.assessments.checklist.domain.Question;
import org.arrival.assessments.checklist.domain.Recommendation;
import org.arrival.assessments.rounds.domain.RoundScores.ActionResult;
import org.arrival.assessments.rounds.domain.RoundScores.Divergence;
import org.arrival.assessments.rounds.domain.RoundScores.QuestionResult;
import org.arrival.assessments.rounds.domain.RoundScores.RecommendationResult;
import org.arrival.assessments.rounds.domain.RoundScores.RespondentResult;

/**
 * How a round is scored, as pure functions of the instrument and the answers.
 * <ul>
 * <li>A respondent scores the points of each answer (Y 2, S 1, N 0); a question it left unanswered scores 0.</li>
 * <li>A question's consolidated points are the mean of the points of the respondents who answered it; a question
 * nobody answered scores 0 and is reported as unanswered.</li>
 * <li>An action, a recommendation and the round score the sum of their questions' consolidated points, out of 2 per
 * question.</li>
 * <li>A question diverges when one respondent answered Y and another N (answers two points apart).</li>
 * </ul>
 */
public final class Scoring {

    private Scoring() {}

    /**
     * Scores a round: the consolidated result of each question, action and recommendation, each respondent's own
     * scores, and the questions on which respondents diverge.
     *
     * @param respondents the round's respondents, in the round's order
     * @param answers respondent → question code → answer; respondents without answers may be missing
     */
    public static RoundScores score(
            Instrument instrument, List<UUID> respondents, Map<UUID, Map<String, Answer>> answers) {
        List<RecommendationResult> recommendations = new ArrayList<>();
        List<Divergence> divergences = new ArrayList<>();
        double overall = 0;
        for (Recommendation r : instrument.recommendations()) {
            List<ActionResult> actions = new ArrayList<>();
            double recommendationPoints = 0;
            for (ChecklistAction a : r.actions()) {
                List<QuestionResult> questions = new ArrayList<>();
                double actionPoints = 0;
                for (Question q : a.questions()) {
                    QuestionResult result = consolidate(q, a.code(), r.code(), respondents, answers);
                    questions.add(result);
                    actionPoints += result.mean() == null ? 0 : result.mean();
                    if (result.divergent()) {
                        divergences.add(new Divergence(q.code(), result.answers()));
                    }
                }
                actions.add(new ActionResult(a.code(), Tally.of(actionPoints, a.maxScore()), questions));
                recommendationPoints += actionPoints;
            }
            recommendations.add(
                    new RecommendationResult(r.code(), Tally.of(recommendationPoints, r.maxScore()), actions));
            overall += recommendationPoints;
        }
        List<RespondentResult> perRespondent = respondents.stream()
                .map(id -> respondent(instrument, id, answers.getOrDefault(id, Map.of())))
                .toList();
        return new RoundScores(Tally.of(overall, instrument.maxScore()), recommendations, perRespondent, divergences);
    }

    static QuestionResult consolidate(
            Question q,
            String actionCode,
            String recommendationCode,
            List<UUID> respondents,
            Map<UUID, Map<String, Answer>> answers) {
        Map<UUID, Answer> given = new LinkedHashMap<>();
        for (UUID respondent : respondents) {
            Answer answer = answers.getOrDefault(respondent, Map.of()).get(q.code());
            if (answer != null) {
                given.put(respondent, answer);
            }
        }
        if (given.isEmpty()) {
            return new QuestionResult(
                    q.code(), actionCode, recommendationCode, Tally.of(0, q.maxScore()), null, 0, false, Map.of());
        }
        int sum = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (Answer answer : given.values()) {
            int points = q.score(answer);
            sum += points;
            min = Math.min(min, points);
            max = Math.max(max, points);
        }
        double mean = sum / (double) given.size();
        boolean divergent = max - min >= Answer.Y.points() - Answer.N.points();
        return new QuestionResult(
                q.code(),
                actionCode,
                recommendationCode,
                Tally.of(mean, q.maxScore()),
                mean,
                given.size(),
                divergent,
                Map.copyOf(given));
    }

    static RespondentResult respondent(Instrument instrument, UUID id, Map<String, Answer> answers) {
        Map<String, Tally> recommendations = new LinkedHashMap<>();
        Map<String, Tally> actions = new LinkedHashMap<>();
        int overall = 0;
        int answered = 0;
        for (Recommendation r : instrument.recommendations()) {
            int recommendationPoints = 0;
            for (ChecklistAction a : r.actions()) {
                int actionPoints = 0;
                for (Question q : a.questions()) {
                    Answer answer = answers.get(q.code());
                    if (answer != null) {
                        actionPoints += q.score(answer);
                        answered++;
                    }
                }
                actions.put(a.code(), Tally.of(actionPoints, a.maxScore()));
                recommendationPoints += actionPoints;
            }
            recommendations.put(r.code(), Tally.of(recommendationPoints, r.maxScore()));
            overall += recommendationPoints;
        }
        return new RespondentResult(id, answered, Tally.of(overall, instrument.maxScore()), recommendations, actions);
    }
}
