package org.arrival.contracts.assessments;

import java.util.List;
import org.arrival.contracts.common.Actor;

/** A population estimate was corrected by its owner. */
public record PopulationEstimateRevised(PopulationEstimate estimate, Actor actor, List<String> changedFields) {}
