package org.arrival.contracts.actionplans;

/** How often progress is due. */
public enum ReportingCadence {
    MONTHLY,
    QUARTERLY,
    SEMI_ANNUAL,
    ANNUAL
}
