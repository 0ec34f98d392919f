-- What the service knows of records, from the events it reads: who owns them, how they are classified and which
-- forums they are shared with, so that nobody is told about what they could not read at the owning service.
CREATE TABLE known_record (
    id                 uuid        PRIMARY KEY,
    kind               text        NOT NULL,   -- STAKEHOLDER, FORUM, ROUND, NEED, ESTIMATE, PLAN, ACTION, ...
    owner_id           uuid,
    classification     text        NOT NULL,
    shared_with_forums uuid[]      NOT NULL DEFAULT '{}',
    sectors            text[]      NOT NULL DEFAULT '{}',
    countries          text[]      NOT NULL DEFAULT '{}',
    subdivisions       text[]      NOT NULL DEFAULT '{}',
    plan_id            uuid,
    title              text,
    updated_at         timestamptz NOT NULL
);

-- A subscriber's wish to be told: a person (user_id) or a whole organisation (user_id null), a filter, a channel
-- and a frequency. Filter keys (all optional, all must match): forums, organisations, sectors, areas (country or
-- subdivision codes), records (action/plan/need ids), eventTypes.
CREATE TABLE subscription (
    id          uuid        PRIMARY KEY,
    version     bigint      NOT NULL,
    owner_org   uuid        NOT NULL,
    user_id     text,
    channel     text        NOT NULL,   -- IN_APP, EMAIL, WEBHOOK
    address     text,                   -- e-mail address for EMAIL
    webhook_id  uuid,                   -- for WEBHOOK
    frequency   text        NOT NULL,   -- IMMEDIATE, DAILY_DIGEST
    filter      jsonb       NOT NULL DEFAULT '{}',
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL
);
CREATE INDEX subscription_owner ON subscription (owner_org) WHERE active;

-- An organisation's webhook endpoint. The secret signs every delivery (HMAC-SHA256 over the body).
CREATE TABLE webhook (
    id              uuid        PRIMARY KEY,
    version         bigint      NOT NULL,
    owner_org       uuid        NOT NULL,
    url             text        NOT NULL,
    secret          text        NOT NULL,
    event_types     text[]      NOT NULL DEFAULT '{}',
    active          boolean     NOT NULL DEFAULT true,
    failures        integer     NOT NULL DEFAULT 0,
    disabled_reason text,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL,
    updated_by      text        NOT NULL
);
CREATE INDEX webhook_owner ON webhook (owner_org);

-- In-app notifications, addressed to an organisation (every member sees it) or to one user of it.
CREATE TABLE notification (
    id             uuid        PRIMARY KEY,
    event_id       text        NOT NULL,
    event_type     text        NOT NULL,
    subject_id     text        NOT NULL,
    recipient_org  uuid        NOT NULL,
    recipient_user text,
    subscription_id uuid,
    title          text        NOT NULL,
    body           text        NOT NULL,
    link           text        NOT NULL,
    classification text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    created_at     timestamptz NOT NULL
);
-- one notification per event and recipient, however often the event is delivered
CREATE UNIQUE INDEX notification_once ON notification (event_id, recipient_org, coalesce(recipient_user, ''));
CREATE INDEX notification_inbox ON notification (recipient_org, created_at DESC);

CREATE TABLE notification_read (
    notification_id uuid        NOT NULL REFERENCES notification (id),
    user_id         text        NOT NULL,
    read_at         timestamptz NOT NULL,
    PRIMARY KEY (notification_id, user_id)
);

-- Outgoing e-mails and webhook calls, written in the transaction that handles the event and sent by workers, so
-- a slow SMTP server or a dead endpoint never holds up reading events or the other channel.
CREATE TABLE delivery (
    id              uuid        PRIMARY KEY,
    channel         text        NOT NULL,   -- EMAIL, WEBHOOK
    subscription_id uuid,
    webhook_id      uuid,
    event_id        text        NOT NULL,   -- for a digest: 'digest:<subscription>:<day>'
    target          text        NOT NULL,   -- e-mail address or URL
    subject         text,
    payload         text        NOT NULL,
    status          text        NOT NULL,   -- PENDING, SENT, FAILED (will retry), DEAD (gave up)
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_status     integer,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz
);
CREATE UNIQUE INDEX delivery_once_email ON delivery (subscription_id, event_id) WHERE channel = 'EMAIL';
CREATE UNIQUE INDEX delivery_once_webhook ON delivery (webhook_id, event_id) WHERE channel = 'WEBHOOK';
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status IN ('PENDING', 'FAILED');

-- Items waiting for a subscriber's daily digest.
CREATE TABLE digest_item (
    subscription_id uuid        NOT NULL,
    notification_id uuid        NOT NULL REFERENCES notification (id),
    added_at        timestamptz NOT NULL,
    sent_at         timestamptz,
    PRIMARY KEY (subscription_id, notification_id)
);
