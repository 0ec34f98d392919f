package org.arrival.contracts.actionplans;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A dated step of an action. */
public record Milestone(
        UUID milestoneId,
        long version,
        UUID actionId,
        String title,
        LocalDate dueOn,
        @Nullable LocalDate reachedOn,
        MilestoneStatus status) {}
