-- Who invited, changed or removed whom in an organisation: the people themselves live in the identity provider.
CREATE TABLE people_change (
    id              bigserial   PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    person_id       text        NOT NULL,
    person_email    text        NOT NULL,
    change          text        NOT NULL,
    roles           text[]      NOT NULL,
    actor_user_id   text        NOT NULL,
    actor_username  text        NOT NULL,
    actor_org_id    uuid,
    recorded_at     timestamptz NOT NULL
);

CREATE INDEX people_change_by_organisation ON people_change (organisation_id, recorded_at DESC);
