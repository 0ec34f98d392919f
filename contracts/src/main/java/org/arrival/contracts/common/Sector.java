package org.arrival.contracts.common;

/** Policy sectors and themes used to classify organisations, forums, needs and actions. */
public enum Sector {
    HOUSING,
    LAND,
    BASIC_SERVICES,
    HEALTH,
    EDUCATION,
    LIVELIHOODS,
    FIN_INCLUSION,
    SOCIAL_PROTECTION,
    RECEPTION,
    LEGAL_STATUS,
    PROTECTION_RIGHTS,
    SOCIAL_COHESION,
    SAFETY_RULE_OF_LAW,
    URBAN_PLANNING,
    INFRA_TRANSPORT,
    CLIMATE_DRR,
    RURAL_URBAN,
    GOVERNANCE,
    PARTICIPATION,
    DATA,
    FINANCE,
    DIASPORA,
    TRANSIT,
    FOOD_SECURITY,
    CHILD_FAMILY
}
