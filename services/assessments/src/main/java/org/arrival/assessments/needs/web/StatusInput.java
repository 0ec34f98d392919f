package org.arrival.assessments.needs.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.arrival.contracts.assessments.NeedStatus;
import org.jspecify.annotations.Nullable;

/** A lifecycle step: the status to move to and why (required to deprioritise). */
public record StatusInput(
        @NotNull NeedStatus status,
        @Size(max = 2000) @Nullable String reason) {}
