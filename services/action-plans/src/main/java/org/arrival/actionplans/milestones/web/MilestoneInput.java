package org.arrival.actionplans.milestones.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.arrival.actionplans.milestones.domain.Milestone;

/** A milestone as sent to schedule or reschedule it; its status moves through reach, miss and cancel. */
public record MilestoneInput(
        @NotBlank @Size(max = Milestone.MAX_TITLE) String title,
        @NotNull LocalDate dueOn) {}
