-- The evidence base: population estimates, needs (findings) with their links to actions, and the inputs other
-- organisations contribute to rounds and needs they do not own. Counts are stored exactly; suppression of small
-- counts happens on the way out (API and events), never in storage.

CREATE TABLE population_estimate (
    id               uuid        PRIMARY KEY,
    version          bigint      NOT NULL,
    owner_id         uuid        NOT NULL,
    series_id        text,
    country          text        NOT NULL,
    subdivision      text,
    area_code        text,
    area_name        text,
    population_group text        NOT NULL,
    registered_count integer     CHECK (registered_count >= 0),
    estimated_count  integer     CHECK (estimated_count >= 0),
    breakdown        jsonb       NOT NULL DEFAULT '[]'::jsonb,
    source           text        NOT NULL,
    method           text,
    as_of            date        NOT NULL,
    classification   text        NOT NULL,
    shared_forums    uuid[]      NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    updated_at       timestamptz NOT NULL,
    updated_by       text        NOT NULL,
    CONSTRAINT population_estimate_has_a_count CHECK (registered_count IS NOT NULL OR estimated_count IS NOT NULL)
);
CREATE INDEX population_estimate_area ON population_estimate (country, subdivision, area_code);
CREATE INDEX population_estimate_series ON population_estimate (series_id, as_of) WHERE series_id IS NOT NULL;
CREATE INDEX population_estimate_owner ON population_estimate (owner_id);

CREATE TABLE need (
    id                  uuid        PRIMARY KEY,
    version             bigint      NOT NULL,
    owner_id            uuid        NOT NULL,
    statement           text        NOT NULL,
    sector              text        NOT NULL,
    population_groups   text[]      NOT NULL,
    country             text        NOT NULL,
    subdivision         text,
    area_code           text,
    area_name           text,
    severity            text        NOT NULL,
    barriers            text[]      NOT NULL DEFAULT '{}',
    evidence_references jsonb       NOT NULL DEFAULT '[]'::jsonb,
    round_id            uuid,
    status              text        NOT NULL,
    status_reason       text,
    classification      text        NOT NULL,
    shared_forums       uuid[]      NOT NULL DEFAULT '{}',
    created_at          timestamptz NOT NULL,
    created_by          text        NOT NULL,
    updated_at          timestamptz NOT NULL,
    updated_by          text        NOT NULL
);
CREATE INDEX need_area ON need (country, subdivision);
CREATE INDEX need_owner ON need (owner_id);

-- Actions (of the action-plans service) that address a need; recorded by the need's owner for now.
CREATE TABLE need_action_link (
    need_id   uuid        NOT NULL REFERENCES need (id),
    action_id uuid        NOT NULL,
    linked_at timestamptz NOT NULL,
    linked_by text        NOT NULL,
    PRIMARY KEY (need_id, action_id)
);

CREATE TABLE evidence_input (
    id             uuid        PRIMARY KEY,
    version        bigint      NOT NULL,
    contributor_id uuid        NOT NULL,
    subject_type   text        NOT NULL CHECK (subject_type IN ('ROUND', 'NEED')),
    subject_id     uuid        NOT NULL,
    kind           text        NOT NULL,
    summary        text        NOT NULL,
    provenance     text        NOT NULL,
    collected_on   date        NOT NULL,
    participants   integer     CHECK (participants >= 0),
    classification text        NOT NULL,
    shared_forums  uuid[]      NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL
);
CREATE INDEX evidence_input_subject ON evidence_input (subject_type, subject_id);

-- Each version of an evidence record with the event that produced it (as published: counts suppressed).
CREATE TABLE evidence_revision (
    record_type text        NOT NULL,
    record_id   uuid        NOT NULL,
    version     bigint      NOT NULL,
    event_type  text        NOT NULL,
    event       jsonb       NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (record_type, record_id, version)
);
