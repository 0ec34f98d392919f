-- The checks of policy coherence (CoherenceCheckCode C2 to C20), a flag's severity, and each forum's settings of
-- its checks (absent: the defaults of CheckSettings.DEFAULTS).
ALTER TABLE coherence_flag DROP CONSTRAINT coherence_flag_check_code_check;
ALTER TABLE coherence_flag ADD CONSTRAINT coherence_flag_check_code_check CHECK (check_code IN ('NEED_WITHOUT_ACTION',
    'GAP_WITHOUT_ACTION', 'OVERLAPPING_ACTIONS', 'MISSING_LOCAL_IMPLEMENTATION', 'ACTION_WITHOUT_FUNDING',
    'REPORTING_OVERDUE', 'MILESTONE_LATE', 'ACTION_WITHOUT_EVIDENCE', 'PARALLEL_HUMANITARIAN_STRUCTURE',
    'HOST_COMMUNITY_LEFT_OUT', 'MIGRANTS_MISSING_FROM_PLAN', 'SMALL_CITY_LEFT_OUT', 'UNDERCOUNT', 'STALE_EVIDENCE',
    'DISAGGREGATION_GAP', 'TRANSITION_GAP', 'FRAMEWORK_COVERAGE_GAP', 'CHECKLIST_REGRESSION'));
ALTER TABLE coherence_flag ADD COLUMN severity text CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH'));
CREATE INDEX coherence_flag_severity ON coherence_flag (forum_id, severity);

CREATE TABLE coherence_settings (
    forum_id    uuid        PRIMARY KEY,
    settings    jsonb       NOT NULL,
    version     bigint      NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL
);

-- The last run of each forum's checks: when, why, how long it took and over how many actions (an operator's and the
-- benchmark's measure of what a run costs).
CREATE TABLE coherence_check_run (
    forum_id    uuid        PRIMARY KEY,
    checked_at  timestamptz NOT NULL,
    took_micros bigint      NOT NULL,
    actions     integer     NOT NULL,
    findings    integer     NOT NULL
);
