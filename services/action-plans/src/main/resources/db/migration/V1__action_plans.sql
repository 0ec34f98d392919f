-- Plans, actions and everything recorded about them. Each record belongs to one owner organisation; other
-- organisations take part through their own rows (participants, contributions), never by editing these.

CREATE TABLE plan (
    id                 uuid        PRIMARY KEY,
    version            bigint      NOT NULL,
    owner_id           uuid        NOT NULL,
    title              text        NOT NULL,
    type               text        NOT NULL,
    country            text        NOT NULL,
    subdivision        text,
    area_code          text,
    area_name          text,
    period_start       date,
    period_end         date,
    objectives         jsonb       NOT NULL DEFAULT '[]',
    nup_phase          text,
    migrants_named     boolean     NOT NULL DEFAULT false,
    migrants_budgeted  boolean     NOT NULL DEFAULT false,
    staff_trained      boolean     NOT NULL DEFAULT false,
    shared_with_forums uuid[]      NOT NULL DEFAULT '{}',
    classification     text        NOT NULL,
    status             text        NOT NULL,
    created_at         timestamptz NOT NULL,
    created_by         text        NOT NULL,
    updated_at         timestamptz NOT NULL,
    updated_by         text        NOT NULL
);
CREATE INDEX plan_owner ON plan (owner_id);

CREATE TABLE action (
    id                            uuid        PRIMARY KEY,
    version                       bigint      NOT NULL,
    owner_id                      uuid        NOT NULL,
    plan_id                       uuid        REFERENCES plan (id),
    title                         text        NOT NULL,
    description                   text,
    kind                          text        NOT NULL,
    sectors                       text[]      NOT NULL DEFAULT '{}',
    target_groups                 text[]      NOT NULL DEFAULT '{}',
    areas                         jsonb       NOT NULL DEFAULT '[]',
    start_date                    date,
    end_date                      date,
    reporting_cadence             text        NOT NULL,
    implements_action_id          uuid        REFERENCES action (id),
    requires_local_implementation boolean     NOT NULL DEFAULT false,
    expected_implementers         uuid[]      NOT NULL DEFAULT '{}',
    weight                        integer,
    framework_items               text[]      NOT NULL DEFAULT '{}',
    shared_with_forums            uuid[]      NOT NULL DEFAULT '{}',
    classification                text        NOT NULL,
    status                        text        NOT NULL,
    created_at                    timestamptz NOT NULL,
    created_by                    text        NOT NULL,
    updated_at                    timestamptz NOT NULL,
    updated_by                    text        NOT NULL
);
CREATE INDEX action_owner ON action (owner_id);
CREATE INDEX action_parent ON action (implements_action_id);
CREATE INDEX action_sectors ON action USING gin (sectors);
CREATE INDEX action_framework ON action USING gin (framework_items);

-- implementing, funding and contributing organisations (IATI's participating-org roles)
CREATE TABLE action_participant (
    action_id       uuid NOT NULL REFERENCES action (id),
    organisation_id uuid NOT NULL,
    role            text NOT NULL,
    PRIMARY KEY (action_id, organisation_id, role)
);

-- links to needs and checklist gaps published by the assessments service
CREATE TABLE action_need (
    action_id uuid NOT NULL REFERENCES action (id),
    need_id   uuid NOT NULL,
    PRIMARY KEY (action_id, need_id)
);
CREATE TABLE action_gap (
    action_id uuid NOT NULL REFERENCES action (id),
    gap_id    uuid NOT NULL,
    PRIMARY KEY (action_id, gap_id)
);

-- what this service knows of needs and gaps, from the assessments service's events
CREATE TABLE known_need (
    id       uuid   PRIMARY KEY,
    version  bigint NOT NULL,
    owner_id uuid   NOT NULL,
    status   text   NOT NULL,
    sector   text
);
CREATE TABLE known_gap (
    id            uuid PRIMARY KEY,
    round_id      uuid NOT NULL,
    question_code text NOT NULL,
    country       text
);

CREATE TABLE milestone (
    id         uuid        PRIMARY KEY,
    version    bigint      NOT NULL,
    action_id  uuid        NOT NULL REFERENCES action (id),
    title      text        NOT NULL,
    due_on     date        NOT NULL,
    reached_on date,
    status     text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX milestone_action ON milestone (action_id);

CREATE TABLE progress_report (
    id               uuid        PRIMARY KEY,
    action_id        uuid        NOT NULL REFERENCES action (id),
    period_start     date        NOT NULL,
    period_end       date        NOT NULL,
    action_status    text        NOT NULL,
    percent_complete integer     NOT NULL CHECK (percent_complete BETWEEN 0 AND 100),
    rag              text        NOT NULL,
    narrative        text,
    indicators       jsonb       NOT NULL DEFAULT '[]',
    reported_at      timestamptz NOT NULL,
    reported_by      text        NOT NULL,
    UNIQUE (action_id, period_start, period_end)
);
CREATE INDEX progress_report_action ON progress_report (action_id, period_end DESC);

CREATE TABLE funding_line (
    id          uuid        PRIMARY KEY,
    version     bigint      NOT NULL,
    action_id   uuid        NOT NULL REFERENCES action (id),
    source_id   uuid,
    source_name text        NOT NULL,
    currency    text        NOT NULL,
    required    numeric(18, 2) NOT NULL CHECK (required >= 0),
    committed   numeric(18, 2) NOT NULL CHECK (committed >= 0),
    disbursed   numeric(18, 2) NOT NULL CHECK (disbursed >= 0),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX funding_line_action ON funding_line (action_id);

CREATE TABLE contribution (
    id             uuid        PRIMARY KEY,
    action_id      uuid        NOT NULL REFERENCES action (id),
    contributor_id uuid        NOT NULL,
    kind           text        NOT NULL,
    text           text,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL
);
CREATE INDEX contribution_action ON contribution (action_id);

-- reminders already sent, so the freshness check publishes each due and overdue event once
CREATE TABLE report_reminder (
    action_id    uuid NOT NULL REFERENCES action (id),
    period_end   date NOT NULL,
    kind         text NOT NULL,
    sent_at      timestamptz NOT NULL,
    PRIMARY KEY (action_id, period_end, kind)
);

-- history of plans, actions and milestones: each version with the event that produced it
CREATE TABLE action_plans_revision (
    record_type text        NOT NULL,
    record_id   uuid        NOT NULL,
    version     bigint      NOT NULL,
    event_type  text        NOT NULL,
    event       jsonb       NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (record_type, record_id, version)
);
