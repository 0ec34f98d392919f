package org.arrival.benchmarks.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A Markdown table whose columns are padded so that it also reads well as plain text. */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + header.size() + " cells expected, got " + cells.length);
        }
        rows.add(Arrays.stream(cells)
                .map(c -> c == null ? "" : c.toString().replace("|", "\\|"))
                .toList());
        return this;
    }

    public int columns() {
        return header.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String markdown() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = Math.max(3, header.get(i).length());
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width);
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        line(out, rule, width);
        rows.forEach(r -> line(out, r, width));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width) {
        out.append('|');
        for (int i = 0; i < cells.size(); i++) {
            out.append(' ')
                    .append(cells.get(i))
                    .append(" ".repeat(width[i] - cells.get(i).length()))
                    .append(" |");
        }
        out.append(System.lineSeparator());
    }
}
