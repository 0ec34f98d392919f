package org.arrival.notifications.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.platform.directory.ReadSql;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code known_record} table. */
@Repository
public class KnownRecords {

    private final JdbcTemplate jdbc;

    /** A stub's state counts as this much older than its event, so that the record's own event always wins. */
    static final long STUB_AGE_SECONDS = 365L * 24 * 3600 * 100;

    /** Stores a record's state as of a time; an older state never overwrites a newer one. */
    static final String UPSERT = """
            INSERT INTO known_record (id, kind, owner_id, classification, shared_with_forums, sectors, countries,
                subdivisions, plan_id, title, updated_at)
            VALUES (?, ?, ?, ?, ?::uuid[], ?::text[], ?::text[], ?::text[], ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, owner_id = EXCLUDED.owner_id,
                classification = EXCLUDED.classification, shared_with_forums = EXCLUDED.shared_with_forums,
                sectors = EXCLUDED.sectors, countries = EXCLUDED.countries, subdivisions = EXCLUDED.subdivisions,
                plan_id = EXCLUDED.plan_id, title = coalesce(EXCLUDED.title, known_record.title),
                updated_at = EXCLUDED.updated_at
            WHERE known_record.updated_at <= EXCLUDED.updated_at""";

    public KnownRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The known records a poll of events is about or names, read (and locked) in one query. Each event's record is
     * merged in memory ({@link #merge}): a whole state replaces an older one, a stub from a child's event only makes
     * the record known and fills in a missing owner; {@link Poll#flush} then writes each changed record once, in one
     * JDBC batch.
     */
    public Poll poll(Collection<UUID> ids) {
        Map<UUID, Stamped> rows = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query(
                    "SELECT * FROM known_record WHERE id = ANY(?::uuid[]) ORDER BY id FOR UPDATE",
                    rs -> {
                        rows.put(
                                rs.getObject("id", UUID.class),
                                new Stamped(
                                        map(rs, 0),
                                        rs.getTimestamp("updated_at").toInstant()));
                    },
                    ReadSql.array(List.copyOf(new LinkedHashSet<>(ids))));
        }
        return new Poll(rows);
    }

    /** A record and the time of the state it holds. */
    record Stamped(KnownRecord record, Instant updatedAt) {}

    /** See {@link #poll}. */
    public final class Poll {

        private final Map<UUID, Stamped> rows;
        private final Map<UUID, Stamped> changed = new LinkedHashMap<>();

        private Poll(Map<UUID, Stamped> rows) {
            this.rows = rows;
        }

        /** A record of the poll as known now (after the merges of the poll's earlier events), if known at all. */
        public Optional<KnownRecord> find(UUID id) {
            return Optional.ofNullable(rows.get(id)).map(Stamped::record);
        }

        /** Merges what an event says of its record (whole, or a stub from a child's event); returns it as known now. */
        public KnownRecord apply(KnownRecord said, boolean whole, Instant at) {
            Stamped before = rows.get(said.id());
            Stamped after = merge(before, said, whole, at);
            if (!after.equals(before)) {
                rows.put(said.id(), after);
                changed.put(said.id(), after);
            }
            return after.record();
        }

        public void flush() {
            if (changed.isEmpty()) {
                return;
            }
            List<Object[]> args = new ArrayList<>();
            for (Stamped s : changed.values()) {
                KnownRecord r = s.record();
                args.add(new Object[] {
                    r.id(),
                    r.kind(),
                    r.ownerId(),
                    r.classification().name(),
                    ReadSql.array(r.forums()),
                    ReadSql.array(r.sectors()),
                    ReadSql.array(r.countries()),
                    ReadSql.array(r.subdivisions()),
                    r.planId(),
                    r.title(),
                    Timestamp.from(s.updatedAt())
                });
            }
            jdbc.batchUpdate(UPSERT, args);
            changed.clear();
        }
    }

    /** What an event's state ({@code whole}) or stub leaves, given what was there ({@code null}: nothing). */
    static Stamped merge(@Nullable Stamped before, KnownRecord said, boolean whole, Instant at) {
        Instant stamp = micros(whole ? at : at.minusSeconds(STUB_AGE_SECONDS));
        if (before == null) {
            return new Stamped(said, stamp);
        }
        KnownRecord was = before.record();
        if (!whole) {
            if (was.ownerId() != null || said.ownerId() == null) {
                return before;
            }
            return new Stamped(
                    new KnownRecord(
                            was.id(),
                            was.kind(),
                            said.ownerId(),
                            was.classification(),
                            was.forums(),
                            was.sectors(),
                            was.countries(),
                            was.subdivisions(),
                            was.planId(),
                            was.title()),
                    before.updatedAt());
        }
        if (before.updatedAt().isAfter(stamp)) {
            return before;
        }
        String title = said.title() != null ? said.title() : was.title();
        return new Stamped(
                new KnownRecord(
                        said.id(),
                        said.kind(),
                        said.ownerId(),
                        said.classification(),
                        said.forums(),
                        said.sectors(),
                        said.countries(),
                        said.subdivisions(),
                        said.planId(),
                        title),
                stamp);
    }

    /** The instant as the table keeps it: PostgreSQL stores microseconds, and the driver rounds the nanoseconds. */
    static Instant micros(Instant at) {
        return at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    /** The records of these ids that are known, by id. */
    public Map<UUID, KnownRecord> find(Collection<UUID> ids) {
        Map<UUID, KnownRecord> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query(
                    "SELECT * FROM known_record WHERE id = ANY(?::uuid[])",
                    rs -> {
                        KnownRecord r = map(rs, 0);
                        found.put(r.id(), r);
                    },
                    ReadSql.array(List.copyOf(new LinkedHashSet<>(ids))));
        }
        return found;
    }

    static KnownRecord map(ResultSet rs, int i) throws SQLException {
        return new KnownRecord(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getObject("owner_id", UUID.class),
                DataClassification.valueOf(rs.getString("classification")),
                ReadSql.uuids(rs, "shared_with_forums"),
                ReadSql.strings(rs, "sectors"),
                ReadSql.strings(rs, "countries"),
                ReadSql.strings(rs, "subdivisions"),
                rs.getObject("plan_id", UUID.class),
                rs.getString("title"));
    }
}
