-- A local replica of the registry, built from its events: what this service needs to know about organisations
-- (enforcement bodies, hidden groups) and forum memberships to decide who may see what.
CREATE TABLE organisation (
    id               uuid        PRIMARY KEY,
    version          bigint      NOT NULL,
    name             text        NOT NULL,
    type             text,
    enforcement_body boolean     NOT NULL,
    hidden           boolean     NOT NULL,
    status           text        NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE forum_membership (
    membership_id  uuid   PRIMARY KEY,
    version        bigint NOT NULL,
    forum_id       uuid   NOT NULL,
    stakeholder_id uuid   NOT NULL,
    active         boolean NOT NULL
);
CREATE INDEX forum_membership_member ON forum_membership (stakeholder_id) WHERE active;
