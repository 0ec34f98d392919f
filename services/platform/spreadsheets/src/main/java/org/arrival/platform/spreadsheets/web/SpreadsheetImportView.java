package org.arrival.platform.spreadsheets.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.arrival.platform.spreadsheets.imports.ImportCounts;
import org.arrival.platform.spreadsheets.imports.ImportOutcome;
import org.arrival.platform.spreadsheets.imports.ImportStatus;
import org.arrival.platform.spreadsheets.imports.RowChange;
import org.arrival.platform.spreadsheets.imports.SpreadsheetImport;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded spreadsheet as the API of every service shows it: where it stands, how many rows of each outcome, and
 * every row.
 *
 * @param <R> the report a row adds, for the kinds that have one (actions' progress reports)
 */
public record SpreadsheetImportView<R>(
        UUID id,
        UUID forumId,
        UUID organisationId,
        String records,
        String fileName,
        ImportStatus status,
        Instant createdAt,
        String createdBy,
        @Nullable Instant appliedAt,
        ImportCounts counts,
        List<RowView<R>> rows) {

    /**
     * A row: its number in the file, its record (none for a new one) and that record's action where it belongs to
     * one, what it does, the report it adds and what is wrong with it.
     */
    public record RowView<R>(
            int row,
            @Nullable UUID recordId,
            @Nullable UUID actionId,
            @Nullable String title,
            ImportOutcome outcome,
            List<RowChange> changes,
            @Nullable R report,
            List<CellProblem> problems) {}

    /** An import of a kind whose rows add no reports; a row's parent, where it has one, is shown as its action. */
    public static SpreadsheetImportView<Object> of(SpreadsheetImport<?> i) {
        return new SpreadsheetImportView<>(
                i.id(),
                i.forumId(),
                i.organisationId(),
                i.records(),
                i.fileName(),
                i.status(),
                i.createdAt(),
                i.createdBy(),
                i.appliedAt(),
                i.counts(),
                i.rows().stream()
                        .map(r -> new RowView<Object>(
                                r.row(),
                                r.recordId(),
                                r.parentId(),
                                r.title(),
                                r.outcome(),
                                r.changes(),
                                null,
                                r.problems()))
                        .toList());
    }
}
