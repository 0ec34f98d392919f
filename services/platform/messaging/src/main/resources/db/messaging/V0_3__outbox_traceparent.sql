-- The W3C trace context (traceparent) of the work that wrote the event, so that the relay, which publishes later on
-- a thread of its own, continues that trace on the Kafka record. Null for events written outside traced work.
ALTER TABLE outbox_event ADD COLUMN traceparent text;
