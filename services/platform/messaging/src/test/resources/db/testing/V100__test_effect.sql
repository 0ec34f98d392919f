-- The observable effect of the test listener: one row per time its effect ran (no uniqueness on purpose,
-- so a second effect for the same event would show up as a second row).
CREATE TABLE test_effect (
    id          bigserial PRIMARY KEY,
    event_id    text NOT NULL,
    event_type  text NOT NULL,
    subject     text NOT NULL,
    detail      text,
    applied_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
