-- An organisation's API clients: machine identities (confidential clients in the identity provider) through which
-- the organisation's own systems call the platform. The secret is never stored here; the identity provider keeps it.
CREATE TABLE api_client (
    id                  uuid        PRIMARY KEY,
    organisation_id     uuid        NOT NULL,
    name                text        NOT NULL,
    client_id           text        NOT NULL UNIQUE,
    realm_id            text        NOT NULL,
    roles               text[]      NOT NULL,
    created_by          text        NOT NULL,
    created_by_username text        NOT NULL,
    created_at          timestamptz NOT NULL,
    last_used_at        timestamptz,
    rotated_at          timestamptz,
    revoked_at          timestamptz,
    version             bigint      NOT NULL
);

CREATE INDEX api_client_by_organisation ON api_client (organisation_id, created_at);

-- Who created, rotated or revoked which API client, and when.
CREATE TABLE api_client_change (
    id              bigserial   PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    api_client_id   uuid        NOT NULL,
    client_id       text        NOT NULL,
    name            text        NOT NULL,
    change          text        NOT NULL,
    roles           text[]      NOT NULL,
    actor_user_id   text        NOT NULL,
    actor_username  text        NOT NULL,
    actor_org_id    uuid,
    recorded_at     timestamptz NOT NULL
);

CREATE INDEX api_client_change_by_organisation ON api_client_change (organisation_id, recorded_at DESC);
