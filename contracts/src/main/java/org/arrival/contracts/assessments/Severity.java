package org.arrival.contracts.assessments;

/** How serious a need is. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
