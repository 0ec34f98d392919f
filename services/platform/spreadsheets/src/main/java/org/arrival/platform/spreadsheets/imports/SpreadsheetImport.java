package org.arrival.platform.spreadsheets.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A spreadsheet an organisation uploaded for a forum, the kind of records it holds ({@code records}, as the API
 * names them: "needs", "milestones", ...), its rows as the preview judged them, and where it stands. Previewed, it
 * is applied once or discarded; it is never applied after it was discarded nor discarded after it was applied.
 *
 * @param <V> the values its rows set
 */
public record SpreadsheetImport<V>(
        UUID id,
        UUID forumId,
        UUID organisationId,
        String records,
        String fileName,
        ImportStatus status,
        Instant createdAt,
        String createdBy,
        @Nullable Instant appliedAt,
        List<ImportedRow<V>> rows) {

    /** The most characters of a file name kept. */
    public static final int MAX_FILE_NAME = 200;

    public SpreadsheetImport {
        rows = List.copyOf(rows);
    }

    /** A new import as previewed. */
    public static <V> SpreadsheetImport<V> previewed(
            UUID forumId,
            UUID organisationId,
            String records,
            @Nullable String fileName,
            Instant at,
            String by,
            List<ImportedRow<V>> rows) {
        return new SpreadsheetImport<>(
                UUID.randomUUID(),
                forumId,
                organisationId,
                records,
                fileName(fileName),
                ImportStatus.PREVIEWED,
                at,
                by,
                null,
                rows);
    }

    public ImportCounts counts() {
        return ImportCounts.of(rows);
    }

    /** 1 while previewed, 2 once applied or discarded: what an If-Match on the confirmation names. */
    public long version() {
        return status == ImportStatus.PREVIEWED ? 1 : 2;
    }

    /** Why the import cannot be applied now (it was applied or discarded), or null. */
    public @Nullable String whyNotApplicable() {
        if (status == ImportStatus.PREVIEWED) {
            return null;
        }
        return "The import was already " + status.name().toLowerCase(Locale.ROOT)
                + "; upload the file again to import it anew";
    }

    /** Why the import cannot be discarded (it was applied), or null. */
    public @Nullable String whyNotDiscardable() {
        return status == ImportStatus.APPLIED ? "The import was applied; an applied import is not discarded" : null;
    }

    /**
     * The accepted rows whose record is no longer at the version the preview judged, as "row 3 (version 2 → 4)";
     * {@code currentVersion} gives a record's version now, or null when it is gone.
     */
    public List<String> staleRows(Function<UUID, @Nullable Long> currentVersion) {
        List<String> stale = new ArrayList<>();
        for (ImportedRow<V> row : rows) {
            UUID id = row.recordId();
            if (!row.accepted() || id == null) {
                continue;
            }
            Long now = currentVersion.apply(id);
            if (now == null || !now.equals(row.basedOn())) {
                stale.add(
                        "row " + row.row() + " (version " + row.basedOn() + " → " + (now == null ? "gone" : now) + ")");
            }
        }
        return stale;
    }

    public SpreadsheetImport<V> applied(Instant at) {
        if (status != ImportStatus.PREVIEWED) {
            throw new IllegalStateException("only a previewed import is applied");
        }
        return new SpreadsheetImport<>(
                id, forumId, organisationId, records, fileName, ImportStatus.APPLIED, createdAt, createdBy, at, rows);
    }

    public SpreadsheetImport<V> discarded() {
        if (status == ImportStatus.APPLIED) {
            throw new IllegalStateException("an applied import is not discarded");
        }
        return new SpreadsheetImport<>(
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

    /** An uploaded file's name as kept: without its folders and control characters, at most 200 characters. */
    public static String fileName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "spreadsheet";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        base = base.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        if (base.isEmpty()) {
            return "spreadsheet";
        }
        if (base.length() <= MAX_FILE_NAME) {
            return base;
        }
        int end = MAX_FILE_NAME;
        if (Character.isHighSurrogate(base.charAt(end - 1))) {
            end--;
        }
        return base.substring(0, end);
    }
}
