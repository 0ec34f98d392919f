package org.arrival.contracts.registry;

/** Kinds of coordination mechanism. */
public enum ForumType {
    COORDINATION_FORUM,
    REPRESENTATIVE_COUNCIL,
    WORKING_GROUP,
    NATIONAL_BOARD,
    OBSERVATORY,
    TERRITORIAL_PLATFORM
}
