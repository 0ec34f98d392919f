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
 * <li>A respondent scores the points of each answer (Y 2, S 1, N 0); a question it left unanswered is not assessed by
 * it.</li>
 * <li>A question's consolidated points are the mean of the points of the respondents who answered it. A question
 * nobody answered is not assessed: it is reported as unanswered, has no mean, and is neither a "no" nor a gap.</li>
 * <li>An action, a recommendation and the round score the sum of their assessed questions' consolidated points, out
 * of the instrument's maximum (2 per question); each also tells the maximum of its assessed questions and how many
 * of its questions were assessed, and its share is its points out of that assessed maximum.</li>
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
        List<QuestionResult> all = new ArrayList<>();
        for (Recommendation r : instrument.recommendations()) {
            List<ActionResult> actions = new ArrayList<>();
            List<QuestionResult> ofRecommendation = new ArrayList<>();
            for (ChecklistAction a : r.actions()) {
                List<QuestionResult> questions = new ArrayList<>();
                for (Question q : a.questions()) {
                    QuestionResult result = consolidate(q, a.code(), r.code(), respondents, answers);
                    questions.add(result);
                    if (result.divergent()) {
                        divergences.add(new Divergence(q.code(), result.answers()));
                    }
                }
                actions.add(new ActionResult(a.code(), tally(questions, a.maxScore()), questions));
                ofRecommendation.addAll(questions);
            }
            recommendations.add(new RecommendationResult(r.code(), tally(ofRecommendation, r.maxScore()), actions));
            all.addAll(ofRecommendation);
        }
        List<RespondentResult> perRespondent = respondents.stream()
                .map(id -> respondent(instrument, id, answers.getOrDefault(id, Map.of())))
                .toList();
        return new RoundScores(tally(all, instrument.maxScore()), recommendations, perRespondent, divergences);
    }

    /** The consolidated points of the questions someone answered, out of {@code max}, with the coverage. */
    static Tally tally(List<QuestionResult> questions, int max) {
        double points = 0;
        int assessedMax = 0;
        int assessed = 0;
        for (QuestionResult q : questions) {
            Double mean = q.mean();
            if (mean != null) {
                points += mean;
                assessedMax += q.score().max();
                assessed++;
            }
        }
        return Tally.of(points, max, assessedMax, assessed, questions.size());
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
                    q.code(),
                    actionCode,
                    recommendationCode,
                    Tally.of(0, q.maxScore(), 0, 0, 1),
                    null,
                    0,
                    false,
                    Map.of());
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
                Tally.of(mean, q.maxScore(), q.maxScore(), 1, 1),
                mean,
                given.size(),
                divergent,
                Map.copyOf(given));
    }

    static RespondentResult respondent(Instrument instrument, UUID id, Map<String, Answer> answers) {
        Map<String, Tally> recommendations = new LinkedHashMap<>();
        Map<String, Tally> actions = new LinkedHashMap<>();
        int overall = 0;
        int overallAssessedMax = 0;
        int answered = 0;
        int questions = 0;
        for (Recommendation r : instrument.recommendations()) {
            int recommendationPoints = 0;
            int recommendationAssessedMax = 0;
            int recommendationAnswered = 0;
            for (ChecklistAction a : r.actions()) {
                int actionPoints = 0;
                int actionAssessedMax = 0;
                int actionAnswered = 0;
                for (Question q : a.questions()) {
                    Answer answer = answers.get(q.code());
                    if (answer != null) {
                        actionPoints += q.score(answer);
                        actionAssessedMax += q.maxScore();
                        actionAnswered++;
                    }
                }
                actions.put(
                        a.code(),
                        Tally.of(
                                actionPoints,
                                a.maxScore(),
                                actionAssessedMax,
                                actionAnswered,
                                a.questions().size()));
                recommendationPoints += actionPoints;
                recommendationAssessedMax += actionAssessedMax;
                recommendationAnswered += actionAnswered;
            }
            int recommendationQuestions = r.questions().size();
            recommendations.put(
                    r.code(),
                    Tally.of(
                            recommendationPoints,
                            r.maxScore(),
                            recommendationAssessedMax,
                            recommendationAnswered,
                            recommendationQuestions));
            overall += recommendationPoints;
            overallAssessedMax += recommendationAssessedMax;
            answered += recommendationAnswered;
            questions += recommendationQuestions;
        }
        return new RespondentResult(
                id,
                answered,
                Tally.of(overall, instrument.maxScore(), overallAssessedMax, answered, questions),
                recommendations,
                actions);
    }
}
