package org.arrival.actionplans.spreadsheets.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.platform.spreadsheets.imports.ImportCounts;
import org.arrival.platform.spreadsheets.imports.ImportStatus;
import org.jspecify.annotations.Nullable;

/**
 * A spreadsheet of one kind of records an organisation uploaded for a forum, its rows as the preview judged them, and
 * where it stands.
 */
public record SpreadsheetImport(
        UUID id,
        UUID forumId,
        UUID organisationId,
        RecordKind records,
        String fileName,
        ImportStatus status,
        Instant createdAt,
        String createdBy,
        @Nullable Instant appliedAt,
        List<ImportRow> rows) {

    public SpreadsheetImport {
        rows = List.copyOf(rows);
    }

    /** How many rows have each outcome, and how many reports the accepted rows add. */
    public ImportCounts counts() {
        return ImportCounts.of(rows, ImportRow::outcome, r -> r.report() != null);
    }

    /** 1 while previewed, 2 once applied or discarded: what an If-Match on the confirmation names. */
    public long version() {
        return status == ImportStatus.PREVIEWED ? 1 : 2;
    }

    public SpreadsheetImport applied(Instant at) {
        return new SpreadsheetImport(
                id, forumId, organisationId, records, fileName, ImportStatus.APPLIED, createdAt, createdBy, at, rows);
    }

    public SpreadsheetImport discarded() {
        return new SpreadsheetImport(
                id,
                forumId,
                organisationId,
                records,
                fileName,
                ImportStatus.DISCARDED,
                createdAt,
                createdBy,
                appliedAt,
                rows);
    }
}
