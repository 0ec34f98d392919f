package org.arrival.actionplans.spreadsheets.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrival.actionplans.spreadsheets.domain.ImportRow;
import org.arrival.actionplans.spreadsheets.domain.RecordKind;
import org.arrival.actionplans.spreadsheets.domain.SpreadsheetImport;
import org.arrival.contracts.EventJson;
import org.arrival.platform.spreadsheets.persistence.ImportTable;
import org.arrival.platform.spreadsheets.persistence.ImportTable.StoredImport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Spreadsheet imports, the kind of records each holds, and their previewed rows (one JSON document per import). */
@Repository
public class ImportRepository {

    private static final TypeReference<List<ImportRow>> ROWS = new TypeReference<>() {};

    private final ImportTable table;

    public ImportRepository(JdbcTemplate jdbc) {
        this.table = new ImportTable(jdbc);
    }

    public void insert(SpreadsheetImport i) {
        table.insert(new StoredImport(
                i.id(),
                i.forumId(),
                i.organisationId(),
                i.records().name(),
                i.fileName(),
                i.status(),
                i.createdAt(),
                i.createdBy(),
                i.appliedAt(),
                EventJson.mapper().writeValueAsString(i.rows())));
    }

    /** Records a new status (and when it was applied, by whom). */
    public void update(SpreadsheetImport i, String userId) {
        table.update(i.id(), i.status(), i.appliedAt(), userId);
    }

    public Optional<SpreadsheetImport> find(UUID id) {
        return table.find(id).map(ImportRepository::imported);
    }

    public Optional<SpreadsheetImport> findForUpdate(UUID id) {
        return table.findForUpdate(id).map(ImportRepository::imported);
    }

    private static SpreadsheetImport imported(StoredImport s) {
        return new SpreadsheetImport(
                s.id(),
                s.forumId(),
                s.organisationId(),
                RecordKind.valueOf(s.records()),
                s.fileName(),
                s.status(),
                s.createdAt(),
                s.createdBy(),
                s.appliedAt(),
                EventJson.mapper().readValue(s.rows(), ROWS));
    }
}
