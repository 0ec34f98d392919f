-- The observable effect of the batch test listener, one row per time its effect ran for an event (as test_effect).
CREATE TABLE test_batch_effect (
    id          bigserial PRIMARY KEY,
    event_id    text NOT NULL,
    poll_size   int  NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
