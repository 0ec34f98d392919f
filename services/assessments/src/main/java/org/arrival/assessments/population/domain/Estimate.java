package org.arrival.assessments.population.domain;

import java.util.UUID;

/** A population estimate owned by one organisation; each revision is a new version. */
public record Estimate(UUID id, long version, UUID ownerId, EstimateDetails details) {

    public static Estimate record(UUID id, UUID ownerId, EstimateDetails details) {
        return new Estimate(id, 1, ownerId, details);
    }

    public Estimate revise(EstimateDetails next) {
        return new Estimate(id, version + 1, ownerId, next);
    }
}
