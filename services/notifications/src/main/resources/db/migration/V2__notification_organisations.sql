-- The organisations a notification is about or names (owner, author, participants, members, the actor's
-- organisation), so that the inbox and the digest leave it out for an enforcement body once one of them is hidden
-- from enforcement bodies, also after the notification was routed. Notifications routed before this column existed
-- name none.
ALTER TABLE notification ADD COLUMN organisations uuid[] NOT NULL DEFAULT '{}';
CREATE INDEX notification_organisations ON notification USING gin (organisations);
