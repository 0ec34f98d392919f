package org.arrival.contracts.forum;

/** The forum's coherence checks: what a flag says is inconsistent across the members' records. */
public enum CoherenceCheckCode {
    NEED_WITHOUT_ACTION,
    GAP_WITHOUT_ACTION,
    OVERLAPPING_ACTIONS,
    MISSING_LOCAL_IMPLEMENTATION,
    ACTION_WITHOUT_FUNDING,
    REPORTING_OVERDUE,
    /** Milestones of an action not reached by their due date, or recorded missed. */
    MILESTONE_LATE
}
