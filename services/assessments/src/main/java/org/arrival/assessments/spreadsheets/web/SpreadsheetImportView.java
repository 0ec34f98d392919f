package org.arrival.assessments.spreadsheets.web;

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

/** An uploaded spreadsheet as the API shows it: where it stands, how many rows of each outcome, and every row. */
public record SpreadsheetImportView(
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
        List<RowView> rows) {

    /**
     * A row: its number in the file, its need or estimate (none for a new one), what it does and what is wrong with
     * it. {@code actionId} and {@code report} belong to action spreadsheets and are always null here.
     */
    public record RowView(
            int row,
            @Nullable UUID recordId,
            @Nullable UUID actionId,
            @Nullable String title,
            ImportOutcome outcome,
            List<RowChange> changes,
            @Nullable Object report,
            List<CellProblem> problems) {}

    public static SpreadsheetImportView of(SpreadsheetImport<?> i) {
        return new SpreadsheetImportView(
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
                        .map(r -> new RowView(
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
