package org.arrival.contracts.actionplans;

/** How another organisation responds to an action it does not own. */
public enum ContributionKind {
    COMMENT,
    ENDORSEMENT,
    OBJECTION
}
