package org.arrival.contracts.actionplans;

/** Kinds of plan and policy an organisation owns. */
public enum PlanType {
    MUNICIPAL_ACTION_PLAN,
    INTEGRATION_PLAN,
    NATIONAL_URBAN_POLICY,
    AREA_BASED_PLAN,
    SECTOR_POLICY,
    FORUM_WORKPLAN,
    URBAN_MASTERPLAN,
    DURABLE_SOLUTIONS_STRATEGY,
    RESILIENCE_STRATEGY,
    NATIONAL_MIGRATION_STRATEGY,
    OTHER
}
