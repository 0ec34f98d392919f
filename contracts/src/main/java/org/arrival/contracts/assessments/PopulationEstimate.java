package org.arrival.contracts.assessments;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.jspecify.annotations.Nullable;

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
        @Nullable String seriesId,
        Jurisdiction area,
        PopulationGroup group,
        @Nullable Count registered,
        @Nullable Count estimated,
        @Nullable List<Disaggregation> breakdown,
        String source,
        @Nullable String method,
        LocalDate asOf,
        @Nullable List<UUID> sharedWithForums) {}
