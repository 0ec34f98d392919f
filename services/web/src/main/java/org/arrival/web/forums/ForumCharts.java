package org.arrival.web.forums;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arrival.web.api.forum.ForumApi.CoverageCell;
import org.arrival.web.api.forum.ForumApi.Readiness;
import org.arrival.web.api.forum.ForumApi.RecommendationScore;
import org.arrival.web.api.forum.ForumApi.RoundScore;
import org.arrival.web.api.forum.ForumApi.SectorProgress;
import org.arrival.web.api.forum.ForumApi.TrackerSummary;
import org.arrival.web.charts.BarChart;
import org.arrival.web.charts.Figure;
import org.arrival.web.charts.GridChart;
import org.arrival.web.charts.LineChart;
import org.arrival.web.layout.Page;
import org.arrival.web.layout.Symbols;
import org.jspecify.annotations.Nullable;

/** The forum's charts, worded and formatted for the reader, each with its description and table of numbers. */
final class ForumCharts {

    private ForumCharts() {}

    /** Average progress of each sector's actions, cancelled ones left out (no report counts as 0 %). */
    static @Nullable BarChart sectors(Page page, TrackerSummary summary) {
        List<SectorProgress> bySector =
                summary.sectors().stream().filter(s -> s.actions() > 0).toList();
        if (bySector.isEmpty()) {
            return null;
        }
        record Row(String name, double value, int count) {}
        List<Row> rows = new ArrayList<>();
        bySector.forEach(e ->
                rows.add(new Row(page.label("Sector", e.sector()), e.averagePercentComplete(), (int) e.actions())));
        rows.sort(Comparator.comparing(Row::name, java.text.Collator.getInstance(page.locale())));
        List<String> described = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        List<BarChart.Item> items = new ArrayList<>();
        for (Row r : rows) {
            String percent = page.format().percent(r.value());
            described.add(page.t("sectors.point", "sector", r.name(), "percent", percent, "count", r.count()));
            table.add(List.of(r.name(), percent, page.format().number(r.count())));
            items.add(new BarChart.Item(r.name(), r.value(), percent));
        }
        Figure figure = new Figure(
                "sectors-chart",
                page.t("sectors.caption"),
                String.join("; ", described),
                List.of(page.t("sectors.sector"), page.t("sectors.average"), page.t("sectors.actions")),
                table);
        return BarChart.of(figure, items);
    }

