package org.arrival.contracts.registry;

/** Lifecycle of a stakeholder record. */
public enum StakeholderStatus {
    PROPOSED,
    VERIFIED,
    ACTIVE,
    SUSPENDED,
    ARCHIVED
}
