package org.arrival.contracts.assessments;

import org.arrival.contracts.common.Actor;

/** A round stopped taking answers. */
public record AssessmentRoundClosed(AssessmentRound round, Actor actor, String reason) {
}
