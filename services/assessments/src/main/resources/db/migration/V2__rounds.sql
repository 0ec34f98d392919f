-- Readiness self-assessment rounds (the checklist), their respondents, answers, gaps and history.
-- Every table is prefixed "round" so that it cannot clash with the evidence base's tables.

CREATE TABLE round_assessment (
    id                 uuid        PRIMARY KEY,
    version            bigint      NOT NULL,
    title              text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    country            text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    subdivision        text,
    area_code          text,
    area_name          text,
    convenor_id        uuid        NOT NULL,
    instrument_id      text        NOT NULL,
    instrument_version integer     NOT NULL,
    closes_on          date,
    shared_with_forums uuid[]      NOT NULL DEFAULT '{}',
    status             text        NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED')),
    created_at         timestamptz NOT NULL,
    created_by         text        NOT NULL,
    created_by_org     uuid,
    updated_at         timestamptz NOT NULL,
    updated_by         text        NOT NULL,
    updated_by_org     uuid
);
CREATE INDEX round_assessment_place ON round_assessment (country, subdivision);
CREATE INDEX round_assessment_convenor ON round_assessment (convenor_id);
CREATE INDEX round_assessment_forums ON round_assessment USING gin (shared_with_forums);

-- The organisations asked to answer, in the convenor's order (1 to 50; changed only while the round is a draft).
CREATE TABLE round_respondent (
    round_id      uuid    NOT NULL REFERENCES round_assessment (id) ON DELETE CASCADE,
    respondent_id uuid    NOT NULL,
    position      integer NOT NULL,
    PRIMARY KEY (round_id, respondent_id)
);
CREATE INDEX round_respondent_organisation ON round_respondent (respondent_id);

-- A respondent's latest submission; a resubmission replaces it and its answers.
CREATE TABLE round_response (
    round_id         uuid        NOT NULL,
    respondent_id    uuid        NOT NULL,
    submitted_at     timestamptz NOT NULL,
    submitted_by     text        NOT NULL,
    submitted_by_org uuid,
    PRIMARY KEY (round_id, respondent_id),
    FOREIGN KEY (round_id, respondent_id) REFERENCES round_respondent (round_id, respondent_id)
);

CREATE TABLE round_answer (
    round_id      uuid NOT NULL,
    respondent_id uuid NOT NULL,
    question_code text NOT NULL,
    answer        text NOT NULL CHECK (answer IN ('Y', 'S', 'N')),
    evidence      text CHECK (length(evidence) <= 2000),
    position      integer NOT NULL,
    PRIMARY KEY (round_id, respondent_id, question_code),
    FOREIGN KEY (round_id, respondent_id) REFERENCES round_response (round_id, respondent_id) ON DELETE CASCADE
);

-- The gaps fixed when a round's scores were published.
CREATE TABLE round_gap (
    id                  uuid             PRIMARY KEY,
    round_id            uuid             NOT NULL REFERENCES round_assessment (id),
    position            integer          NOT NULL,
    recommendation_code text             NOT NULL,
    action_code         text             NOT NULL,
    question_code       text             NOT NULL,
    consolidated_answer text             NOT NULL CHECK (consolidated_answer IN ('N', 'S')),
    points              double precision NOT NULL,
    divergent           boolean          NOT NULL,
    UNIQUE (round_id, question_code)
);

-- Who changed a round, when and how: each version, and each response submitted.
CREATE TABLE round_revision (
    id              bigserial   PRIMARY KEY,
    round_id        uuid        NOT NULL REFERENCES round_assessment (id),
    version         bigint      NOT NULL,
    change          text        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    user_id         text        NOT NULL,
    organisation_id uuid,
    respondent_id   uuid,
    changed_fields  text[]      NOT NULL DEFAULT '{}',
    reason          text
);
CREATE INDEX round_revision_round ON round_revision (round_id, id);
