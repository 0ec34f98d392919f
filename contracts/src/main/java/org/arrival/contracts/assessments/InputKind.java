package org.arrival.contracts.assessments;

/** What an organisation contributes to someone else's assessment or need. */
public enum InputKind {
    FIELD_OBSERVATION,
    COMMUNITY_CONSULTATION,
    TESTIMONY_SUMMARY,
    DATA_CONTRIBUTION
}
