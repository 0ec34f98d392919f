package org.arrival.platform.spreadsheets.imports;

import org.arrival.platform.spreadsheets.Table;
import org.jspecify.annotations.Nullable;

/** A problem of a row: the column's key and the cell's address (such as "E7") when one cell is at fault. */
public record CellProblem(@Nullable String column, @Nullable String cell, String message) {

    /** A problem of the cell of {@code key} in a row; without an address when the file has no such column. */
    public static CellProblem at(Table table, @Nullable String key, int rowNumber, String message) {
        int c = key == null ? -1 : table.column(key);
        return new CellProblem(key, c < 0 ? null : Table.address(c, rowNumber), message);
    }

    /** As the report and messages write it: "E7 severity: must be one of ...". */
    public String written() {
        return (cell == null ? "" : cell + " ") + (column == null ? "" : column + ": ") + message;
    }
}
