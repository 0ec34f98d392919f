package org.arrival.contracts.assessments;

/** What keeps people from a service or a right. */
public enum BarrierType {
    DOCUMENTATION,
    LEGAL_STATUS,
    COST,
    LANGUAGE,
    DISTANCE,
    DISCRIMINATION,
    INFORMATION,
    TRUST,
    CAPACITY,
    CHILD_CARE,
    OTHER
}
