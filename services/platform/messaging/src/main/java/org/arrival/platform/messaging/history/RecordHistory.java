package org.arrival.platform.messaging.history;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The readable history of a service's records: one row per version holding the event that produced it, so anyone
 * allowed can read back who changed what, when and why. The table has the columns
 * {@code (record_type, record_id, version, event_type, event jsonb, recorded_at)}.
 */
public class RecordHistory {

    private final JdbcTemplate jdbc;
    private final String table;

    public RecordHistory(JdbcTemplate jdbc, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.jdbc = jdbc;
        this.table = table;
    }

    /** Records the version an event produced; the event type comes from the contracts' catalogue. */
    public void record(String recordType, UUID recordId, long version, Object event, Instant at) {
        String type = EventCatalogue.instance().typeOf(event.getClass()).type();
        jdbc.update(
                "INSERT INTO " + table
                        + " (record_type, record_id, version, event_type, event, recorded_at) VALUES (?, ?, ?, ?, ?::jsonb, ?)",
                recordType,
                recordId,
                version,
                type,
                new String(EventJson.write(event), StandardCharsets.UTF_8),
                Timestamp.from(at));
    }

    public List<Revision> of(String recordType, UUID recordId) {
        return jdbc.query(
                "SELECT version, event_type, event::text, recorded_at FROM " + table
                        + " WHERE record_type = ? AND record_id = ? ORDER BY version",
                (rs, i) -> {
                    JsonNode event = EventJson.mapper().readTree(rs.getString(3));
                    JsonNode changed = event.path("changedFields");
                    String type = rs.getString(2);
                    String name = type.substring(0, type.lastIndexOf(".v"));
                    return new Revision(
                            rs.getLong(1),
                            name.substring(name.lastIndexOf('.') + 1),
                            rs.getTimestamp(4).toInstant(),
                            event.path("actor").path("userId").asString(null),
                            event.path("actor").path("organisationId").asString(null),
                            changed.isArray()
                                    ? changed.valueStream()
                                            .map(JsonNode::asString)
                                            .toList()
                                    : List.of(),
                            event.path("reason").asString(null));
                },
                recordType,
                recordId);
    }

    /** One version of a record: what happened, when, by whom, what changed, and why when a reason was given. */
    public record Revision(
            long version,
            String change,
            Instant at,
            String userId,
            String organisationId,
            List<String> changedFields,
            String reason) {}
}
