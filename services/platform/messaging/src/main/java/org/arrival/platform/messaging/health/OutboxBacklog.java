package org.arrival.platform.messaging.health;

import java.time.Duration;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the outbox still has to publish: how many rows, and how long the oldest of them has waited. */
@FunctionalInterface
public interface OutboxBacklog {

    Backlog measure();

    /**
     * The outbox rows not yet published, and how long the oldest has waited.
     *
     * @param oldestAge zero when nothing is pending
     */
    record Backlog(long pending, Duration oldestAge) {}

    /**
     * Reads {@code outbox_event} (read-only): rows with {@code published_at IS NULL}, their age by the database's
     * clock from {@code created_at}, so that the service's and the database's clocks cannot disagree. A database
     * that stops answering fails the query after a few seconds, so a health check or a metrics scrape never hangs.
     */
    static OutboxBacklog of(JdbcTemplate jdbc) {
        JdbcTemplate bounded = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource()));
        bounded.setQueryTimeout(5);
        return () -> bounded.queryForObject(
                """
                SELECT count(*),
                       coalesce(extract(epoch FROM clock_timestamp() - min(created_at)) * 1000, 0)::bigint
                  FROM outbox_event
                 WHERE published_at IS NULL""", (rs, n) -> new Backlog(rs.getLong(1), Duration.ofMillis(Math.max(0, rs.getLong(2)))));
    }
}