    /** Needs coverage: sectors down, population group and area across. */
    static @Nullable GridChart coverage(Page page, List<CoverageCell> cells) {
        if (cells.isEmpty()) {
            return null;
        }
        var collator = java.text.Collator.getInstance(page.locale());
        Map<String, String> rowKeys = new LinkedHashMap<>();
        Map<String, String> columnKeys = new LinkedHashMap<>();
        Map<String, GridChart.Mark> marks = new LinkedHashMap<>();
        List<String> described = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (CoverageCell c : cells) {
            String sector = page.label("Sector", c.sector());
            String group = page.label("PopulationGroup", c.group());
            String area = c.area() == null || c.area().isBlank() ? page.t("coverage.anywhere") : c.area();
            String column = c.group() + "|" + (c.area() == null ? "" : c.area());
            rowKeys.put(c.sector(), sector);
            columnKeys.put(column, group + " " + area);
            String symbol = Symbols.coverage(c.coverage());
            String state = page.t("coverage." + c.coverage());
            marks.put(
                    c.sector() + "|" + column,
                    new GridChart.Mark(
                            c.coverage(), symbol + " " + page.format().number(c.needs())));
            described.add(page.t(
                    "coverage.point",
                    "sector",
                    sector,
                    "group",
                    group,
                    "area",
                    area,
                    "coverage",
                    state,
                    "needs",
                    c.needs()));
            table.add(List.of(
                    sector,
                    group,
                    area,
                    symbol + " " + state,
                    page.format().number(c.needs()),
                    page.format().number(c.inputs())));
        }
        List<GridChart.Key> rows = rowKeys.entrySet().stream()
                .map(e -> new GridChart.Key(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(GridChart.Key::label, collator))
                .toList();
        List<GridChart.Key> columns = columnKeys.entrySet().stream()
                .map(e -> new GridChart.Key(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(GridChart.Key::label, collator))
                .toList();
        Figure figure = new Figure(
                "coverage-chart",
                page.t("coverage.caption"),
                String.join("; ", described),
                List.of(
                        page.t("sectors.sector"),
                        page.t("coverage.group"),
                        page.t("coverage.area"),
                        page.t("coverage.state"),
                        page.t("coverage.needs"),
                        page.t("coverage.inputs")),
                table);
        return GridChart.of(figure, rows, columns, marks);
    }

    /**
     * The latest round's score by recommendation of the checklist, out of what was assessed: a recommendation none of
     * whose questions anyone answered is "not assessed", not 0. Rounds published before scores carried their coverage
     * are shown out of the maximum.
     */
    static @Nullable BarChart recommendations(Page page, Readiness readiness) {
        if (readiness.latest() == null || readiness.recommendations().isEmpty()) {
            return null;
        }
        List<BarChart.Item> items = new ArrayList<>();
        List<String> described = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (RecommendationScore r : readiness.recommendations()) {
            String name = page.t("readiness.recommendation." + r.code());
            String points = page.format().number(r.points());
            String max = page.format().number(r.max());
            String pointsOf = page.t("readiness.pointsOf", "points", points, "max", max);
            Integer assessedMax = r.assessedMax();
            Integer assessed = r.questionsAssessed();
            Integer questions = r.questions();
            if (assessedMax == null || assessed == null || questions == null) {
                // published before scores carried their coverage
                double value = r.max() == 0 ? 0 : 100.0 * r.points() / r.max();
                String percent = page.format().percent(value);
                items.add(new BarChart.Item(name, value, percent));
                described.add(page.t(
                        "readiness.point", "recommendation", name, "percent", percent, "points", points, "max", max));
                table.add(List.of(name, percent, pointsOf, page.t("common.none")));
                continue;
            }
            String assessedOf = page.t("readiness.assessedOf", "assessed", assessed, "questions", questions);
            if (assessedMax == 0) {
                String notAssessed = page.t("readiness.notAssessed");
                items.add(new BarChart.Item(name, 0, notAssessed));
                described.add(page.t("readiness.pointNotAssessed", "recommendation", name, "questions", questions));
                table.add(List.of(name, notAssessed, pointsOf, assessedOf));
                continue;
            }
            double value = 100.0 * r.points() / assessedMax;
            String percent = page.format().percent(value);
            items.add(new BarChart.Item(name, value, percent));
            described.add(page.t(
                    "readiness.pointCoverage",
                    "recommendation",
                    name,
                    "percent",
                    percent,
                    "points",
                    points,
                    "max",
                    max,
                    "assessed",
                    assessed,
                    "questions",
                    questions));
            table.add(List.of(name, percent, pointsOf, assessedOf));
        }
        Figure figure = new Figure(
                "readiness-chart",
                page.t("readiness.caption"),
                String.join("; ", described),
                List.of(
                        page.t("readiness.recommendation"),
                        page.t("readiness.score"),
                        page.t("readiness.points"),
                        page.t("readiness.assessed")),
                table);
        return BarChart.of(figure, items);
    }

    /** The overall score of each published round, over time. */
    static @Nullable LineChart trend(Page page, Readiness readiness) {
        List<RoundScore> trend =
                readiness.trend().stream().filter(r -> r.percent() != null).toList();
        if (trend.isEmpty()) {
            return null;
        }
        List<LineChart.Item> items = new ArrayList<>();
        List<String> described = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (RoundScore r : trend) {
            String date = page.format().date(r.publishedAt());
            String percent = page.format().percent(r.percent(), 1);
            items.add(new LineChart.Item(date, r.percent(), percent));
            described.add(page.t("readiness.trendPoint", "date", date, "title", r.title(), "percent", percent));
            table.add(List.of(r.title() == null ? "" : r.title(), date, percent));
        }
        Figure figure = new Figure(
                "trend-chart",
                page.t("readiness.trendCaption"),
                String.join("; ", described),
                List.of(page.t("readiness.round"), page.t("readiness.published"), page.t("readiness.overall")),
                table);
        return LineChart.of(figure, items);
    }
}
