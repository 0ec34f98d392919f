-- The forum's meetings, decisions and assignments (arrival.registry.meetings.v1) in the projection, by generation
-- like the other fv_* tables, with the forum each belongs to.
CREATE TABLE fv_meeting (
    generation int    NOT NULL,
    id         uuid   NOT NULL,
    version    bigint NOT NULL,
    forum_id   uuid   NOT NULL,
    data       jsonb  NOT NULL,
    PRIMARY KEY (generation, id)
);
CREATE INDEX fv_meeting_forum ON fv_meeting (generation, forum_id);

CREATE TABLE fv_decision (
    generation int    NOT NULL,
    id         uuid   NOT NULL,
    version    bigint NOT NULL,
    forum_id   uuid   NOT NULL,
    data       jsonb  NOT NULL,
    PRIMARY KEY (generation, id)
);
CREATE INDEX fv_decision_forum ON fv_decision (generation, forum_id);

CREATE TABLE fv_assignment (
    generation int    NOT NULL,
    id         uuid   NOT NULL,
    version    bigint NOT NULL,
    forum_id   uuid   NOT NULL,
    data       jsonb  NOT NULL,
    PRIMARY KEY (generation, id)
);
CREATE INDEX fv_assignment_forum ON fv_assignment (generation, forum_id);

-- flags on assignments neither accepted nor declined by their due date (CoherenceCheckCode.ASSIGNMENT_NOT_ACCEPTED)
ALTER TABLE coherence_flag DROP CONSTRAINT coherence_flag_check_code_check;
ALTER TABLE coherence_flag ADD CONSTRAINT coherence_flag_check_code_check CHECK (check_code IN ('NEED_WITHOUT_ACTION',
    'GAP_WITHOUT_ACTION', 'OVERLAPPING_ACTIONS', 'MISSING_LOCAL_IMPLEMENTATION', 'ACTION_WITHOUT_FUNDING',
    'REPORTING_OVERDUE', 'MILESTONE_LATE', 'ACTION_WITHOUT_EVIDENCE', 'PARALLEL_HUMANITARIAN_STRUCTURE',
    'HOST_COMMUNITY_LEFT_OUT', 'MIGRANTS_MISSING_FROM_PLAN', 'SMALL_CITY_LEFT_OUT', 'UNDERCOUNT', 'STALE_EVIDENCE',
    'DISAGGREGATION_GAP', 'TRANSITION_GAP', 'FRAMEWORK_COVERAGE_GAP', 'CHECKLIST_REGRESSION',
    'ASSIGNMENT_NOT_ACCEPTED'));
