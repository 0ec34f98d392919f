package org.arrival.actionplans.milestones.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.arrival.actionplans.milestones.persistence.MilestoneRepository.StoredMilestone;
import org.arrival.contracts.actionplans.MilestoneStatus;
import org.jspecify.annotations.Nullable;

/**
 * A milestone as the API shows it. {@code late} says a PLANNED milestone's due date has passed ({@code daysLate}
 * by how many days), as of the day it is read; a missed one says so in its {@code status}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MilestoneView(
        UUID id,
        long version,
        UUID actionId,
        String title,
        LocalDate dueOn,
        @Nullable LocalDate reachedOn,
        MilestoneStatus status,
        boolean late,
        @Nullable Long daysLate,
        Instant createdAt,
        Instant updatedAt) {

    public static MilestoneView of(StoredMilestone s, LocalDate today) {
        var m = s.milestone();
        boolean late = m.late(today);
        return new MilestoneView(
                m.id(),
                m.version(),
                m.actionId(),
                m.title(),
                m.dueOn(),
                m.reachedOn(),
                m.status(),
                late,
                late ? m.daysLate(today) : null,
                s.createdAt(),
                s.updatedAt());
    }
}
