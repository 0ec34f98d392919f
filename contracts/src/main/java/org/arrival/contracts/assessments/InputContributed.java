package org.arrival.contracts.assessments;

import org.arrival.contracts.common.Actor;

/** An organisation contributed an input to an assessment round or a need. */
public record InputContributed(Input input, Actor actor) {}
