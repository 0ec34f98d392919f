package org.arrival.forum.projection;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.forum.projection.domain.ProjectedEvent;
import org.arrival.platform.messaging.consumer.InboundEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The append-only history of every event received, which the as-of view replays. */
@Component
public class EventLog {

    private static final RowMapper<ProjectedEvent> MAPPER = (rs, i) -> new ProjectedEvent(
            rs.getString("event_id"),
            rs.getString("event_type"),
            rs.getString("subject"),
            rs.getString("message_key"),
            rs.getObject("owner_org", UUID.class),
            DataClassification.valueOf(rs.getString("classification")),
            rs.getTimestamp("occurred_at").toInstant(),
            rs.getString("topic"),
            rs.getInt("kafka_partition"),
            rs.getLong("kafka_offset"),
            rs.getString("payload").getBytes(StandardCharsets.UTF_8));

    private final JdbcTemplate jdbc;

    public EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static ProjectedEvent of(InboundEvent e) {
        return new ProjectedEvent(
                e.id(),
                e.type(),
                e.subject(),
                e.key(),
                e.ownerOrg(),
                e.classification(),
                e.time(),
                e.topic(),
                e.partition(),
                e.offset(),
                e.payload());
    }

    private static final String APPEND = """
            INSERT INTO event_log (event_id, event_type, subject, message_key, owner_org, classification,
                occurred_at, topic, kafka_partition, kafka_offset, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (event_id) DO NOTHING""";

    /** Appends the event unless it is already logged. */
    public void append(ProjectedEvent e) {
        jdbc.update(APPEND, columns(e));
    }

    /** Appends those of the events not already logged, in one JDBC batch. */
    public void appendAll(List<ProjectedEvent> events) {
        jdbc.batchUpdate(APPEND, events.stream().map(EventLog::columns).toList());
    }

    /**
     * Appends those of the events not already logged, writing only the missing ones. A rebuild reads events the
     * live listener has logged already, and looking them up costs far less than parsing their payloads again.
     */
    public void appendMissing(List<ProjectedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<String> logged = new HashSet<>(jdbc.queryForList(
                "SELECT event_id FROM event_log WHERE event_id = ANY(?::text[])", String.class, (Object)
                        events.stream().map(ProjectedEvent::id).toArray(String[]::new)));
        List<ProjectedEvent> missing =
                events.stream().filter(e -> !logged.contains(e.id())).toList();
        if (!missing.isEmpty()) {
            appendAll(missing);
        }
    }

    private static Object[] columns(ProjectedEvent e) {
        return new Object[] {
            e.id(),
            e.type(),
            e.subject(),
            e.key(),
            e.ownerOrg(),
            e.classification().name(),
            Timestamp.from(e.time()),
            e.topic(),
            e.partition(),
            e.offset(),
            new String(e.payload(), StandardCharsets.UTF_8)
        };
    }

    /** Every event up to and including the instant, in time order (and topic order for equal times). */
    public List<ProjectedEvent> upTo(Instant at) {
        return jdbc.query(
                "SELECT * FROM event_log WHERE occurred_at <= ? "
                        + "ORDER BY occurred_at, topic, kafka_partition, kafka_offset",
                MAPPER,
                Timestamp.from(at));
    }

    /** Every event after the instant, in time order. */
    public List<ProjectedEvent> after(Instant at) {
        return jdbc.query(
                "SELECT * FROM event_log WHERE occurred_at > ? "
                        + "ORDER BY occurred_at, topic, kafka_partition, kafka_offset",
                MAPPER,
                Timestamp.from(at));
    }
}
