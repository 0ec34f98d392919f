package org.arrival.assessments.checklist.domain;

/** The five clusters into which the Guide groups its ten recommendations (two recommendations each). */
public enum Theme {
    DATA_MANAGEMENT_AND_PLANNING("Data management and planning"),
    GOVERNANCE_AND_INSTITUTIONAL_COORDINATION("Governance and institutional coordination"),
    MULTISTAKEHOLDER_PARTNERSHIPS_AND_COMMUNITY_PARTICIPATION(
            "Multistakeholder partnerships and community participation"),
    FUNDING_AND_TECHNICAL_ASSISTANCE("Funding and technical assistance"),
    SUPPORT_AND_INTEGRATION("Support and integration");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
