package org.arrival.contracts.actionplans;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Another organisation's comment on, endorsement of or objection to an action; its own record. */
public record Contribution(
        UUID contributionId,
        UUID actionId,
        UUID contributorId,
        ContributionKind kind,
        @Nullable String text) {}
