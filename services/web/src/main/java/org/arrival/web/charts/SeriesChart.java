package org.arrival.web.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Several series over the same points in time, on a scale from 0 to the largest value: one line per series, told
 * apart by its dash and its marker as well as its colour and named in a legend, each point's value written beside
 * it and each time's label under the axis.
 */
public record SeriesChart(
        Figure figure,
        List<String> series,
        List<Column> columns,
        List<Line> lines,
        double max,
        String maxText,
        int width,
        int height) {

    public static final int WIDTH = 460;
    public static final int HEIGHT = 220;
    static final int LEFT = 70;
    static final int RIGHT = 40;
    static final int TOP = 24;
    static final int BOTTOM = 50;

    /** A value of a series at a time: null when there is none to draw; its text is written all the same. */
    public record Value(@Nullable Double value, String text) {}

    /** A time (column) with its label's lines and where it is drawn. */
    public record Column(List<String> label, double x) {}

    public record Point(double x, double y, String text) {}

    /** One series laid out: its points, and for its value labels whether they go above or below the points. */
    public record Line(int series, List<Point> points, boolean labelsAbove) {

        public String path() {
            return points.stream().map(p -> round(p.x()) + "," + round(p.y())).collect(Collectors.joining(" "));
        }
    }

    /**
     * @param labels the times, in order
     * @param values per series, one value per time
     */
    public static SeriesChart of(
            Figure figure,
            List<String> series,
            List<String> labels,
            List<List<Value>> values,
            String maxText,
            double max) {
        int n = labels.size();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            columns.add(new Column(Labels.wrap(labels.get(i), 14), x(i, n)));
        }
        List<Line> lines = new ArrayList<>();
        for (int s = 0; s < values.size(); s++) {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < n && i < values.get(s).size(); i++) {
                Value v = values.get(s).get(i);
                if (v == null) {
                    continue;
                }
                points.add(new Point(x(i, n), y(v.value() == null ? 0 : v.value(), max), v.text()));
            }
            // the largest series writes its values above its points, the others below, so labels do not collide
            lines.add(new Line(s, points, s == values.size() - 1));
        }
        return new SeriesChart(figure, series, columns, lines, max, maxText, WIDTH, HEIGHT);
    }

    static double x(int i, int n) {
        return n == 1 ? (LEFT + WIDTH - RIGHT) / 2.0 : LEFT + i * (WIDTH - LEFT - RIGHT) / (double) (n - 1);
    }

    static double y(double value, double max) {
        double share = max <= 0 ? 0 : Math.max(0, Math.min(value, max)) / max;
        return TOP + (1 - share) * (HEIGHT - TOP - BOTTOM);
    }

    public double baseline() {
        return y(0, max);
    }

    public double top() {
        return y(max, max);
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    static String round(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}
