-- Where an action stands in the humanitarian-development-peace nexus (ActionOrientation: HUMANITARIAN, DEVELOPMENT,
-- PEACEBUILDING, NEXUS); optional, so actions recorded before have none.
ALTER TABLE action ADD COLUMN orientation text;
