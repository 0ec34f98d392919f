package org.arrival.actionplans.plans.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.arrival.contracts.actionplans.PlanStatus;
import org.jspecify.annotations.Nullable;

/** A lifecycle step: the status to move to and why (required to close a plan that was never implemented). */
public record PlanStatusInput(
        @NotNull PlanStatus status,
        @Size(max = 2000) @Nullable String reason) {}
