package org.arrival.actionplans.spreadsheets.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrival.actionplans.actions.persistence.ActionRepository.StoredAction;
import org.arrival.actionplans.spreadsheets.domain.ImportRow;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a kind of records that belong to actions (milestones, funding lines): exported for the organisation's
 * forum actions, judged on upload, checked for changes and applied through the record's own service on confirmation.
 */
interface RecordRows {

    /** The export's data rows, in the sheet's key order, for the actions in the order given. */
    List<List<String>> exported(Viewer viewer, List<StoredAction> actions);

    /** Every data row of a file as the preview judges it, against the organisation's forum actions. */
    List<ImportRow> judged(Table table, Viewer viewer, UUID organisation, List<StoredAction> actions);

    /** "row n (version a → b)" when the row's record changed since the preview; null when it did not. */
    @Nullable
    String changedSincePreview(ImportRow row);

    /** Applies an accepted row through the record's service, in the caller's transaction. */
    void apply(Caller caller, ImportRow row);

    /** The ids of the organisation's forum actions: those whose records a sheet holds. */
    static Set<UUID> forumActions(List<StoredAction> actions) {
        return actions.stream().map(a -> a.action().id()).collect(Collectors.toSet());
    }

    /** A problem of one cell of a row, or of the row when the file lacks the column. */
    static CellProblem problem(Table table, String key, int row, @Nullable String message) {
        return CellProblem.at(table, key, row, message == null ? "is not accepted" : message);
    }

    /** What a row whose record changed since the export is refused with. */
    static String changedSinceExport(long exported, long current, String by, Instant at) {
        return "changed since your export: version " + exported + " → " + current + " by " + by + " on "
                + LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
