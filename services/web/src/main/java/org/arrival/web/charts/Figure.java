package org.arrival.web.charts;

import java.util.List;

/**
 * What goes with every chart: the caption that names it, a text description of what it shows (the chart's
 * accessible description, read by screen readers) and the numbers as a table that anyone can open.
 *
 * @param id unique on the page; the caption's and description's ids derive from it
 */
public record Figure(String id, String caption, String description, List<String> columns, List<List<String>> rows) {

    public String captionId() {
        return id + "-caption";
    }

    public String descriptionId() {
        return id + "-description";
    }
}
