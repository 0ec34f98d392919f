package org.arrival.web.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrival.web.api.ServiceProblem;
import org.arrival.web.api.actionplans.ActionPlansApi.DuePeriod;
import org.arrival.web.api.actionplans.ActionPlansApi.Indicator;
import org.arrival.web.api.actionplans.ActionPlansApi.IndicatorDraft;
import org.arrival.web.api.actionplans.ActionPlansApi.Report;
import org.arrival.web.api.actionplans.ActionPlansApi.ReportDraft;
import org.jspecify.annotations.Nullable;

/**
 * The progress report form's values, as typed: fields named like the API's JSON fields ({@code percentComplete},
 * {@code indicators[0].actual}), so a refusal names the field to mark. Indicator rows left blank are not sent; a
 * refusal naming the n-th indicator sent is shown at the row it came from.
 */
public final class ReportForm {

    /** At most this many indicators in a report (the service's limit). */
    public static final int MAX_ROWS = 30;

    static final String PERIOD_START = "periodStart";
    static final String PERIOD_END = "periodEnd";
    static final String PERCENT = "percentComplete";
    static final String RAG = "rag";
    static final String NARRATIVE = "narrative";
    static final String ROWS = "rows";
    static final List<String> INDICATOR_FIELDS = List.of("name", "unit", "baseline", "target", "actual");
    private static final Pattern INDICATOR = Pattern.compile("^indicators\\[(\\d+)](.*)$");

    private final Map<String, String> values;
    private final int rows;

    private ReportForm(Map<String, String> values, int rows) {
        this.values = values;
        this.rows = Math.max(1, Math.min(MAX_ROWS, rows));
    }

