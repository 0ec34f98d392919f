package org.arrival.actionplans.milestones.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The day a milestone was reached. */
public record ReachInput(@NotNull LocalDate reachedOn) {}
