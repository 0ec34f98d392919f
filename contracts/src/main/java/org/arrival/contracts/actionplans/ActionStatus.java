package org.arrival.contracts.actionplans;

/** Lifecycle of an action or commitment. */
public enum ActionStatus {
    PROPOSED,
    COMMITTED,
    IN_PROGRESS,
    ON_HOLD,
    COMPLETED,
    CANCELLED,
    EVALUATED
}
