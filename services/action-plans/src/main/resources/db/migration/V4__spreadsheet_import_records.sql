-- The kind of records an uploaded spreadsheet holds (ACTIONS, MILESTONES, FUNDING_LINES); imports made before there
-- were several kinds held actions.
ALTER TABLE spreadsheet_import ADD COLUMN records text NOT NULL DEFAULT 'ACTIONS';