    /** The form as posted: only its own fields are kept, trimmed. */
    public static ReportForm posted(Map<String, String> params) {
        int rows = number(params.get(ROWS), 1);
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields(Math.max(1, Math.min(MAX_ROWS, rows)))) {
            String v = params.get(field);
            if (v != null) {
                values.put(field, v.strip());
            }
        }
        return new ReportForm(values, rows);
    }

    /**
     * The form as it first opens: the period proposed (the one due, or the one after the last report), and the last
     * report's percent, rating and indicators (their actual values to be updated); the narrative starts empty.
     */
    public static ReportForm proposed(@Nullable DuePeriod due, @Nullable Report last) {
        Map<String, String> values = new LinkedHashMap<>();
        if (due != null) {
            values.put(PERIOD_START, due.periodStart().toString());
            values.put(PERIOD_END, due.periodEnd().toString());
        } else if (last != null) {
            values.put(PERIOD_START, last.periodEnd().plusDays(1).toString());
        }
        int rows = 1;
        if (last != null) {
            values.put(PERCENT, Integer.toString(last.percentComplete()));
            values.put(RAG, last.rag());
            List<Indicator> indicators = last.indicators();
            for (int i = 0; i < indicators.size() && i < MAX_ROWS; i++) {
                Indicator x = indicators.get(i);
                values.put(field(i, "name"), x.name());
                put(values, field(i, "unit"), x.unit());
                put(values, field(i, "baseline"), plain(x.baseline()));
                put(values, field(i, "target"), plain(x.target()));
                put(values, field(i, "actual"), plain(x.actual()));
            }
            rows = Math.max(1, indicators.size());
        }
        return new ReportForm(values, rows);
    }

    /** The same values with one more (empty) indicator row. */
    public ReportForm withAnotherRow() {
        return new ReportForm(values, rows + 1);
    }

    public int rows() {
        return rows;
    }

    public boolean full() {
        return rows >= MAX_ROWS;
    }

    public Map<String, String> values() {
        return values;
    }

    /** Every field of the form with this many indicator rows. */
    static Set<String> fields(int rows) {
        Set<String> fields = new LinkedHashSet<>(List.of(PERIOD_START, PERIOD_END, PERCENT, RAG, NARRATIVE));
        for (int i = 0; i < rows; i++) {
            for (String f : INDICATOR_FIELDS) {
                fields.add(field(i, f));
            }
        }
        return fields;
    }

    public Set<String> fields() {
        return fields(rows);
    }

    public static String field(int row, String name) {
        return "indicators[" + row + "]." + name;
    }

    /**
     * What the service is sent, or the fields that cannot be read as a date or a number (named with the key of
     * their message). Indicator rows with nothing typed are left out.
     */
    public Parsed parse() {
        Map<String, String> unreadable = new LinkedHashMap<>();
        LocalDate start = date(PERIOD_START, unreadable);
        LocalDate end = date(PERIOD_END, unreadable);
        @Nullable Integer percent = null;
        String p = values.get(PERCENT);
        if (p != null && !p.isEmpty()) {
            BigDecimal n = decimal(p);
            if (n == null || n.stripTrailingZeros().scale() > 0) {
                unreadable.put(PERCENT, "progress.error.wholePercent");
            } else if (n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                    || n.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
                unreadable.put(PERCENT, "progress.error.percentRange");
            } else {
                percent = n.intValueExact();
            }
        }
        List<IndicatorDraft> indicators = new ArrayList<>();
        List<Integer> rowOfSent = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int row = i;
            if (INDICATOR_FIELDS.stream().allMatch(f -> blank(values.get(field(row, f))))) {
                continue;
            }
            Double baseline = number(field(i, "baseline"), unreadable);
            Double target = number(field(i, "target"), unreadable);
            Double actual = number(field(i, "actual"), unreadable);
            indicators.add(new IndicatorDraft(
                    emptyToNull(values.get(field(i, "name"))),
                    emptyToNull(values.get(field(i, "unit"))),
                    baseline,
                    target,
                    actual));
            rowOfSent.add(i);
        }
        ReportDraft draft = new ReportDraft(
                start, end, percent, emptyToNull(values.get(RAG)), emptyToNull(values.get(NARRATIVE)), indicators);
        return new Parsed(draft, unreadable, rowOfSent);
    }

    /**
     * The report to send, what could not be read (field and message key), and for each indicator sent the row it
     * came from.
     */
    public record Parsed(ReportDraft draft, Map<String, String> unreadable, List<Integer> rowOfSent) {

        /** A field the service named (its n-th indicator sent) as the form names it (the row it came from). */
        public String formField(String serviceField) {
            Matcher m = INDICATOR.matcher(serviceField);
            if (!m.matches()) {
                return serviceField;
            }
            int sent = Integer.parseInt(m.group(1));
            return sent < rowOfSent.size() ? "indicators[" + rowOfSent.get(sent) + "]" + m.group(2) : serviceField;
        }

        /** The service's refusal with its fields named as the form names them. */
        public ServiceProblem onForm(ServiceProblem problem) {
            List<ServiceProblem.FieldError> errors = problem.errors().stream()
                    .map(e -> new ServiceProblem.FieldError(
                            e.field() == null ? null : formField(e.field()), e.message(), e.code(), e.parameters()))
                    .toList();
            return new ServiceProblem(problem.service(), problem.status(), problem.title(), problem.detail(), errors);
        }
    }

    private @Nullable LocalDate date(String field, Map<String, String> unreadable) {
        String v = values.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            unreadable.put(field, "progress.error.date");
            return null;
        }
    }

    private @Nullable Double number(String field, Map<String, String> unreadable) {
        String v = values.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        BigDecimal n = decimal(v);
        if (n == null) {
            unreadable.put(field, "progress.error.number");
            return null;
        }
        return n.doubleValue();
    }

    /**
     * A number as people type it: digits with a dot or a comma for the decimals, spaces or (with a dot for the
     * decimals) commas between thousands; Arabic-Indic digits too. Null if it is not one.
     */
    static @Nullable BigDecimal decimal(String typed) {
        StringBuilder s = new StringBuilder();
        for (char c : typed.strip().toCharArray()) {
            if (c >= '\u0660' && c <= '\u0669') {
                s.append((char) ('0' + (c - '\u0660')));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                s.append((char) ('0' + (c - '\u06F0')));
            } else if (c == '\u066B') {
                s.append('.'); // Arabic decimal separator
            } else if (c == '\u066C' || Character.isSpaceChar(c)) {
                continue; // Arabic thousands separator, spaces
            } else {
                s.append(c);
            }
        }
        String t = s.toString();
        if (t.indexOf('.') >= 0) {
            t = t.replace(",", "");
        } else if (t.chars().filter(c -> c == ',').count() == 1) {
            t = t.replace(',', '.');
        }
        if (!t.matches("[-+]?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(t);
    }

    private static @Nullable String plain(@Nullable Double value) {
        return value == null
                ? null
                : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void put(Map<String, String> values, String field, @Nullable String value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    private static int number(@Nullable String v, int fallback) {
        try {
            return v == null ? fallback : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static @Nullable String emptyToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
