package org.arrival.contracts.forum;

/** A coherence flag's lifecycle: OPEN, then ACKNOWLEDGED, then RESOLVED or DISMISSED (the latter with a reason). */
public enum FlagStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED,
    DISMISSED
}
