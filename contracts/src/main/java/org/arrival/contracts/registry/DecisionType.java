package org.arrival.contracts.registry;

/** What a forum decided to do. */
public enum DecisionType {
    ENDORSE_PLAN,
    ASSIGN_ACTION,
    RESOLVE_FLAG,
    ADOPT_POSITION,
    ESCALATE
}
