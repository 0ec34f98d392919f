-- The inbox filtered by the record its notifications are about (GET /inbox?subject=).
CREATE INDEX notification_subject ON notification (subject_id, recipient_org);
