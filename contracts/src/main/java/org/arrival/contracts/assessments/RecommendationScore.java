package org.arrival.contracts.assessments;

import java.util.List;

/** The consolidated score of one recommendation and of its actions. */
public record RecommendationScore(String code, Score score, List<ActionScore> actions) {}
