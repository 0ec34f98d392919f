package org.arrival.actionplans.spreadsheets.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrival.actionplans.spreadsheets.domain.ImportRow;
import org.arrival.actionplans.spreadsheets.domain.ImportStatus;
import org.arrival.actionplans.spreadsheets.domain.RecordKind;
import org.arrival.actionplans.spreadsheets.domain.SpreadsheetImport;
import org.arrival.contracts.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Spreadsheet imports, the kind of records each holds, and their previewed rows (one JSON document per import). */
@Repository
public class ImportRepository {

    private static final TypeReference<List<ImportRow>> ROWS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;

    public ImportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SpreadsheetImport i) {
        jdbc.update(
                """
                INSERT INTO spreadsheet_import (id, forum_id, organisation_id, records, file_name, status, rows,
                    created_at, created_by, applied_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""",
                i.id(),
                i.forumId(),
                i.organisationId(),
                i.records().name(),
                i.fileName(),
                i.status().name(),
                EventJson.mapper().writeValueAsString(i.rows()),
                Timestamp.from(i.createdAt()),
                i.createdBy(),
                i.appliedAt() == null ? null : Timestamp.from(i.appliedAt()));
    }

    /** Records a new status (and when it was applied, by whom). */
    public void update(SpreadsheetImport i, String userId) {
        jdbc.update(
                "UPDATE spreadsheet_import SET status = ?, applied_at = ?, changed_by = ? WHERE id = ?",
                i.status().name(),
                i.appliedAt() == null ? null : Timestamp.from(i.appliedAt()),
                userId,
                i.id());
    }

    public Optional<SpreadsheetImport> find(UUID id) {
        return jdbc.query("SELECT * FROM spreadsheet_import WHERE id = ?", ImportRepository::map, id).stream()
                .findFirst();
    }

    public Optional<SpreadsheetImport> findForUpdate(UUID id) {
        return jdbc
                .query("SELECT * FROM spreadsheet_import WHERE id = ? FOR UPDATE", ImportRepository::map, id)
                .stream()
                .findFirst();
    }

    private static SpreadsheetImport map(ResultSet rs, int i) throws SQLException {
        Timestamp applied = rs.getTimestamp("applied_at");
        Instant appliedAt = applied == null ? null : applied.toInstant();
        return new SpreadsheetImport(
                rs.getObject("id", UUID.class),
                rs.getObject("forum_id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                RecordKind.valueOf(rs.getString("records")),
                rs.getString("file_name"),
                ImportStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                appliedAt,
                EventJson.mapper().readValue(rs.getString("rows"), ROWS));
    }
}
