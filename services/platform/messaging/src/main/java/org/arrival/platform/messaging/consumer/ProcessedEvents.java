package org.arrival.platform.messaging.consumer;

import org.springframework.jdbc.core.JdbcTemplate;

/** The record of events a consumer has already handled, written in the transaction of their effect. */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the event for the consumer; false if it was handled before (a redelivery). */
    public boolean claim(String consumer, InboundEvent event) {
        return jdbc.update("""
                INSERT INTO processed_event (consumer, event_id, event_type) VALUES (?, ?, ?)
                ON CONFLICT (consumer, event_id) DO NOTHING""", consumer, event.id(), event.type()) == 1;
    }

    public boolean wasProcessed(String consumer, String eventId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                Integer.class, consumer, eventId);
        return n != null && n > 0;
    }
}
