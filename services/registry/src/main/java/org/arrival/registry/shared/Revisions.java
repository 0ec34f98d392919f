package org.arrival.registry.shared;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.arrival.contracts.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;

/**
 * The history of registry records: each version with the event that produced it, so anyone allowed can read
 * back who changed what and when.
 */
@Repository
public class Revisions {

    private final JdbcTemplate jdbc;

    public Revisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String recordType, UUID recordId, long version, String eventType, Object event, Audit audit) {
        jdbc.update("INSERT INTO revision (record_type, record_id, version, event_type, event, recorded_at) VALUES (?, ?, ?, ?, ?::jsonb, ?)",
                recordType, recordId, version, eventType, new String(EventJson.write(event), java.nio.charset.StandardCharsets.UTF_8),
                Timestamp.from(audit.at()));
    }

    public List<Revision> of(String recordType, UUID recordId) {
        return jdbc.query("SELECT version, event_type, event::text, recorded_at FROM revision WHERE record_type = ? AND record_id = ? ORDER BY version",
                (rs, i) -> {
                    JsonNode event = EventJson.mapper().readTree(rs.getString(3));
                    JsonNode changed = event.path("changedFields");
                    return new Revision(rs.getLong(1), simpleType(rs.getString(2)), rs.getTimestamp(4).toInstant(),
                            event.path("actor").path("userId").asString(null),
                            event.path("actor").path("organisationId").asString(null),
                            changed.isArray() ? changed.valueStream().map(JsonNode::asString).toList() : List.of(),
                            event.path("reason").asString(null));
                }, recordType, recordId);
    }

    private static String simpleType(String type) {
        String withoutVersion = type.substring(0, type.lastIndexOf(".v"));
        return withoutVersion.substring(withoutVersion.lastIndexOf('.') + 1);
    }

    /** One version of a record: what happened, when, by whom, what changed, and why when a reason was given. */
    public record Revision(long version, String change, java.time.Instant at, String userId, String organisationId,
            List<String> changedFields, String reason) {
    }
}
