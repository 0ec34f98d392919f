package org.arrival.contracts.assessments;

/** Lifecycle of a need: identified, validated, prioritised, addressed by an action, resolved or deprioritised. */
public enum NeedStatus {
    IDENTIFIED,
    VALIDATED,
    PRIORITISED,
    ADDRESSED,
    RESOLVED,
    DEPRIORITISED
}
