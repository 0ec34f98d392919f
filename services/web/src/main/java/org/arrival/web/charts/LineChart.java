package org.arrival.web.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A line over time on a 0-100 scale, each point's value written beside its dot and its label under it. */
public record LineChart(Figure figure, List<Point> points, int width, int height) {

    public static final int WIDTH = 420;
    public static final int HEIGHT = 190;
    static final int LEFT = 40;
    static final int RIGHT = 40;
    static final int TOP = 24;
    static final int BOTTOM = 50;

    public record Point(double x, double y, String valueText, List<String> label) {}

    public record Item(String label, double value, String valueText) {}

    public static LineChart of(Figure figure, List<Item> items) {
        List<Point> points = new ArrayList<>();
        int n = items.size();
        for (int i = 0; i < n; i++) {
            Item item = items.get(i);
            double x = n == 1 ? (LEFT + WIDTH - RIGHT) / 2.0 : LEFT + i * (WIDTH - LEFT - RIGHT) / (double) (n - 1);
            points.add(new Point(x, y(item.value()), item.valueText(), Labels.wrap(item.label(), 12)));
        }
        return new LineChart(figure, points, WIDTH, HEIGHT);
    }

    static double y(double value) {
        return TOP + (100 - Math.max(0, Math.min(100, value))) * (HEIGHT - TOP - BOTTOM) / 100.0;
    }

    public double baseline() {
        return y(0);
    }

    public double top() {
        return y(100);
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    /** The polyline's points attribute. */
    public String path() {
        return points.stream().map(p -> round(p.x()) + "," + round(p.y())).collect(Collectors.joining(" "));
    }

    static String round(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}
