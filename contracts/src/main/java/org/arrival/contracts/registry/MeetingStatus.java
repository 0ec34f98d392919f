package org.arrival.contracts.registry;

/** Where a forum meeting is in its lifecycle: scheduled, held, its minutes approved, or cancelled. */
public enum MeetingStatus {
    SCHEDULED,
    HELD,
    MINUTES_APPROVED,
    CANCELLED
}
