package org.arrival.contracts.registry;

/** Whether the organisation a decision assigned work to has taken it on. */
public enum AssignmentStatus {
    OPEN,
    ACCEPTED,
    DECLINED
}
