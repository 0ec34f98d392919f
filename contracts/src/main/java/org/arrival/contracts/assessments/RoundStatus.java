package org.arrival.contracts.assessments;

/** Lifecycle of an assessment round: prepared, open to its respondents, closed to answers, scores published. */
public enum RoundStatus {
    DRAFT,
    OPEN,
    CLOSED,
    PUBLISHED
}
