package org.arrival.contracts.forum;

/** How much a coherence flag matters to the forum, as its check rates it (a forum may rate a check otherwise). */
public enum FlagSeverity {
    LOW,
    MEDIUM,
    HIGH
}
