-- Coherence flags: what the forum's checks found, one row per forum and finding key, with its lifecycle.
-- condition_holds: whether the last check still found the condition (a resolved flag reopens when it comes back).
CREATE TABLE coherence_flag (
    id              uuid        PRIMARY KEY,
    forum_id        uuid        NOT NULL,
    check_code      text        NOT NULL CHECK (check_code IN ('NEED_WITHOUT_ACTION', 'GAP_WITHOUT_ACTION',
                        'OVERLAPPING_ACTIONS', 'MISSING_LOCAL_IMPLEMENTATION', 'ACTION_WITHOUT_FUNDING',
                        'REPORTING_OVERDUE')),
    flag_key        text        NOT NULL,
    record_ids      uuid[]      NOT NULL,
    summary         text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'DISMISSED')),
    reason          text,
    condition_holds boolean     NOT NULL DEFAULT true,
    version         bigint      NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    updated_by      text,
    updated_by_org  uuid,
    UNIQUE (forum_id, flag_key),
    CHECK (status <> 'DISMISSED' OR reason IS NOT NULL)
);
CREATE INDEX coherence_flag_forum ON coherence_flag (forum_id, status, check_code);
