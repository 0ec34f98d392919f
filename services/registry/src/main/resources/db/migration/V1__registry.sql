-- Stakeholders (organisations). The profile is kept as JSON (the contract's shape) so that every filter is a
-- containment query served by one GIN index; the columns outside it are the ones the service itself reasons on.
CREATE TABLE stakeholder (
    id             uuid        PRIMARY KEY,
    version        bigint      NOT NULL,
    status         text        NOT NULL,
    profile        jsonb       NOT NULL,
    name           text        GENERATED ALWAYS AS (profile ->> 'name') STORED,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    created_by_org uuid,
    updated_at     timestamptz NOT NULL,
    updated_by     text        NOT NULL,
    updated_by_org uuid
);
CREATE INDEX stakeholder_profile ON stakeholder USING gin (profile jsonb_path_ops);
CREATE INDEX stakeholder_name ON stakeholder (lower(name));

CREATE TABLE forum (
    id              uuid        PRIMARY KEY,
    version         bigint      NOT NULL,
    status          text        NOT NULL,
    profile         jsonb       NOT NULL,
    name            text        GENERATED ALWAYS AS (profile ->> 'name') STORED,
    convenor_id     uuid        NOT NULL REFERENCES stakeholder (id),
    parent_forum_id uuid        REFERENCES forum (id),
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    created_by_org  uuid,
    updated_at      timestamptz NOT NULL,
    updated_by      text        NOT NULL,
    updated_by_org  uuid
);
CREATE INDEX forum_profile ON forum USING gin (profile jsonb_path_ops);
CREATE INDEX forum_name ON forum (lower(name));

CREATE TABLE membership (
    id             uuid        PRIMARY KEY,
    version        bigint      NOT NULL,
    forum_id       uuid        NOT NULL REFERENCES forum (id),
    stakeholder_id uuid        NOT NULL REFERENCES stakeholder (id),
    seat           text        NOT NULL,
    term_start     date,
    term_end       date,
    status         text        NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    created_by_org uuid,
    updated_at     timestamptz NOT NULL,
    updated_by     text        NOT NULL,
    updated_by_org uuid
);
-- an organisation holds at most one active seat per forum
CREATE UNIQUE INDEX membership_active ON membership (forum_id, stakeholder_id) WHERE status = 'ACTIVE';
CREATE INDEX membership_stakeholder ON membership (stakeholder_id) WHERE status = 'ACTIVE';

-- The history of every record: one row per version, holding the event that produced it (who, when, what changed).
CREATE TABLE revision (
    record_type text        NOT NULL,
    record_id   uuid        NOT NULL,
    version     bigint      NOT NULL,
    event_type  text        NOT NULL,
    event       jsonb       NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (record_type, record_id, version)
);
