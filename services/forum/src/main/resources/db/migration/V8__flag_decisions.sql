-- Every decision on a coherence flag (acknowledged, resolved, dismissed): who took it, for which organisation, when,
-- from which status to which, and why. The flag itself keeps only the last one.
CREATE TABLE coherence_flag_decision (
    flag_id        uuid        NOT NULL REFERENCES coherence_flag (id),
    version        bigint      NOT NULL,
    from_status    text        NOT NULL,
    to_status      text        NOT NULL CHECK (to_status IN ('ACKNOWLEDGED', 'RESOLVED', 'DISMISSED')),
    reason         text,
    decided_at     timestamptz NOT NULL,
    decided_by     text        NOT NULL,
    decided_by_name text,
    decided_by_org uuid,
    PRIMARY KEY (flag_id, version)
);
