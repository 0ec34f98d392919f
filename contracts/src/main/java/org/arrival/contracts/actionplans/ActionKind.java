package org.arrival.contracts.actionplans;

/** What kind of undertaking an action is. */
public enum ActionKind {
    POLICY_OR_LEGAL_REFORM,
    PROGRAMME,
    PROJECT,
    PILOT,
    SERVICE,
    CAPACITY_DEVELOPMENT,
    DATA_COLLECTION,
    INFRASTRUCTURE,
    CAMPAIGN,
    COORDINATION_MECHANISM,
    FUNDING_MECHANISM,
    COMMITMENT
}
