package org.arrival.platform.spreadsheets.imports;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** How many rows of an import have each outcome, and how many reports its accepted rows add (where a kind has any). */
public record ImportCounts(int create, int update, int unchanged, int refused, int reports) {

    /** The counts of rows that add no reports. */
    public static ImportCounts of(List<? extends ImportedRow<?>> rows) {
        return of(rows, r -> false);
    }

    /** The counts, {@code addsReport} telling which accepted rows add a report. */
    public static ImportCounts of(List<? extends ImportedRow<?>> rows, Predicate<ImportedRow<?>> addsReport) {
        return of(rows, ImportedRow::outcome, addsReport);
    }

    /**
     * The counts of rows of any shape, {@code outcome} giving a row's outcome and {@code addsReport} telling which
     * accepted rows add a report.
     */
    public static <R> ImportCounts of(
            List<? extends R> rows, Function<? super R, ImportOutcome> outcome, Predicate<? super R> addsReport) {
        int create = 0;
        int update = 0;
        int unchanged = 0;
        int refused = 0;
        int reports = 0;
        for (R r : rows) {
            ImportOutcome o = outcome.apply(r);
            switch (o) {
                case CREATE -> create++;
                case UPDATE -> update++;
                case UNCHANGED -> unchanged++;
                case REFUSED -> refused++;
            }
            if (o != ImportOutcome.REFUSED && addsReport.test(r)) {
                reports++;
            }
        }
        return new ImportCounts(create, update, unchanged, refused, reports);
    }
}
