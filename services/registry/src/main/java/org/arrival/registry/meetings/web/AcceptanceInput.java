package org.arrival.registry.meetings.web;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The assignee's own action that takes the assigned work on. */
public record AcceptanceInput(@NotNull UUID actionId) {}
