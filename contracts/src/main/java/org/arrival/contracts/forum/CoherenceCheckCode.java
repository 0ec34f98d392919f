package org.arrival.contracts.forum;

/**
 * The forum's coherence checks: what a flag says is inconsistent across the members' records. Each check's rule and
 * the source it comes from are written down in {@code docs/coherence-checks.md}.
 */
public enum CoherenceCheckCode {
    NEED_WITHOUT_ACTION,
    /** Questions of one checklist action a published round scored below "yes", with no action answering them. */
    GAP_WITHOUT_ACTION,
    OVERLAPPING_ACTIONS,
    MISSING_LOCAL_IMPLEMENTATION,
    ACTION_WITHOUT_FUNDING,
    REPORTING_OVERDUE,
    /** Milestones of an action not reached by their due date, or recorded missed. */
    MILESTONE_LATE,
    /** An action under way that names no need and no checklist gap it answers. */
    ACTION_WITHOUT_EVIDENCE,
    /** A humanitarian action in a place that belongs to no plan of that place's local government. */
    PARALLEL_HUMANITARIAN_STRUCTURE,
    /** An action for displaced people where the host community has an open need in the same sector and place. */
    HOST_COMMUNITY_LEFT_OUT,
    /** A plan that does not name migrants, budget for them or train its staff. */
    MIGRANTS_MISSING_FROM_PLAN,
    /** A place with a recorded migrant population and no plan, assessment or funding, while the largest has them. */
    SMALL_CITY_LEFT_OUT,
    /** An estimated population far above the registered one. */
    UNDERCOUNT,
    /** The latest evidence about a place and group is older than the forum's refresh interval. */
    STALE_EVIDENCE,
    /** A population estimate without the breakdown the forum asks for. */
    DISAGGREGATION_GAP,
    /** A humanitarian action ending while a need it answers is still open, with no action to carry it on. */
    TRANSITION_GAP,
    /** A framework target the forum prioritises that no action in the forum's area is tagged with. */
    FRAMEWORK_COVERAGE_GAP,
    /** A recommendation's checklist score fell between two published rounds of the same place. */
    CHECKLIST_REGRESSION,
    /** An assignment a forum's decision made was neither accepted nor declined by its due date. */
    ASSIGNMENT_NOT_ACCEPTED
}
