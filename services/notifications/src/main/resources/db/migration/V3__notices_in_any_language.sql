-- What a notification says in no language: its code (the event's simple name, or RecordChanged) and parameters
-- (names, titles, codes, dates), so that readers get it worded in their own language. title and body stay its
-- English wording. Notifications routed before have no code: they are shown as they were worded then.
ALTER TABLE notification ADD COLUMN code text;
ALTER TABLE notification ADD COLUMN parameters jsonb NOT NULL DEFAULT '{}';

-- The language e-mails and digests of a subscription are worded in (a language tag the service words in).
ALTER TABLE subscription ADD COLUMN language text NOT NULL DEFAULT 'en';
