package org.arrival.contracts.actionplans;

import java.util.UUID;

/** Another organisation's comment on, endorsement of or objection to an action; its own record. */
public record Contribution(UUID contributionId, UUID actionId, UUID contributorId, ContributionKind kind, String text) {
}
