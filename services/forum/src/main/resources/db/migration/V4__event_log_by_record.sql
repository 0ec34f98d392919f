-- The coherence checks read the latest version of each action of a forum from the event log, and the local actions
-- that name a commitment: by key and by the commitment, not by scanning a log that holds every event ever received.
CREATE INDEX event_log_key ON event_log (message_key, event_type);
CREATE INDEX event_log_implements ON event_log ((payload->'action'->>'implementsActionId'))
    WHERE event_type IN ('org.arrival.actionplans.ActionProposed.v1', 'org.arrival.actionplans.ActionUpdated.v1');
