package org.arrival.assessments.spreadsheets.domain;

import java.util.UUID;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.RowCells;
import org.arrival.platform.spreadsheets.imports.RowReading;
import org.jspecify.annotations.Nullable;

/**
 * A data row as a sheet reads it: its cells, screened as the API screens the same fields, and the record id and version
 * it names (the version is required with an id: it is the one the row was exported at).
 */
final class SheetRow {

    static final String ID = "id";
    static final String VERSION = "version";

    private final Table.Row row;
    private final RowCells cells;
    private final @Nullable UUID id;
    private final @Nullable Long version;

    /** @param oneRecord the kind as a sentence names one record, such as "a need" */
    SheetRow(Table table, Table.Row row, String oneRecord) {
        this.row = row;
        this.cells = new RowCells(table, row, SheetScreen.CELLS);
        this.id = cells.uuid(ID);
        this.version = cells.whole(VERSION, 1, Long.MAX_VALUE);
        if (id != null && version == null && cells.fine(VERSION)) {
            cells.problem(VERSION, "is required with " + oneRecord + " id: the version the row was exported at");
        }
    }

    RowCells cells() {
        return cells;
    }

    /** The row read: its values are null when any cell has a problem. */
    <V> RowReading<V> reading(@Nullable String title, @Nullable V values) {
        return new RowReading<>(row.number(), id, version, title, values, cells.problems());
    }

    /** Records that a cell is required, unless it already has a problem. */
    static void required(RowCells cells, String key, @Nullable Object value) {
        required(cells, key, value, "is required");
    }

    static void required(RowCells cells, String key, @Nullable Object value, String problem) {
        if (value == null && cells.fine(key)) {
            cells.problem(key, problem);
        }
    }
}
