package org.arrival.actionplans.funding.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrival.actionplans.funding.domain.FundingLine;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventJson;
import org.arrival.platform.web.StaleVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Funding lines in PostgreSQL, updated only at the version read, and their history in action_plans_revision. */
@Repository
public class FundingRepository {

    private final JdbcTemplate jdbc;

    public FundingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(FundingLine l, Instant at) {
        jdbc.update(
                """
                INSERT INTO funding_line (id, version, action_id, source_id, source_name, currency, required, committed,
                    disbursed, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                l.id(),
                l.version(),
                l.actionId(),
                l.sourceId(),
                l.sourceName(),
                l.currency(),
                l.required(),
                l.committed(),
                l.disbursed(),
                Timestamp.from(at),
                Timestamp.from(at));
    }

    public void update(FundingLine l, Instant at) {
        int updated = jdbc.update(
                """
                UPDATE funding_line SET version = ?, source_id = ?, source_name = ?, currency = ?, required = ?,
                    committed = ?, disbursed = ?, updated_at = ?
                 WHERE id = ? AND version = ?""",
                l.version(),
                l.sourceId(),
                l.sourceName(),
                l.currency(),
                l.required(),
                l.committed(),
                l.disbursed(),
                Timestamp.from(at),
                l.id(),
                l.version() - 1);
        if (updated != 1) {
            throw new StaleVersion("funding line", l.id(), l.version() - 1);
        }
    }

    public Optional<StoredLine> find(UUID actionId, UUID id) {
        return jdbc
                .query(
                        "SELECT * FROM funding_line WHERE action_id = ? AND id = ?",
                        FundingRepository::map,
                        actionId,
                        id)
                .stream()
                .findFirst();
    }

    public Optional<StoredLine> findForUpdate(UUID actionId, UUID id) {
        return jdbc
                .query(
                        "SELECT * FROM funding_line WHERE action_id = ? AND id = ? FOR UPDATE",
                        FundingRepository::map,
                        actionId,
                        id)
                .stream()
                .findFirst();
    }

    public List<StoredLine> ofAction(UUID actionId) {
        return jdbc.query(
                "SELECT * FROM funding_line WHERE action_id = ? ORDER BY currency, created_at, id",
                FundingRepository::map,
                actionId);
    }

    /** The organisation the change that made a version of a line was made for, as its revision records it. */
    public Optional<UUID> changedFor(UUID id, long version) {
        return jdbc.queryForList("""
                        SELECT (event -> 'actor' ->> 'organisationId')::uuid FROM action_plans_revision
                         WHERE record_type = 'funding_line' AND record_id = ? AND version = ?""", UUID.class, id, version).stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    public void recordRevision(FundingLine l, Object event, Instant at) {
        jdbc.update(
                """
                INSERT INTO action_plans_revision (record_type, record_id, version, event_type, event, recorded_at)
                VALUES ('funding_line', ?, ?, ?, ?::jsonb, ?)""",
                l.id(),
                l.version(),
                EventCatalogue.instance().typeOf(event.getClass()).type(),
                new String(EventJson.write(event), StandardCharsets.UTF_8),
                Timestamp.from(at));
    }

    private static StoredLine map(ResultSet rs, int row) throws SQLException {
        FundingLine l = new FundingLine(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                rs.getObject("action_id", UUID.class),
                rs.getObject("source_id", UUID.class),
                rs.getString("source_name"),
                rs.getString("currency"),
                rs.getBigDecimal("required"),
                rs.getBigDecimal("committed"),
                rs.getBigDecimal("disbursed"));
        return new StoredLine(
                l,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** A funding line and when it was first and last stored. */
    public record StoredLine(FundingLine line, Instant createdAt, Instant updatedAt) {}
}
