-- Spreadsheets an organisation uploaded to record or update its needs or population estimates in a forum: the kind
-- of records, the rows as the preview judged them (outcome, changes, problems, and what the confirmation applies),
-- kept until applied or discarded.
CREATE TABLE spreadsheet_import (
    id              uuid        PRIMARY KEY,
    forum_id        uuid        NOT NULL,
    organisation_id uuid        NOT NULL,
    records         text        NOT NULL,
    file_name       text        NOT NULL,
    status          text        NOT NULL,
    rows            jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    applied_at      timestamptz,
    changed_by      text
);
CREATE INDEX spreadsheet_import_organisation ON spreadsheet_import (organisation_id, created_at);
