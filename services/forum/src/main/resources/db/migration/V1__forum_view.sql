-- The forum view's own schema.
--
-- event_log: every event of every topic, as received (append-only); the as-of view replays it.
-- fv_*: the projection, one row per record and generation; the live listener writes the active generation
-- (and any generation being rebuilt), a rebuild fills a new one from the topics and then switches over.
CREATE TABLE event_log (
    event_id       text        PRIMARY KEY,
    event_type     text        NOT NULL,
    subject        text        NOT NULL,
    message_key    text,
    owner_org      uuid        NOT NULL,
    classification text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    topic          text        NOT NULL,
    kafka_partition int        NOT NULL,
    kafka_offset   bigint      NOT NULL,
    payload        jsonb       NOT NULL,
    logged_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_log_time ON event_log (occurred_at, topic, kafka_partition, kafka_offset);

CREATE SEQUENCE fv_generation_seq START 2;

CREATE TABLE fv_generation (
    generation  int         PRIMARY KEY,
    state       text        NOT NULL CHECK (state IN ('ACTIVE', 'BUILDING', 'RETIRED', 'FAILED')),
    created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO fv_generation (generation, state) VALUES (1, 'ACTIVE');

-- one row: the generation the views read
CREATE TABLE fv_active_generation (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    generation int     NOT NULL REFERENCES fv_generation (generation)
);
INSERT INTO fv_active_generation (generation) VALUES (1);

CREATE TABLE fv_rebuild (
    id             uuid        PRIMARY KEY,
    generation     int         NOT NULL REFERENCES fv_generation (generation),
    status         text        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    started_at     timestamptz NOT NULL,
    finished_at    timestamptz,
    events_read    bigint      NOT NULL DEFAULT 0,
    error          text
);

CREATE TABLE fv_organisation (
    generation int    NOT NULL,
    id         uuid   NOT NULL,
    version    bigint NOT NULL,
    data       jsonb  NOT NULL,
    PRIMARY KEY (generation, id)
);

CREATE TABLE fv_forum (
    generation int    NOT NULL,
    id         uuid   NOT NULL,
    version    bigint NOT NULL,
    data       jsonb  NOT NULL,
    PRIMARY KEY (generation, id)
);

CREATE TABLE fv_membership (
    generation int    NOT NULL,
    id         uuid   NOT NULL,
    version    bigint NOT NULL,
    forum_id   uuid   NOT NULL,
    data       jsonb  NOT NULL,
    PRIMARY KEY (generation, id)
);
CREATE INDEX fv_membership_forum ON fv_membership (generation, forum_id);

CREATE TABLE fv_action (
    generation  int    NOT NULL,
    id          uuid   NOT NULL,
    version     bigint NOT NULL,
    owner_id    uuid,
    shared_with uuid[] NOT NULL DEFAULT '{}',
    data        jsonb  NOT NULL,
    PRIMARY KEY (generation, id)
);
CREATE INDEX fv_action_forums ON fv_action USING gin (shared_with);

CREATE TABLE fv_need (
    generation int    NOT NULL,
    id         uuid   NOT NULL,
    version    bigint NOT NULL,
    data       jsonb  NOT NULL,
    PRIMARY KEY (generation, id)
);

CREATE TABLE fv_gap (
    generation int    NOT NULL,
    id         uuid   NOT NULL,
    version    bigint NOT NULL,
    data       jsonb  NOT NULL,
    PRIMARY KEY (generation, id)
);

CREATE TABLE fv_round_score (
    generation int    NOT NULL,
    id         uuid   NOT NULL,
    version    bigint NOT NULL,
    data       jsonb  NOT NULL,
    PRIMARY KEY (generation, id)
);
