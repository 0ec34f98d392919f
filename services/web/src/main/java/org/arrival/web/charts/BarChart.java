package org.arrival.web.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bars on a 0-100 scale, laid out for an inline SVG: each row's label (wrapped onto as many lines as it
 * needs), its bar and its value written out beside it.
 */
public record BarChart(Figure figure, List<Bar> bars, int width, int height) {

    public static final int LABEL_WIDTH = 170;
    public static final int VALUE_WIDTH = 70;
    public static final int WIDTH = 420;
    static final int LINE = 16;
    static final int LABEL_CHARACTERS = 22;

    /** One bar: where it is drawn, its label's lines and its value as text. */
    public record Bar(List<String> label, double value, String valueText, int y, int rowHeight) {

        public double barWidth() {
            return (WIDTH - LABEL_WIDTH - VALUE_WIDTH - 10) * Math.max(0, Math.min(100, value)) / 100.0;
        }

        public int trackWidth() {
            return WIDTH - LABEL_WIDTH - VALUE_WIDTH - 10;
        }

        public int barY() {
            return y + rowHeight / 2 - 9;
        }

        /** The baseline of the label's first line, so the lines sit centred on the bar. */
        public int labelY(int line) {
            return y + rowHeight / 2 + 5 - (label.size() - 1) * LINE / 2 + line * LINE;
        }
    }

    public record Item(String label, double value, String valueText) {}

    public static BarChart of(Figure figure, List<Item> items) {
        List<Bar> bars = new ArrayList<>();
        int y = 4;
        for (Item item : items) {
            List<String> lines = Labels.wrap(item.label(), LABEL_CHARACTERS);
            int rowHeight = Math.max(30, lines.size() * LINE + 10);
            bars.add(new Bar(lines, item.value(), item.valueText(), y, rowHeight));
            y += rowHeight;
        }
        return new BarChart(figure, bars, WIDTH, y + 4);
    }
}
