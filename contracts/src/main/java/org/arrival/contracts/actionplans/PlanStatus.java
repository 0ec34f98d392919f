package org.arrival.contracts.actionplans;

/** Lifecycle of a plan. */
public enum PlanStatus {
    DRAFT,
    ADOPTED,
    IN_IMPLEMENTATION,
    CLOSED
}
