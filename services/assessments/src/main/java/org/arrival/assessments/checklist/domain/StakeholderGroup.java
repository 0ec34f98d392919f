package org.arrival.assessments.checklist.domain;

/**
 * The kinds of actor the checklist names as responsible for an action (its left-hand column). The Guide's own
 * labels vary from table to table; docs/checklist-reconstruction.md maps each printed label to these codes.
 */
public enum StakeholderGroup {
    NATIONAL_GOVERNMENT("National government and authorities"),
    REGIONAL_GOVERNMENT("Regional government and authorities"),
    LOCAL_GOVERNMENT("Local government and municipal authorities"),
    POLICY_MAKERS("Policy makers and decision-making bodies"),
    URBAN_PLANNERS("Urban planners"),
    SECTORAL_AGENCIES(
            "Government agencies and departments for housing, employment, education, welfare and livelihoods"),
    FINANCE_AUTHORITIES("Government financial institutions, budget planners and finance departments"),
    DEDICATED_MIGRATION_UNITS("Units, agencies or officials dedicated to migration and displacement"),
    STATISTICAL_OFFICES("Statistical offices"),
    SERVICE_PROVIDERS("Service providers"),
    FRONTLINE_RESPONDERS("Frontline responders in housing, services and security"),
    REGISTRATION_OFFICES("Legal registration offices"),
    TECHNICAL_SPECIALISTS(
            "Technical specialists: environmental modellers, demographers, human security and migration experts"),
    CIVIL_SOCIETY("Civil society and other non-governmental organisations"),
    MIGRANT_COMMUNITIES("Migrant and displaced communities and their associations"),
    INTERNATIONAL_ORGANISATIONS("International agencies"),
    HUMANITARIAN_ORGANISATIONS("Humanitarian organisations and agencies"),
    DONORS("International donors"),
    PRIVATE_SECTOR("Private sector, including telecommunications companies"),
    ACADEMIA("Academic and research institutions"),
    SCHOOLS("Schools"),
    MEDIA("Media"),
    COMMUNITY_LEADERS("Community leaders");

    private final String label;

    StakeholderGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
