package org.arrival.actionplans.contributions.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.arrival.actionplans.contributions.domain.Contribution;
import org.arrival.contracts.actionplans.ContributionKind;

/** A comment, endorsement or objection; text is required for a comment or an objection. */
public record ContributionInput(
        @NotNull ContributionKind kind,
        @Size(max = Contribution.MAX_TEXT) String text) {}
