package org.arrival.actionplans.milestones.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** The day a milestone was reached. */
public record ReachInput(@NotNull LocalDate reachedOn) {
}
