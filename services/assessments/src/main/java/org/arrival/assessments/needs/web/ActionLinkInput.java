package org.arrival.assessments.needs.web;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** An action (of an action plan) that addresses the need. */
public record ActionLinkInput(@NotNull UUID actionId) {}
