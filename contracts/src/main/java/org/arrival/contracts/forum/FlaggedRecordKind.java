package org.arrival.contracts.forum;

/** The kinds of record a coherence flag names. */
public enum FlaggedRecordKind {
    ACTION,
    NEED,
    GAP,
    ORGANISATION,
    PLAN,
    POPULATION_ESTIMATE,
    ROUND,
    FORUM,
    ASSIGNMENT
}
