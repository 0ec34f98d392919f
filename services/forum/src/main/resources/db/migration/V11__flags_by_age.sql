-- A forum's flags are listed a page at a time, newest or oldest first.
CREATE INDEX coherence_flag_by_age ON coherence_flag (forum_id, created_at, flag_key);
