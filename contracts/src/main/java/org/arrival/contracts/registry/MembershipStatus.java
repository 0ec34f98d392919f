package org.arrival.contracts.registry;

/** Lifecycle of a forum membership. */
public enum MembershipStatus {
    ACTIVE,
    ENDED
}
