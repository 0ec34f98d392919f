-- Idempotent consumers: a row per (consumer, event id) written in the same transaction as the event's effect,
-- so a redelivered event is recognised and has no second effect.
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
