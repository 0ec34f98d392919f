package org.arrival.contracts.assessments;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;

/**
 * How many people of a group live in an area, as registered and as estimated, as of a date; small counts are
 * suppressed for everyone but the owner.
 *
 * @param sharedWithForums the forums the owner shared the record with (absent: none, or not said)
 * @param seriesId ties estimates of the same population over time together
 */
public record PopulationEstimate(
        UUID estimateId,
        long version,
        UUID ownerId,
        String seriesId,
        Jurisdiction area,
        PopulationGroup group,
        Count registered,
        Count estimated,
        List<Disaggregation> breakdown,
        String source,
        String method,
        LocalDate asOf,
        List<UUID> sharedWithForums) {
}
