package org.arrival.actionplans.milestones.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.arrival.actionplans.milestones.persistence.MilestoneRepository.StoredMilestone;
import org.arrival.contracts.actionplans.MilestoneStatus;

/** A milestone as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MilestoneView(UUID id, long version, UUID actionId, String title, LocalDate dueOn, LocalDate reachedOn,
        MilestoneStatus status, Instant createdAt, Instant updatedAt) {

    public static MilestoneView of(StoredMilestone s) {
        var m = s.milestone();
        return new MilestoneView(m.id(), m.version(), m.actionId(), m.title(), m.dueOn(), m.reachedOn(), m.status(),
                s.createdAt(), s.updatedAt());
    }
}
