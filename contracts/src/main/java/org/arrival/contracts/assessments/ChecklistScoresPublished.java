package org.arrival.contracts.assessments;

import java.util.List;
import org.arrival.contracts.common.Actor;

/**
 * A round's consolidated scores were published: overall, per recommendation and action, and the questions on
 * which respondents disagree.
 */
public record ChecklistScoresPublished(
        AssessmentRound round,
        Score overall,
        List<RecommendationScore> recommendations,
        List<String> divergentQuestions,
        int respondents,
        Actor actor) {}
