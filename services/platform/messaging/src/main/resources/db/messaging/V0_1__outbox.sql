-- Transactional outbox: a service writes its events here in the same transaction as the change they describe;
-- the relay publishes them to Kafka after commit and marks them sent once the broker acknowledged.
CREATE TABLE outbox_event (
    position            bigserial PRIMARY KEY,
    event_id            uuid        NOT NULL UNIQUE,
    topic               text        NOT NULL,
    message_key         text        NOT NULL,
    event_type          text        NOT NULL,
    subject             text        NOT NULL,
    owner_org           text        NOT NULL,
    data_classification text        NOT NULL,
    occurred_at         timestamptz NOT NULL,
    payload             bytea       NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at        timestamptz
);

CREATE INDEX outbox_event_pending ON outbox_event (position) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Wakes the relay when a transaction that wrote events commits (NOTIFY is delivered at commit).
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('arrival_outbox', current_schema());
    RETURN NULL;
END $$;

CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
