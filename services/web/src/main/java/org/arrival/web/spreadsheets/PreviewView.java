package org.arrival.web.spreadsheets;

import java.util.Comparator;
import java.util.List;
import org.arrival.web.api.SpreadsheetImports.ImportRow;
import org.arrival.web.api.SpreadsheetImports.SpreadsheetImport;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.jspecify.annotations.Nullable;

/**
 * The preview of an import of a kind of records: its counts and rows, refused rows first (then by row number),
 * whether it can still be applied, why a confirmation was refused ({@code conflict}, empty when it was not) and
 * whether it was applied just now.
 */
public record PreviewView(
        SpreadsheetImport read,
        RecordKind kind,
        @Nullable ForumSummary forum,
        List<String> conflict,
        boolean justApplied) {

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

    /** Progress reports are counted for actions alone, the only records that carry them. */
    public boolean countsReports() {
        return kind.withReports();
    }

    /** The report column, only when a row has a report. */
    public boolean reportColumn() {
        return read.rows().stream().anyMatch(r -> r.report() != null);
    }

    /** The text key of the count of an outcome ({@code create}, {@code update}, {@code unchanged}) of this kind. */
    public String countKey(String outcome) {
        return "spreadsheets.counts." + outcome + "." + kind.key();
    }

    /** The text key of a row's outcome, worded for its kind ("New milestone"); a refused row is the row's. */
    public String outcomeKey(ImportRow row) {
        return switch (row.outcome()) {
            case "CREATE", "UPDATE", "UNCHANGED" -> "spreadsheets.outcome." + row.outcome() + "." + kind.key();
            default -> "spreadsheets.outcome." + row.outcome();
        };
    }

    /**
     * Where a row's record is shown: an action's page for actions and for the milestones and funding lines it holds,
     * a need's or an estimate's own page; none for a refused row or a need or estimate not recorded yet.
     */
    public @Nullable String link(ImportRow row) {
        if (REFUSED.equals(row.outcome())) {
            return null;
        }
        return switch (kind) {
            case ACTIONS, MILESTONES, FUNDING_LINES -> row.actionId() == null ? null : "/actions/" + row.actionId();
            case NEEDS -> row.recordId() == null ? null : "/needs/" + row.recordId();
            case POPULATION_ESTIMATES -> row.recordId() == null ? null : "/population/" + row.recordId();
        };
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
        return kind.importPath(read.id());
    }

    public String forumPath() {
        return "/forums/" + read.forumId();
    }

    /** The upload page for this kind of records, to start again. */
    public String uploadPath() {
        return UploadView.path(read.forumId(), kind);
    }

    /** Where the applied changes show: the tracker for actions, the needs coverage, the population figures. */
    public String changesPath() {
        return switch (kind) {
            case ACTIONS, MILESTONES, FUNDING_LINES -> forumPath() + "#tracker";
            case NEEDS -> forumPath() + "#coverage";
            case POPULATION_ESTIMATES -> forumPath() + "/population";
        };
    }

    public String forumName() {
        return forum == null || forum.name() == null ? "" : forum.name();
    }
}
