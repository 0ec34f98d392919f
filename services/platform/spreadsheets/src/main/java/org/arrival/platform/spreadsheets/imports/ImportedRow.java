package org.arrival.platform.spreadsheets.imports;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One data row of an imported spreadsheet as the preview judged it. {@code recordId} is the record the row updates
 * (null for a new one), {@code parentId} the record it belongs to where the kind has one (a milestone's action; an
 * action's own id), {@code title} the label shown for the row. {@code basedOn} is the record's version the preview
 * compared with and {@code values} what the row asks for (of the kind's own type): the confirmation applies exactly
 * them, and only if the record is still at that version.
 *
 * @param <V> the values of one kind of record
 */
public record ImportedRow<V>(
        int row,
        @Nullable UUID recordId,
        @Nullable UUID parentId,
        @Nullable String title,
        ImportOutcome outcome,
        List<RowChange> changes,
        List<CellProblem> problems,
        @Nullable Long basedOn,
        @Nullable V values) {

    public ImportedRow {
        changes = changes == null ? List.of() : List.copyOf(changes);
        problems = problems == null ? List.of() : List.copyOf(problems);
        if (outcome == ImportOutcome.REFUSED && problems.isEmpty()) {
            throw new IllegalArgumentException("a refused row names its problems");
        }
        if (outcome != ImportOutcome.REFUSED && values == null) {
            throw new IllegalArgumentException("an accepted row carries what it sets");
        }
    }

    /**
     * The row as judged: REFUSED with its problems (or when there is nothing to set), else CREATE without a current
     * record, UPDATE when it changes a field, UNCHANGED when it changes none.
     */
    public static <V> ImportedRow<V> judged(
            int row,
            @Nullable UUID recordId,
            @Nullable UUID parentId,
            @Nullable String title,
            boolean exists,
            List<RowChange> changes,
            List<CellProblem> problems,
            @Nullable Long basedOn,
            @Nullable V values) {
        if (!problems.isEmpty() || values == null) {
            List<CellProblem> why =
                    problems.isEmpty() ? List.of(new CellProblem(null, null, "the row cannot be read")) : problems;
            return new ImportedRow<>(
                    row, recordId, parentId, title, ImportOutcome.REFUSED, changes, why, basedOn, null);
        }
        ImportOutcome outcome =
                !exists ? ImportOutcome.CREATE : changes.isEmpty() ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATE;
        return new ImportedRow<>(row, recordId, parentId, title, outcome, changes, List.of(), basedOn, values);
    }

    public boolean accepted() {
        return outcome != ImportOutcome.REFUSED;
    }

    /** Whether the confirmation writes anything for this row. */
    public boolean writes() {
        return outcome == ImportOutcome.CREATE || outcome == ImportOutcome.UPDATE;
    }
}
