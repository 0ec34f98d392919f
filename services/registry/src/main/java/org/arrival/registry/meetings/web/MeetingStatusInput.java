package org.arrival.registry.meetings.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.arrival.contracts.registry.MeetingStatus;
import org.jspecify.annotations.Nullable;

/** The meeting's next status; a cancellation gives its reason. */
public record MeetingStatusInput(
        @NotNull MeetingStatus status,
        @Size(max = 2000) @Nullable String reason) {}
