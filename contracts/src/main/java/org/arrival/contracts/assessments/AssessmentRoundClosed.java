package org.arrival.contracts.assessments;

import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;

/** A round stopped taking answers. */
public record AssessmentRoundClosed(
        AssessmentRound round, Actor actor, @Nullable String reason) {}
