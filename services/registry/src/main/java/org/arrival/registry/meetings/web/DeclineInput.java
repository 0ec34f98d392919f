package org.arrival.registry.meetings.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Why the assignee declines the work. */
public record DeclineInput(@NotNull @Size(max = 2000) String reason) {}
