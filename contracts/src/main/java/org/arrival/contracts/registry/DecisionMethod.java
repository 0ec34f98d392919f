package org.arrival.contracts.registry;

/** How a forum took a decision. */
public enum DecisionMethod {
    CONSENSUS,
    VOTE,
    CHAIR_DECISION,
    ADVISORY
}
