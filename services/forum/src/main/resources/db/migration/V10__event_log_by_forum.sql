-- The as-of view and a meeting's pack replay one forum's history: the events of the records that can matter to the
-- forum, not the platform's whole log. What links a record (an event's message key) to a forum is written with the
-- event (LogLinks.java holds the rules); the links of the events logged before are filled below, by the same rules.
--
-- event_log_forum: the record matters to the forum: shared with it, the forum's own (its memberships, meetings,
--   decisions, assignments and flags are keyed by it), or named by its meetings, decisions, assignments or flags.
--   The nil forum stands for every forum: the registry's organisations, whose names every view shows.
-- event_log_place: the places a record lies in (needs, population estimates, assessment rounds): a forum's views
--   show those of its area.
-- event_log_part: a record read with another (a checklist gap with its round).
-- A link, once made, stays: a record shared and later unshared still matters to the forum's view of the past.
CREATE TABLE event_log_forum (
    forum_id    uuid NOT NULL,
    message_key text NOT NULL,
    PRIMARY KEY (forum_id, message_key)
);

CREATE TABLE event_log_place (
    country     text NOT NULL,
    subdivision text,
    area_code   text,
    message_key text NOT NULL,
    CONSTRAINT event_log_place_unique UNIQUE NULLS NOT DISTINCT (country, subdivision, area_code, message_key)
);

CREATE TABLE event_log_part (
    whole_key   text NOT NULL,
    message_key text NOT NULL,
    PRIMARY KEY (whole_key, message_key)
);
CREATE INDEX event_log_part_of ON event_log_part (message_key);

-- the events logged so far, each with its event's name as the projection reads it (ProjectedEvent.name); every
-- statement below reads the log once
CREATE TEMPORARY VIEW logged AS
SELECT message_key, topic, payload, regexp_replace(event_type, '^(.*\.)?([^.]*)\.v[^.]*$', '\2') AS name
  FROM event_log
 WHERE message_key IS NOT NULL;

INSERT INTO event_log_forum (forum_id, message_key)
SELECT DISTINCT l.forum::uuid, l.record
  FROM logged e
 CROSS JOIN LATERAL (
        SELECT '00000000-0000-0000-0000-000000000000', e.message_key
         WHERE e.topic = 'arrival.registry.stakeholders.v1'
        UNION ALL
        SELECT e.message_key, e.message_key
         WHERE e.topic IN ('arrival.registry.forums.v1', 'arrival.registry.meetings.v1', 'arrival.forum.flags.v1')
        UNION ALL
        SELECT e.payload->'forum'->>'forumId', e.message_key
         WHERE e.name IN ('ForumEstablished', 'ForumUpdated')
        UNION ALL
        SELECT e.payload->'membership'->>'forumId', e.message_key
         WHERE e.name IN ('MembershipGranted', 'MembershipChanged', 'MembershipEnded')
        UNION ALL
        SELECT e.payload->'meeting'->>'forumId', r.record
          FROM (SELECT e.message_key
                UNION ALL
                SELECT jsonb_path_query(e.payload, '$.meeting.agenda[*].records[*].recordId') #>> '{}') r (record)
         WHERE e.name IN ('MeetingScheduled', 'MeetingUpdated', 'MeetingHeld', 'MinutesApproved', 'MeetingCancelled')
        UNION ALL
        SELECT e.payload->'decision'->>'forumId', r.record
          FROM (SELECT e.message_key
                UNION ALL
                SELECT jsonb_path_query(e.payload, '$.decision.concerns[*].recordId') #>> '{}') r (record)
         WHERE e.name = 'DecisionRecorded'
        UNION ALL
        SELECT e.payload->'assignment'->>'forumId', r.record
          FROM (SELECT e.message_key
                UNION ALL
                SELECT e.payload->'assignment'->>'actionId') r (record)
         WHERE e.name IN ('AssignmentMade', 'AssignmentAccepted', 'AssignmentDeclined', 'AssignmentOverdue')
        UNION ALL
        SELECT e.payload->'flag'->>'forumId', r.record
          FROM (SELECT e.message_key
                UNION ALL
                SELECT jsonb_path_query(e.payload, '$.flag.recordIds[*]') #>> '{}') r (record)
         WHERE e.name IN ('CoherenceFlagRaised', 'CoherenceFlagUpdated')
        UNION ALL
        SELECT jsonb_path_query(e.payload, '$.action.sharedWithForums[*]') #>> '{}', e.message_key
         WHERE e.name IN ('ActionProposed', 'ActionUpdated')
        UNION ALL
        SELECT jsonb_path_query(e.payload, '$.plan.sharedWithForums[*]') #>> '{}', e.message_key
         WHERE e.name IN ('PlanRecorded', 'PlanUpdated')
        UNION ALL
        SELECT jsonb_path_query(e.payload, '$.need.sharedWithForums[*]') #>> '{}', e.message_key
         WHERE e.name IN ('NeedIdentified', 'NeedUpdated')
        UNION ALL
        SELECT jsonb_path_query(e.payload, '$.estimate.sharedWithForums[*]') #>> '{}', e.message_key
         WHERE e.name IN ('PopulationEstimateRecorded', 'PopulationEstimateRevised')
        UNION ALL
        SELECT jsonb_path_query(e.payload, '$.round.sharedWithForums[*]') #>> '{}', e.message_key
         WHERE e.name IN ('AssessmentRoundOpened', 'AssessmentRoundClosed', 'ChecklistScoresPublished')
       ) l (forum, record)
 WHERE l.forum ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
   AND l.record IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO event_log_place (country, subdivision, area_code, message_key)
SELECT DISTINCT p.place->>'country', p.place->>'subdivision', p.place->>'areaCode', e.message_key
  FROM logged e
 CROSS JOIN LATERAL (
        SELECT e.payload->'need'->'area' WHERE e.name IN ('NeedIdentified', 'NeedUpdated')
        UNION ALL
        SELECT e.payload->'estimate'->'area'
         WHERE e.name IN ('PopulationEstimateRecorded', 'PopulationEstimateRevised')
        UNION ALL
        SELECT e.payload->'round'->'jurisdiction'
         WHERE e.name IN ('AssessmentRoundOpened', 'AssessmentRoundClosed', 'ChecklistScoresPublished')
       ) p (place)
 WHERE jsonb_typeof(p.place) = 'object' AND p.place->>'country' IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO event_log_part (whole_key, message_key)
SELECT DISTINCT payload->>'roundId', message_key
  FROM logged
 WHERE name = 'ChecklistGapIdentified' AND payload->>'roundId' IS NOT NULL
ON CONFLICT DO NOTHING;

DROP VIEW logged;
