package org.arrival.actionplans.actions.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.arrival.contracts.actionplans.ActionStatus;
import org.jspecify.annotations.Nullable;

/** A lifecycle step: the status to move to and why (required to cancel). */
public record ActionStatusInput(
        @NotNull ActionStatus status,
        @Size(max = 2000) @Nullable String reason) {}
