-- Spreadsheets an organisation uploaded to update its actions in a forum and report their progress: the rows as the
-- preview judged them (outcome, changes, problems, and what the confirmation applies), kept until applied or discarded.
CREATE TABLE spreadsheet_import (
    id              uuid        PRIMARY KEY,
    forum_id        uuid        NOT NULL,
    organisation_id uuid        NOT NULL,
    file_name       text        NOT NULL,
    status          text        NOT NULL,
    rows            jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    applied_at      timestamptz,
    changed_by      text
);
CREATE INDEX spreadsheet_import_organisation ON spreadsheet_import (organisation_id, created_at);
