package org.arrival.web.spreadsheets;

import java.util.Comparator;
import java.util.List;
import org.arrival.web.api.actionplans.ActionPlansApi.ImportRow;
import org.arrival.web.api.actionplans.ActionPlansApi.SpreadsheetImport;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.jspecify.annotations.Nullable;

/**
 * The preview of an import: its counts and rows, refused rows first (then by row number), whether it can still be
 * applied, why a confirmation was refused ({@code conflict}, empty when it was not) and whether it was applied just
 * now.
 */
public record PreviewView(
        SpreadsheetImport read, @Nullable ForumSummary forum, List<String> conflict, boolean justApplied) {

    public static final String REFUSED = "REFUSED";

    /** A row's outcome as a symbol beside its word, so that it is never told by colour alone. */
    public static String symbol(String outcome) {
        return switch (outcome) {
            case "CREATE" -> "+";
            case "UPDATE" -> "✎";
            case "UNCHANGED" -> "=";
            case REFUSED -> "✕";
            default -> "?";
        };
    }

    public List<ImportRow> rows() {
        return read.rows().stream()
                .sorted(Comparator.comparing((ImportRow r) -> !REFUSED.equals(r.outcome()))
                        .thenComparingInt(ImportRow::row))
                .toList();
    }

    /** The rows a confirmation would apply: every row that is not refused and changes something or adds a report. */
    public int toApply() {
        return read.counts().create() + read.counts().update() + reportsOnUnchanged();
    }

    private int reportsOnUnchanged() {
        return (int) read.rows().stream()
                .filter(r -> "UNCHANGED".equals(r.outcome()) && r.report() != null)
                .count();
    }

    public boolean previewed() {
        return "PREVIEWED".equals(read.status());
    }

    public boolean applied() {
        return "APPLIED".equals(read.status());
    }

    public boolean discarded() {
        return "DISCARDED".equals(read.status());
    }

    public String path() {
        return "/spreadsheet-imports/" + read.id();
    }

    public String forumPath() {
        return "/forums/" + read.forumId();
    }

    public String forumName() {
        return forum == null || forum.name() == null ? "" : forum.name();
    }
}
