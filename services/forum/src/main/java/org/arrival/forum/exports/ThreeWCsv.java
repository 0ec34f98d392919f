package org.arrival.forum.exports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.actionplans.IndicatorValue;
import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.platform.security.DisclosureControl;
import org.jspecify.annotations.Nullable;

/**
 * The who-does-what-where table as HXL-tagged CSV (RFC 4180): a row of column names, a row of HXL hashtags, then one
 * row per action x sector x area. {@code #targeted} and {@code #reached} are the target and actual of the latest
 * progress report's indicators counted in people (the contracts carry no other head counts), under the platform's
 * disclosure control whoever exports (an export leaves the platform): {@code <5} below 5, otherwise rounded to a
 * multiple of 5; blank when there is none.
 *
 * <p>A cell a spreadsheet would read as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
 * a carriage return) is written with a leading single quote and quoted, as OWASP advises against CSV injection.
 */
public final class ThreeWCsv {

    static final List<String> HEADERS = List.of(
            "Organisation",
            "Organisation ID",
            "Sector",
            "Country",
            "Admin 1 code",
            "Admin 2 code",
            "Area",
            "Action",
            "Action ID",
            "Kind",
            "Status",
            "Start date",
            "End date",
            "Percent complete",
            "Targeted",
            "Reached");

    static final List<String> HXL = List.of(
            "#org+name",
            "#org+code",
            "#sector",
            "#country+code",
            "#adm1+code",
            "#adm2+code",
            "#loc+name",
            "#activity+name",
            "#activity+code",
            "#activity+type",
            "#status",
            "#date+start",
            "#date+end",
            "#output+pct",
            "#targeted",
            "#reached");

    /** One action as the export sees it. */
    public record Line(
            ActionRow action, String organisationName, String organisationRef, List<IndicatorValue> indicators) {}

    private ThreeWCsv() {}

    /** The whole file, for lines already in memory: actions in {@link #order()}, each action's rows by sector and area. */
    public static String write(List<Line> lines) {
        StringWriter out = new StringWriter();
        try {
            header(out);
            List<Line> sorted = new ArrayList<>(lines);
            sorted.sort(Comparator.comparing(
                    (Line l) -> key(l.organisationName(), l.action().title, l.action().id), order()));
            for (Line line : sorted) {
                line(out, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The two header rows: the column names and their HXL hashtags. */
    public static void header(Writer out) throws IOException {
        row(out, HEADERS);
        row(out, HXL);
    }

    /** What orders the actions in the file: organisation name, title, id. */
    public static List<String> key(@Nullable String organisationName, @Nullable String title, UUID id) {
        return List.of(text(organisationName), text(title), id.toString());
    }

    public static Comparator<List<String>> order() {
        return Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1))
                .thenComparing(k -> k.get(2));
    }

    /** One action's rows, one per sector and area, by sector then area name. */
    public static void line(Writer out, Line line) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        ActionRow a = line.action();
        List<Jurisdiction> areas = a.areas.isEmpty() ? java.util.Collections.singletonList(null) : a.areas;
        String targeted = people(line.indicators(), true);
        String reached = people(line.indicators(), false);
        for (String sector : a.sectors) {
            for (Jurisdiction area : areas) {
                rows.add(List.of(
                        text(line.organisationName()),
                        text(line.organisationRef()),
                        sector,
                        area == null ? "" : text(area.country()),
                        area == null ? "" : text(area.subdivision()),
                        area == null ? "" : text(area.areaCode()),
                        area == null ? "" : areaName(area),
                        text(a.title),
                        a.id.toString(),
                        text(a.kind),
                        text(a.status),
                        text(a.startDate),
                        text(a.endDate),
                        a.latestReport == null ? "" : Integer.toString(a.latestReport.percentComplete),
                        targeted,
                        reached));
            }
        }
        rows.sort(Comparator.comparing((List<String> r) -> r.get(2)).thenComparing(r -> r.get(6)));
        for (List<String> r : rows) {
            row(out, r);
        }
    }

    /**
     * The sum of the people-counting indicators' targets (or actuals), as the export shows it. A value the report
     * already left out as below 5 ({@code suppressed}) adds nothing known: with nothing else known the sum reads
     * {@code <5} too.
     */
    static String people(List<IndicatorValue> indicators, boolean target) {
        Double sum = null;
        boolean suppressed = false;
        for (IndicatorValue i : indicators) {
            if (DisclosureControl.countsPeople(i.unit())) {
                Double v = target ? i.target() : i.actual();
                if (v != null && Double.isFinite(v)) {
                    sum = sum == null ? v : sum + v;
                } else if (i.suppressed() != null
                        && i.suppressed().contains(target ? IndicatorValue.TARGET : IndicatorValue.ACTUAL)) {
                    suppressed = true;
                }
            }
        }
        if (sum == null) {
            return suppressed ? Count.SMALL : "";
        }
        Double shown = DisclosureControl.shownQuantity((double) Math.round(sum));
        return shown == null ? Count.SMALL : number(shown);
    }

    private static String areaName(Jurisdiction j) {
        if (j.areaName() != null) {
            return j.areaName();
        }
        return j.areaCode() != null ? j.areaCode() : j.subdivision() != null ? j.subdivision() : text(j.country());
    }

    private static String number(@Nullable Double d) {
        if (d == null) {
            return "";
        }
        return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
    }

    private static String text(@Nullable Object o) {
        return o == null ? "" : o.toString();
    }

    private static void row(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    /**
     * RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. A field a spreadsheet would
     * take for a formula is prefixed with a single quote and quoted (OWASP, CSV injection).
     */
    static String field(String s) {
        if (formula(s)) {
            return '"' + ("'" + s).replace("\"", "\"\"") + '"';
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Whether a spreadsheet would read the cell as a formula or command. */
    static boolean formula(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char first = s.charAt(0);
        return first == '='
                || first == '+'
                || first == '-'
                || first == '@'
                || first == '\t'
                || first == '\r'
                || first == '\uFF1D'
                || first == '\uFF0B'
                || first == '\uFF0D'
                || first == '\uFF20';
    }
}
