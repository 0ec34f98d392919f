package org.arrival.contracts.assessments;

import org.arrival.contracts.common.Actor;

/** A population estimate was recorded. */
public record PopulationEstimateRecorded(PopulationEstimate estimate, Actor actor) {}
