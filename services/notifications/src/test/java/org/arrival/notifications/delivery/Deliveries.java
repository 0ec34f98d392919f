package org.arrival.notifications.delivery;

import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test rows in the {@code delivery} table, inserted as the event handlers would. */
public final class Deliveries {

    private Deliveries() {}

    /** A PENDING row, due now. */
    public static UUID insert(JdbcTemplate jdbc, String channel, String target, String subject, String payload) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO delivery (id, channel, subscription_id, event_id, target, subject, payload, status, attempts,
                                      next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, now(), now())
                """, id, channel, UUID.randomUUID(), "event-" + UUID.randomUUID(), target, subject, payload);
        return id;
    }

    public static Map<String, Object> row(JdbcTemplate jdbc, UUID id) {
        return jdbc.queryForMap("""
                SELECT status, attempts, last_status, last_error, sent_at,
                       extract(epoch FROM next_attempt_at - now()) AS due_in_seconds
                  FROM delivery WHERE id = ?
                """, id);
    }

    public static String status(JdbcTemplate jdbc, UUID id) {
        return jdbc.queryForObject("SELECT status FROM delivery WHERE id = ?", String.class, id);
    }

    public static void makeDue(JdbcTemplate jdbc, UUID id) {
        jdbc.update("UPDATE delivery SET next_attempt_at = now() WHERE id = ?", id);
    }
}
