package org.arrival.actionplans.spreadsheets.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
    public record Counts(int create, int update, int unchanged, int refused, int reports) {}

    public Counts counts() {
        int create = 0;
        int update = 0;
        int unchanged = 0;
        int refused = 0;
        int reports = 0;
        for (ImportRow r : rows) {
            switch (r.outcome()) {
                case CREATE -> create++;
                case UPDATE -> update++;
                case UNCHANGED -> unchanged++;
                case REFUSED -> refused++;
            }
            if (r.accepted() && r.report() != null) {
                reports++;
            }
        }
        return new Counts(create, update, unchanged, refused, reports);
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
