package org.arrival.platform.spreadsheets.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.arrival.platform.spreadsheets.imports.ImportStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service's spreadsheet_import table: an import's columns, its kind of records as the service names it, and its
 * previewed rows as one JSON document, which the service writes and reads in its own shape.
 */
public final class ImportTable {

    /** An import as stored; {@code rows} is the JSON of its rows. */
    public record StoredImport(
            UUID id,
            UUID forumId,
            UUID organisationId,
            String records,
            String fileName,
            ImportStatus status,
            Instant createdAt,
            String createdBy,
            @Nullable Instant appliedAt,
            String rows) {}

    private final JdbcTemplate jdbc;

    public ImportTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(StoredImport i) {
        jdbc.update(
                """
                INSERT INTO spreadsheet_import (id, forum_id, organisation_id, records, file_name, status, rows,
                    created_at, created_by, applied_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""",
                i.id(),
                i.forumId(),
                i.organisationId(),
                i.records(),
                i.fileName(),
                i.status().name(),
                i.rows(),
                Timestamp.from(i.createdAt()),
                i.createdBy(),
                timestamp(i.appliedAt()));
    }

    /** Records a new status (and when it was applied, by whom). */
    public void update(UUID id, ImportStatus status, @Nullable Instant appliedAt, String userId) {
        jdbc.update(
                "UPDATE spreadsheet_import SET status = ?, applied_at = ?, changed_by = ? WHERE id = ?",
                status.name(),
                timestamp(appliedAt),
                userId,
                id);
    }

    public Optional<StoredImport> find(UUID id) {
        return jdbc.query("SELECT * FROM spreadsheet_import WHERE id = ?", ImportTable::map, id).stream()
                .findFirst();
    }

    public Optional<StoredImport> findForUpdate(UUID id) {
        return jdbc.query("SELECT * FROM spreadsheet_import WHERE id = ? FOR UPDATE", ImportTable::map, id).stream()
                .findFirst();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static StoredImport map(ResultSet rs, int n) throws SQLException {
        Timestamp applied = rs.getTimestamp("applied_at");
        return new StoredImport(
                rs.getObject("id", UUID.class),
                rs.getObject("forum_id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("records"),
                rs.getString("file_name"),
                ImportStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                applied == null ? null : applied.toInstant(),
                rs.getString("rows"));
    }
}
