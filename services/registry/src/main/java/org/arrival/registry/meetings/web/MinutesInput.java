package org.arrival.registry.meetings.web;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The minutes of a held meeting, as plain text; blank clears them. */
public record MinutesInput(@Size(max = 100_000) @Nullable String minutes) {}
