package org.arrival.contracts.registry;

/** Lifecycle of a forum. */
public enum ForumStatus {
    ESTABLISHED,
    ACTIVE,
    DORMANT,
    DISSOLVED
}
