package org.arrival.contracts.registry;

/** The kinds of record an agenda item or a decision may point at. */
public enum ReferencedRecordKind {
    ACTION,
    NEED,
    FLAG,
    PLAN,
    ROUND,
    DECISION
}
