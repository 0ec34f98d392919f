package org.arrival.contracts.assessments;

import org.arrival.contracts.common.Actor;

/** A round was opened to its respondents. */
public record AssessmentRoundOpened(AssessmentRound round, Actor actor) {}
