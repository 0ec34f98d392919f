package org.arrival.notifications.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.arrival.contracts.DataClassification;
import org.arrival.platform.directory.ReadSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code known_record} table. */
@Repository
public class KnownRecords {

    private final JdbcTemplate jdbc;

    public KnownRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the record's state as of {@code at}; an older event never overwrites a newer state. */
    public void upsert(KnownRecord r, Instant at) {
        jdbc.update("""
                INSERT INTO known_record (id, kind, owner_id, classification, shared_with_forums, sectors, countries,
                    subdivisions, plan_id, title, updated_at)
                VALUES (?, ?, ?, ?, ?::uuid[], ?::text[], ?::text[], ?::text[], ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, owner_id = EXCLUDED.owner_id,
                    classification = EXCLUDED.classification, shared_with_forums = EXCLUDED.shared_with_forums,
                    sectors = EXCLUDED.sectors, countries = EXCLUDED.countries, subdivisions = EXCLUDED.subdivisions,
                    plan_id = EXCLUDED.plan_id, title = coalesce(EXCLUDED.title, known_record.title),
                    updated_at = EXCLUDED.updated_at
                WHERE known_record.updated_at <= EXCLUDED.updated_at""",
                r.id(), r.kind(), r.ownerId(), r.classification().name(), ReadSql.arrayLiteral(r.forums()),
                ReadSql.arrayLiteral(r.sectors()), ReadSql.arrayLiteral(r.countries()),
                ReadSql.arrayLiteral(r.subdivisions()), r.planId(), r.title(), Timestamp.from(at));
    }

    /** Makes a parent record known from an event about its child; what is known of it already stays. */
    public void ensure(KnownRecord stub, Instant at) {
        jdbc.update("""
                INSERT INTO known_record (id, kind, owner_id, classification, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET owner_id = coalesce(known_record.owner_id, EXCLUDED.owner_id)""",
                stub.id(), stub.kind(), stub.ownerId(), stub.classification().name(),
                Timestamp.from(at.minusSeconds(365L * 24 * 3600 * 100)));
    }

    public Optional<KnownRecord> find(UUID id) {
        return jdbc.query("SELECT * FROM known_record WHERE id = ?", KnownRecords::map, id).stream().findFirst();
    }

    public java.util.List<UUID> unknown(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<UUID> known = jdbc.queryForList("SELECT id FROM known_record WHERE id = ANY(?::uuid[])",
                UUID.class, ReadSql.arrayLiteral(ids));
        return ids.stream().filter(id -> !known.contains(id)).distinct().toList();
    }

    private static KnownRecord map(ResultSet rs, int i) throws SQLException {
        return new KnownRecord(rs.getObject("id", UUID.class), rs.getString("kind"),
                rs.getObject("owner_id", UUID.class), DataClassification.valueOf(rs.getString("classification")),
                ReadSql.uuids(rs, "shared_with_forums"), ReadSql.strings(rs, "sectors"),
                ReadSql.strings(rs, "countries"), ReadSql.strings(rs, "subdivisions"),
                rs.getObject("plan_id", UUID.class), rs.getString("title"));
    }
}
