package org.arrival.web.population;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.arrival.web.api.assessments.AssessmentsApi.Count;
import org.arrival.web.api.forum.ForumApi.EstimateItem;
import org.arrival.web.charts.Figure;
import org.arrival.web.charts.GroupedBarChart;
import org.arrival.web.charts.SeriesChart;
import org.arrival.web.layout.Page;
import org.jspecify.annotations.Nullable;

/**
 * The forum's population estimates as charts, worded and formatted for the reader, each with its description and
 * table of numbers: registered against estimated by area and group (the latest estimate of each), and over time
 * for each area and group with more than one estimate. Counts are drawn as the forum shows them: a suppressed one
 * has no bar and reads "fewer than 5".
 */
final class PopulationCharts {

    private PopulationCharts() {}

    /** The estimates of one area and group, oldest first. */
    record Place(String label, String area, String group, List<EstimateItem> estimates) {

        EstimateItem latest() {
            return estimates.getLast();
        }
    }

    /** The estimates by area and group, in the reader's alphabetical order of area, then group. */
    static List<Place> places(Page page, List<EstimateItem> estimates) {
        Map<String, List<EstimateItem>> byPlace = new LinkedHashMap<>();
        for (EstimateItem e : estimates) {
            String area = e.area() == null ? "" : e.area().shown();
            byPlace.computeIfAbsent(area + "\u0000" + e.group(), k -> new ArrayList<>())
                    .add(e);
        }
        Collator collator = Collator.getInstance(page.locale());
        List<Place> places = new ArrayList<>();
        byPlace.forEach((key, list) -> {
            List<EstimateItem> sorted = list.stream()
                    .sorted(Comparator.comparing(EstimateItem::asOf, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            EstimateItem first = sorted.getFirst();
            String area = first.area() == null ? "" : first.area().shown();
            String group = page.label("PopulationGroup", first.group());
            places.add(new Place(page.t("population.place", "area", area, "group", group), area, group, sorted));
        });
        places.sort(Comparator.comparing(Place::area, collator).thenComparing(Place::group, collator));
        return places;
    }

    static @Nullable GroupedBarChart latest(Page page, List<Place> places) {
        if (places.isEmpty()) {
            return null;
        }
        List<String> series = List.of(page.t("population.registered"), page.t("population.estimated"));
        List<GroupedBarChart.Item> items = new ArrayList<>();
        List<String> described = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        for (Place p : places) {
            EstimateItem e = p.latest();
            String registered = text(page, e.registered());
            String estimated = text(page, e.estimated());
            String asOf = page.format().date(e.asOf());
            items.add(new GroupedBarChart.Item(
                    p.label(),
                    List.of(
                            new GroupedBarChart.Bar(0, value(e.registered()), registered),
                            new GroupedBarChart.Bar(1, value(e.estimated()), estimated))));
            described.add(page.t(
                    "population.latestPoint",
                    "place",
                    p.label(),
                    "registered",
                    registered,
                    "estimated",
                    estimated,
                    "date",
                    asOf));
            table.add(List.of(p.label(), asOf, registered, estimated));
        }
        Figure figure = new Figure(
                "population-latest",
                page.t("population.latestCaption"),
                String.join("; ", described),
                List.of(
                        page.t("population.areaGroup"),
                        page.t("population.asOf"),
                        page.t("population.registered"),
                        page.t("population.estimated")),
                table);
        return GroupedBarChart.of(figure, series, items);
    }

    /** One chart per area and group with estimates at more than one date. */
    static List<SeriesChart> overTime(Page page, List<Place> places) {
        List<SeriesChart> charts = new ArrayList<>();
        List<String> series = List.of(page.t("population.registered"), page.t("population.estimated"));
        int n = 0;
        for (Place p : places) {
            Map<java.time.LocalDate, EstimateItem> byDate = new TreeMap<>();
            p.estimates().stream().filter(e -> e.asOf() != null).forEach(e -> byDate.put(e.asOf(), e));
            if (byDate.size() < 2) {
                continue;
            }
            List<String> labels = new ArrayList<>();
            List<SeriesChart.Value> registered = new ArrayList<>();
            List<SeriesChart.Value> estimated = new ArrayList<>();
            List<String> described = new ArrayList<>();
            List<List<String>> table = new ArrayList<>();
            double max = 0;
            for (EstimateItem e : byDate.values()) {
                String date = page.format().date(e.asOf());
                labels.add(date);
                registered.add(point(page, e.registered()));
                estimated.add(point(page, e.estimated()));
                max = Math.max(max, Math.max(orZero(e.registered()), orZero(e.estimated())));
                described.add(page.t(
                        "population.trendPoint",
                        "date",
                        date,
                        "registered",
                        text(page, e.registered()),
                        "estimated",
                        text(page, e.estimated())));
                table.add(List.of(date, text(page, e.registered()), text(page, e.estimated())));
            }
            n++;
            Figure figure = new Figure(
                    "population-trend-" + n,
                    page.t("population.trendCaption", "place", p.label()),
                    p.label() + ": " + String.join("; ", described),
                    List.of(page.t("population.asOf"), page.t("population.registered"), page.t("population.estimated")),
                    table);
            charts.add(SeriesChart.of(
                    figure,
                    series,
                    labels,
                    List.of(registered, estimated),
                    page.format().number(max),
                    max));
        }
        return charts;
    }

    /** A count as the reader reads it: the number, "fewer than 5", or "not given". */
    static String text(Page page, @Nullable Count count) {
        if (count == null) {
            return page.t("population.notGiven");
        }
        return count.hidden() ? page.t("count.fewerThan5") : page.format().number(count.value());
    }

    private static @Nullable Double value(@Nullable Count count) {
        return count == null || count.hidden() || count.value() == null
                ? null
                : count.value().doubleValue();
    }

    private static double orZero(@Nullable Count count) {
        Double v = value(count);
        return v == null ? 0 : v;
    }

    private static SeriesChart.@Nullable Value point(Page page, @Nullable Count count) {
        return count == null ? null : new SeriesChart.Value(value(count), text(page, count));
    }
}
