package org.arrival.contracts.actionplans;

/** Where a milestone stands. */
public enum MilestoneStatus {
    PLANNED,
    REACHED,
    MISSED,
    CANCELLED
}
