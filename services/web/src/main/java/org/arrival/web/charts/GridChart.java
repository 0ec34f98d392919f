package org.arrival.web.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A heat map: rows by columns, each cell drawn in its state's colour and also marked with the state's symbol and a
 * count, so colour is never the only sign.
 */
public record GridChart(Figure figure, List<Row> rows, List<Column> columns, int width, int height) {

    static final int LABEL_WIDTH = 170;
    static final int CELL_WIDTH = 112;
    static final int CELL_HEIGHT = 40;
    static final int LINE = 15;

    public record Column(String key, List<String> label, double x) {

        public double centre() {
            return x + CELL_WIDTH / 2.0;
        }
    }

    public record Cell(String state, String text, double x, double y) {}

    public record Row(String key, List<String> label, double y, List<Cell> cells) {

        public double labelY(int line) {
            return y + CELL_HEIGHT / 2.0 + 5 - (label.size() - 1) * LINE / 2.0 + line * LINE;
        }
    }

    /** A cell's content: its state (a CSS class suffix), and the symbol and count written in it. */
    public record Mark(String state, String text) {}

    public record Key(String key, String label) {}

    public static GridChart of(Figure figure, List<Key> rowKeys, List<Key> columnKeys, Map<String, Mark> cells) {
        int headLines = 1;
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < columnKeys.size(); c++) {
            List<String> lines = Labels.wrap(columnKeys.get(c).label(), 14);
            headLines = Math.max(headLines, lines.size());
            columns.add(new Column(columnKeys.get(c).key(), lines, LABEL_WIDTH + c * CELL_WIDTH));
        }
        int head = headLines * LINE + 12;
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < rowKeys.size(); r++) {
            Key key = rowKeys.get(r);
            double y = head + r * CELL_HEIGHT;
            List<Cell> row = new ArrayList<>();
            for (Column column : columns) {
                Mark mark = cells.get(key.key() + "|" + column.key());
                if (mark != null) {
                    row.add(new Cell(mark.state(), mark.text(), column.x(), y));
                }
            }
            rows.add(new Row(key.key(), Labels.wrap(key.label(), 22), y, row));
        }
        return new GridChart(
                figure,
                rows,
                columns,
                LABEL_WIDTH + columns.size() * CELL_WIDTH + 4,
                head + rowKeys.size() * CELL_HEIGHT + 4);
    }

    public int cellWidth() {
        return CELL_WIDTH;
    }

    public int cellHeight() {
        return CELL_HEIGHT;
    }

    public int labelX() {
        return LABEL_WIDTH - 8;
    }

    public double headY(int line) {
        return 14 + line * LINE;
    }
}
