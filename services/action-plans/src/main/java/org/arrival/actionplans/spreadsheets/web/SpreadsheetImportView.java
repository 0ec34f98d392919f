package org.arrival.actionplans.spreadsheets.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.spreadsheets.domain.ImportOutcome;
import org.arrival.actionplans.spreadsheets.domain.ImportRow;
import org.arrival.actionplans.spreadsheets.domain.ImportStatus;
import org.arrival.actionplans.spreadsheets.domain.RecordKind;
import org.arrival.actionplans.spreadsheets.domain.SpreadsheetImport;
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
        SpreadsheetImport.Counts counts,
        List<RowView> rows) {

    /**
     * A row: its number in the file, its record (none for a new one) and that record's action, what it does and what
     * is wrong with it.
     */
    public record RowView(
            int row,
            @Nullable UUID recordId,
            @Nullable UUID actionId,
            @Nullable String title,
            ImportOutcome outcome,
            List<ImportRow.Change> changes,
            ImportRow.@Nullable ReportLine report,
            List<ImportRow.Problem> problems) {}

    public static SpreadsheetImportView of(SpreadsheetImport i) {
        return new SpreadsheetImportView(
                i.id(),
                i.forumId(),
                i.organisationId(),
                i.records().parameter(),
                i.fileName(),
                i.status(),
                i.createdAt(),
                i.createdBy(),
                i.appliedAt(),
                i.counts(),
                i.rows().stream()
                        .map(r -> new RowView(
                                r.row(),
                                recordId(i.records(), r),
                                r.actionId(),
                                r.title(),
                                r.outcome(),
                                r.changes(),
                                r.report(),
                                r.problems()))
                        .toList());
    }

    /** An action row's record is its action (rows stored before recordId was kept have the action id only). */
    private static @Nullable UUID recordId(RecordKind records, ImportRow r) {
        return records == RecordKind.ACTIONS && r.recordId() == null ? r.actionId() : r.recordId();
    }
}
