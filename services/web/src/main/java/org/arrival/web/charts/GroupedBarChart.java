package org.arrival.web.charts;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Horizontal bars grouped by row on a scale from 0 to the largest value, laid out for an inline SVG: each row's label
 * (wrapped), one bar per series in the same order in every row, each bar's value written beside it. Series are told
 * apart by their fill pattern and position as well as their colour, and named in a legend.
 */
public record GroupedBarChart(Figure figure, List<String> series, List<Row> rows, double max, int width, int height) {

    public static final int WIDTH = 460;
    public static final int LABEL_WIDTH = 150;
    public static final int VALUE_WIDTH = 100;
    static final int BAR = 16;
    static final int GAP = 4;
    static final int LINE = 16;
    static final int LABEL_CHARACTERS = 20;

    /** A bar: its series (0, 1, ...), its value (null when there is none to draw) and its value as text. */
    public record Bar(int series, @Nullable Double value, String valueText) {}

    public record Item(String label, List<Bar> bars) {}

    /** A laid-out row: its label's lines, its bars and where it starts. */
    public record Row(List<String> label, List<Bar> bars, int y, int rowHeight) {

        public int barY(int index) {
            int barsHeight = bars.size() * BAR + (bars.size() - 1) * GAP;
            return y + (rowHeight - barsHeight) / 2 + index * (BAR + GAP);
        }

        public int labelY(int line) {
            return y + rowHeight / 2 + 5 - (label.size() - 1) * LINE / 2 + line * LINE;
        }
    }

    public static GroupedBarChart of(Figure figure, List<String> series, List<Item> items) {
        double max = 0;
        for (Item item : items) {
            for (Bar bar : item.bars()) {
                if (bar.value() != null) {
                    max = Math.max(max, bar.value());
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        int y = 4;
        for (Item item : items) {
            List<String> lines = Labels.wrap(item.label(), LABEL_CHARACTERS);
            int barsHeight = item.bars().size() * BAR + (item.bars().size() - 1) * GAP;
            int rowHeight = Math.max(barsHeight + 14, lines.size() * LINE + 10);
            rows.add(new Row(lines, item.bars(), y, rowHeight));
            y += rowHeight;
        }
        return new GroupedBarChart(figure, series, rows, max, WIDTH, y + 4);
    }

    public int trackWidth() {
        return WIDTH - LABEL_WIDTH - VALUE_WIDTH - 10;
    }

    public double barWidth(Bar bar) {
        if (bar.value() == null || max <= 0) {
            return 0;
        }
        return Math.max(1, trackWidth() * Math.min(bar.value(), max) / max);
    }

    public int barHeight() {
        return BAR;
    }

    public int labelX() {
        return LABEL_WIDTH - 8;
    }

    public int barX() {
        return LABEL_WIDTH;
    }

    public double valueX(Bar bar) {
        return LABEL_WIDTH + barWidth(bar) + 6;
    }
}
