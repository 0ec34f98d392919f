package org.arrival.contracts.actionplans;

/** How another organisation takes part in an action, as IATI distinguishes it; the owner is accountable. */
public enum ParticipantRole {
    IMPLEMENTING,
    FUNDING,
    CONTRIBUTING
}
