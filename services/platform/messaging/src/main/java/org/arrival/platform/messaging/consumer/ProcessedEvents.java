package org.arrival.platform.messaging.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /** Claims each event for the consumer in one statement; returns those not handled before, in their order. */
    public List<InboundEvent> claimAll(String consumer, List<InboundEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Set<String> claimed = new HashSet<>(jdbc.queryForList(
                """
                INSERT INTO processed_event (consumer, event_id, event_type)
                SELECT ?, id, type FROM unnest(?::text[], ?::text[]) AS e (id, type)
                ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id""",
                String.class,
                consumer,
                events.stream().map(InboundEvent::id).toArray(String[]::new),
                events.stream().map(InboundEvent::type).toArray(String[]::new)));
        List<InboundEvent> fresh = new ArrayList<>();
        for (InboundEvent e : events) {
            if (claimed.remove(e.id())) { // the first of two deliveries of one event in a poll
                fresh.add(e);
            }
        }
        return fresh;
    }

    public boolean wasProcessed(String consumer, String eventId) {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                Integer.class,
                consumer,
                eventId);
        return n != null && n > 0;
    }
}
