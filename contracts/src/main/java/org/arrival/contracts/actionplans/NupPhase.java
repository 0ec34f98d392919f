package org.arrival.contracts.actionplans;

/** Phases of a national urban policy process. */
public enum NupPhase {
    FEASIBILITY,
    DIAGNOSIS,
    FORMULATION,
    IMPLEMENTATION,
    MONITORING_AND_EVALUATION
}
