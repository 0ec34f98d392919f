package org.arrival.assessments.needs.web;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** An action (of an action plan) that addresses the need. */
public record ActionLinkInput(@NotNull UUID actionId) {
}
