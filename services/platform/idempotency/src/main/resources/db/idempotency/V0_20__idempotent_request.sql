-- Writes sent with an Idempotency-Key: one row per user and key, in progress (status NULL) while the first request
-- runs, then the answer it got, replayed to retries of the same request until the row expires.
CREATE TABLE idempotent_request (
    user_id       TEXT        NOT NULL,
    idem_key      TEXT        NOT NULL,
    fingerprint   TEXT        NOT NULL,  -- SHA-256 (hex) of method, path, query and body
    attempt       UUID        NOT NULL,  -- the run that holds the row; only it completes or releases it
    started_at    TIMESTAMPTZ NOT NULL,
    completed_at  TIMESTAMPTZ,
    status        INTEGER,
    content_type  TEXT,
    location      TEXT,
    etag          TEXT,
    body          BYTEA,
    PRIMARY KEY (user_id, idem_key)
);

CREATE INDEX idempotent_request_started_at ON idempotent_request (started_at);
