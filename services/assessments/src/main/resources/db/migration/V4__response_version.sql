-- A respondent's answers carry a version, so a replacement names the answers it replaces (If-Match).
ALTER TABLE round_response ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
