package org.arrival.assessments.spreadsheets.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.arrival.contracts.EventJson;
import org.arrival.platform.spreadsheets.imports.ImportStatus;
import org.arrival.platform.spreadsheets.imports.ImportedRow;
import org.arrival.platform.spreadsheets.imports.SpreadsheetImport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.type.TypeFactory;

/**
 * Spreadsheet imports and their previewed rows (one JSON document per import); the rows' values are read back as the
 * type of the import's kind of records.
 */
@Repository
public class ImportRepository {

    private final JdbcTemplate jdbc;

    public ImportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SpreadsheetImport<?> i) {
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
                EventJson.mapper().writeValueAsString(i.rows()),
                Timestamp.from(i.createdAt()),
                i.createdBy(),
                i.appliedAt() == null ? null : Timestamp.from(i.appliedAt()));
    }

    /** Records a new status (and when it was applied, by whom). */
    public void update(SpreadsheetImport<?> i, String userId) {
        jdbc.update(
                "UPDATE spreadsheet_import SET status = ?, applied_at = ?, changed_by = ? WHERE id = ?",
                i.status().name(),
                i.appliedAt() == null ? null : Timestamp.from(i.appliedAt()),
                userId,
                i.id());
    }

    /** The import; {@code valuesType} gives the type of its rows' values from its kind of records. */
    public Optional<SpreadsheetImport<?>> find(UUID id, Function<String, Class<?>> valuesType) {
        return query("SELECT * FROM spreadsheet_import WHERE id = ?", id, valuesType);
    }

    public Optional<SpreadsheetImport<?>> findForUpdate(UUID id, Function<String, Class<?>> valuesType) {
        return query("SELECT * FROM spreadsheet_import WHERE id = ? FOR UPDATE", id, valuesType);
    }

    private Optional<SpreadsheetImport<?>> query(String sql, UUID id, Function<String, Class<?>> valuesType) {
        List<SpreadsheetImport<?>> found = jdbc.query(sql, (rs, n) -> map(rs, valuesType), id);
        return found.stream().findFirst();
    }

    private static SpreadsheetImport<?> map(ResultSet rs, Function<String, Class<?>> valuesType) throws SQLException {
        String records = rs.getString("records");
        TypeFactory types = EventJson.mapper().getTypeFactory();
        JavaType row = types.constructParametricType(ImportedRow.class, valuesType.apply(records));
        List<ImportedRow<Object>> rows =
                EventJson.mapper().readValue(rs.getString("rows"), types.constructCollectionType(List.class, row));
        Timestamp applied = rs.getTimestamp("applied_at");
        Instant appliedAt = applied == null ? null : applied.toInstant();
        return new SpreadsheetImport<>(
                rs.getObject("id", UUID.class),
                rs.getObject("forum_id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                records,
                rs.getString("file_name"),
                ImportStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                appliedAt,
                rows);
    }
}
