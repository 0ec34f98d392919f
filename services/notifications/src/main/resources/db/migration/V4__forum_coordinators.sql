-- Who runs each forum (convenor, chair, secretariat), from the registry's forum events, so that a forum's
-- coordinators hear of work its decisions assigned being declined or left unanswered.
CREATE TABLE forum_coordinators (
    forum_id       uuid        PRIMARY KEY,
    version        bigint      NOT NULL,
    convenor_id    uuid,
    chair_id       uuid,
    secretariat_id uuid,
    updated_at     timestamptz NOT NULL
);
