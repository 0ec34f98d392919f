package org.arrival.platform.spreadsheets;

import java.util.List;

/**
 * A sheet as read or to be written: a row of headings people read, a row of machine keys a program finds its
 * columns by, and rows of cell text. Each data row knows its number in the file (1-based, as spreadsheets count), so a
 * problem can name its cell ({@link #address}).
 */
public record Table(List<String> headings, List<String> keys, List<Row> rows) {

    public Table {
        headings = List.copyOf(headings);
        keys = List.copyOf(keys);
        rows = List.copyOf(rows);
    }

    /** One row: its number in the file and its cells, as text ("" for an empty cell). */
    public record Row(int number, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell in a column (from 0), "" past the row's last cell. */
        public String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** The column of a key (from 0), or -1. */
    public int column(String key) {
        return keys.indexOf(key);
    }

    /** A cell's address as spreadsheets write it: column 4 (from 0) of row 7 is "E7". */
    public static String address(int column, int rowNumber) {
        return columnName(column) + rowNumber;
    }

    /** A column's letters: 0 is A, 25 is Z, 26 is AA. */
    public static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }
}
