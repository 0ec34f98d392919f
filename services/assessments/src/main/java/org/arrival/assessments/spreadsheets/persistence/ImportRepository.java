package org.arrival.assessments.spreadsheets.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.arrival.contracts.EventJson;
import org.arrival.platform.spreadsheets.imports.ImportedRow;
import org.arrival.platform.spreadsheets.imports.SpreadsheetImport;
import org.arrival.platform.spreadsheets.persistence.ImportTable;
import org.arrival.platform.spreadsheets.persistence.ImportTable.StoredImport;
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

    private final ImportTable table;

    public ImportRepository(JdbcTemplate jdbc) {
        this.table = new ImportTable(jdbc);
    }

    public void insert(SpreadsheetImport<?> i) {
        table.insert(new StoredImport(
                i.id(),
                i.forumId(),
                i.organisationId(),
                i.records(),
                i.fileName(),
                i.status(),
                i.createdAt(),
                i.createdBy(),
                i.appliedAt(),
                EventJson.mapper().writeValueAsString(i.rows())));
    }

    /** Records a new status (and when it was applied, by whom). */
    public void update(SpreadsheetImport<?> i, String userId) {
        table.update(i.id(), i.status(), i.appliedAt(), userId);
    }

    /** The import; {@code valuesType} gives the type of its rows' values from its kind of records. */
    public Optional<SpreadsheetImport<?>> find(UUID id, Function<String, Class<?>> valuesType) {
        return table.find(id).map(s -> imported(s, valuesType));
    }

    public Optional<SpreadsheetImport<?>> findForUpdate(UUID id, Function<String, Class<?>> valuesType) {
        return table.findForUpdate(id).map(s -> imported(s, valuesType));
    }

    private static SpreadsheetImport<?> imported(StoredImport s, Function<String, Class<?>> valuesType) {
        TypeFactory types = EventJson.mapper().getTypeFactory();
        JavaType row = types.constructParametricType(ImportedRow.class, valuesType.apply(s.records()));
        List<ImportedRow<Object>> rows =
                EventJson.mapper().readValue(s.rows(), types.constructCollectionType(List.class, row));
        return new SpreadsheetImport<>(
                s.id(),
                s.forumId(),
                s.organisationId(),
                s.records(),
                s.fileName(),
                s.status(),
                s.createdAt(),
                s.createdBy(),
                s.appliedAt(),
                rows);
    }
}
