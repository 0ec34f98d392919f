package org.arrival.contracts.registry;

/** The tier of government an organisation belongs to or mainly works at. */
public enum GovernmentLevel {
    INTERNATIONAL,
    SUPRANATIONAL_REGIONAL,
    NATIONAL,
    REGIONAL_PROVINCIAL,
    DEPARTMENT_COUNTY,
    MUNICIPAL,
    DISTRICT,
    NEIGHBOURHOOD,
    NOT_GOVERNMENT
}
