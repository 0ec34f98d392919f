package org.arrival.actionplans.spreadsheets.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrival.actionplans.progress.domain.Report;
import org.arrival.actionplans.spreadsheets.domain.ImportRow.Problem;
import org.arrival.actionplans.spreadsheets.domain.ImportRow.ReportLine;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.web.PersonalDataScreen;
import org.arrival.platform.web.RequestBodyScreen;
import org.jspecify.annotations.Nullable;

/**
 * The spreadsheet of an organisation's actions in a forum: its columns (found by their keys in row 2, so headings may
 * be in any language and columns in any order), their headings in the reader's language, and how a row's cells are
 * read: each cell checked as the API checks the same field, each problem naming its cell.
 */
public final class ActionSheet {

    public static final String SHEET_NAME = "Actions";
    public static final int MAX_TITLE = 300;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_SECTORS = 25;

    public static final String ID = "id";
    public static final String VERSION = "version";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String KIND = "kind";
    public static final String SECTORS = "sectors";
    public static final String START_DATE = "startDate";
    public static final String END_DATE = "endDate";
    public static final String REPORTING_CADENCE = "reportingCadence";
    public static final String PLAN_ID = "planId";
    public static final String REPORT_PERIOD_START = "reportPeriodStart";
    public static final String REPORT_PERIOD_END = "reportPeriodEnd";
    public static final String PERCENT_COMPLETE = "percentComplete";
    public static final String RAG = "rag";
    public static final String NARRATIVE = "narrative";

    /** The keys, in the order they are exported. */
    public static final List<String> KEYS = List.of(
            ID,
            VERSION,
            TITLE,
            DESCRIPTION,
            KIND,
            SECTORS,
            START_DATE,
            END_DATE,
            REPORTING_CADENCE,
            PLAN_ID,
            REPORT_PERIOD_START,
            REPORT_PERIOD_END,
            PERCENT_COMPLETE,
            RAG,
            NARRATIVE);

    public static final List<String> DATE_KEYS = List.of(START_DATE, END_DATE, REPORT_PERIOD_START, REPORT_PERIOD_END);

    private static final Map<String, List<String>> HEADINGS = Map.of(
            "en",
            List.of(
                    "Action id (leave empty for a new action)",
                    "Version",
                    "Title",
                    "Description",
                    "Kind",
                    "Sectors (separated by ;)",
                    "Start date",
                    "End date",
                    "Reporting cadence",
                    "Plan id",
                    "Report period start",
                    "Report period end",
                    "Percent complete (0-100)",
                    "On track (GREEN, AMBER, RED)",
                    "What was done in the period"),
            "fr",
            List.of(
                    "Identifiant de l'action (vide pour une nouvelle action)",
                    "Version",
                    "Titre",
                    "Description",
                    "Nature",
                    "Secteurs (séparés par ;)",
                    "Date de début",
                    "Date de fin",
                    "Fréquence des rapports",
                    "Identifiant du plan",
                    "Début de la période du rapport",
                    "Fin de la période du rapport",
                    "Avancement en % (0-100)",
                    "État (GREEN, AMBER, RED)",
                    "Ce qui a été fait pendant la période"),
            "es",
            List.of(
                    "Identificador de la acción (vacío para una acción nueva)",
                    "Versión",
                    "Título",
                    "Descripción",
                    "Tipo",
                    "Sectores (separados por ;)",
                    "Fecha de inicio",
                    "Fecha de fin",
                    "Frecuencia de los informes",
                    "Identificador del plan",
                    "Inicio del periodo del informe",
                    "Fin del periodo del informe",
                    "Porcentaje completado (0-100)",
                    "Situación (GREEN, AMBER, RED)",
                    "Lo que se hizo en el periodo"),
            "ar",
            List.of(
                    "معرّف الإجراء (اتركه فارغًا لإجراء جديد)",
                    "الإصدار",
                    "العنوان",
                    "الوصف",
                    "النوع",
                    "القطاعات (مفصولة بـ ;)",
                    "تاريخ البدء",
                    "تاريخ الانتهاء",
                    "وتيرة التقارير",
                    "معرّف الخطة",
                    "بداية فترة التقرير",
                    "نهاية فترة التقرير",
                    "نسبة الإنجاز (0-100)",
                    "الوضع (GREEN, AMBER, RED)",
                    "ما أُنجز خلال الفترة"));

    private ActionSheet() {}

    /** The headings in a language (en, fr, es, ar); English for any other. */
    public static List<String> headings(@Nullable Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        return java.util.Objects.requireNonNull(HEADINGS.getOrDefault(language, HEADINGS.get("en")));
    }

    /** The drop-down lists of the columns that hold one value of a list. */
    public static Map<String, List<String>> choices() {
        return Map.of(
                KIND, names(ActionKind.values()),
                REPORTING_CADENCE, names(ReportingCadence.values()),
                RAG, names(Rag.values()));
    }

    /** The most characters of a cell or key a problem repeats. */
    static final int MAX_SHOWN_CHARS = 40;

    /** A cell's or key's text as a problem repeats it: cut to at most 40 characters, ending in "…" when cut. */
    static String shown(String value) {
        if (value.length() <= MAX_SHOWN_CHARS) {
            return value;
        }
        int end = MAX_SHOWN_CHARS - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /**
     * The keys of a file that are not ones of this sheet, and those it lacks that an import needs (title is the one
     * every row needs); empty when the file can be read row by row.
     */
    public static List<String> keyProblems(List<String> keys) {
        List<String> problems = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (int c = 0; c < keys.size(); c++) {
            String key = keys.get(c).strip();
            if (key.isEmpty()) {
                continue;
            }
            if (!KEYS.contains(key)) {
                problems.add("unknown key \"" + shown(key) + "\" in cell " + Table.address(c, 2) + "; the keys are "
                        + String.join(", ", KEYS));
            } else if (!seen.add(key)) {
                problems.add("the key \"" + shown(key) + "\" names two columns (" + Table.address(c, 2) + ")");
            }
        }
        if (!seen.contains(TITLE)) {
            problems.add("row 2 holds no \"title\" key: the import finds its columns by the keys in row 2, as the"
                    + " export writes them");
        }
        return problems;
    }

    /** A data row as the file says it: the action fields and report it asks for, and what is wrong in its cells. */
    public record RowReading(
            int row,
            @Nullable UUID id,
            @Nullable Long version,
            @Nullable String title,
            @Nullable String description,
            @Nullable ActionKind kind,
            List<Sector> sectors,
            @Nullable LocalDate startDate,
            @Nullable LocalDate endDate,
            @Nullable ReportingCadence reportingCadence,
            @Nullable UUID planId,
            @Nullable ReportLine report,
            List<Problem> problems) {}

    /** Reads one data row; every cell is checked, so the person sees all of a row's problems at once. */
    public static RowReading read(Table table, Table.Row row) {
        Cells cells = new Cells(table, row);
        UUID id = cells.uuid(ID);
        Long version = cells.whole(VERSION, 0, Long.MAX_VALUE);
        if (id != null && version == null && cells.problemsOf(VERSION).isEmpty()) {
            cells.problem(VERSION, "is required with an action id: the version the row was exported at");
        }
        String title = cells.text(TITLE, MAX_TITLE);
        if (title == null) {
            cells.problem(TITLE, "must not be blank");
        }
        String description = cells.text(DESCRIPTION, MAX_DESCRIPTION);
        ActionKind kind = cells.choice(KIND, ActionKind.class);
        if (kind == null && id == null && cells.problemsOf(KIND).isEmpty()) {
            cells.problem(KIND, "is required for a new action");
        }
        List<Sector> sectors = cells.choices(SECTORS, Sector.class);
        if (sectors.isEmpty() && cells.problemsOf(SECTORS).isEmpty()) {
            cells.problem(
                    SECTORS,
                    "name at least one sector, separated by ; (" + String.join(", ", names(Sector.values())) + ")");
        }
        if (sectors.size() > MAX_SECTORS) {
            cells.problem(SECTORS, "name at most " + MAX_SECTORS);
        }
        LocalDate start = cells.date(START_DATE);
        LocalDate end = cells.date(END_DATE);
        if (start != null && end != null && end.isBefore(start)) {
            cells.problem(END_DATE, "must not be before startDate " + start);
        }
        ReportingCadence cadence = cells.choice(REPORTING_CADENCE, ReportingCadence.class);
        if (cadence == null && id == null && cells.problemsOf(REPORTING_CADENCE).isEmpty()) {
            cells.problem(REPORTING_CADENCE, "is required for a new action");
        }
        UUID plan = cells.uuid(PLAN_ID);
        ReportLine report = report(cells);
        return new RowReading(
                row.number(),
                id,
                version,
                title,
                description,
                kind,
                sectors,
                start,
                end,
                cadence,
                plan,
                report,
                cells.problems);
    }

    private static @Nullable ReportLine report(Cells cells) {
        boolean percentGiven = !cells.raw(PERCENT_COMPLETE).isEmpty();
        boolean ragGiven = !cells.raw(RAG).isEmpty();
        String narrative = cells.text(NARRATIVE, Report.MAX_NARRATIVE);
        if (!percentGiven && !ragGiven) {
            if (narrative != null) {
                cells.problem(NARRATIVE, "belongs to a report: fill percentComplete and rag too, or leave it empty");
            }
            return null;
        }
        Long percent = cells.whole(PERCENT_COMPLETE, 0, 100);
        Rag rag = cells.choice(RAG, Rag.class);
        if (!percentGiven) {
            cells.problem(PERCENT_COMPLETE, "is required with rag: a report needs both");
        }
        if (!ragGiven) {
            cells.problem(RAG, "is required with percentComplete: a report needs both");
        }
        LocalDate from = cells.date(REPORT_PERIOD_START);
        LocalDate to = cells.date(REPORT_PERIOD_END);
        if (from == null && cells.problemsOf(REPORT_PERIOD_START).isEmpty()) {
            cells.problem(REPORT_PERIOD_START, "is required for a report");
        }
        if (to == null && cells.problemsOf(REPORT_PERIOD_END).isEmpty()) {
            cells.problem(REPORT_PERIOD_END, "is required for a report");
        }
        if (from != null && to != null && to.isBefore(from)) {
            cells.problem(REPORT_PERIOD_END, "must not be before reportPeriodStart " + from);
        }
        if (percent == null || rag == null || from == null || to == null) {
            return null;
        }
        return new ReportLine(from, to, percent.intValue(), rag, narrative);
    }

    /** The cells of one row, read by key, collecting problems. */
    private static final class Cells {
        private final Table table;
        private final Table.Row row;
        private final List<Problem> problems = new ArrayList<>();

        Cells(Table table, Table.Row row) {
            this.table = table;
            this.row = row;
        }

        String raw(String key) {
            int c = table.column(key);
            return c < 0 ? "" : row.cell(c).strip();
        }

        void problem(String key, String message) {
            int c = table.column(key);
            problems.add(new Problem(key, c < 0 ? null : Table.address(c, row.number()), message));
        }

        List<Problem> problemsOf(String key) {
            return problems.stream().filter(p -> key.equals(p.column())).toList();
        }

        @Nullable
        String text(String key, int max) {
            String value = raw(key);
            if (value.isEmpty()) {
                return null;
            }
            String control = RequestBodyScreen.controlProblem(value);
            if (control != null) {
                problem(key, control);
                return null;
            }
            if (value.length() > max) {
                problem(key, "must be at most " + max + " characters");
                return null;
            }
            var found = PersonalDataScreen.screen(value);
            if (found.isPresent()) {
                problem(
                        key,
                        "seems to hold " + found.get().description()
                                + "; personal data is never recorded here, remove it");
                return null;
            }
            return value;
        }

        @Nullable
        UUID uuid(String key) {
            String value = raw(key);
            if (value.isEmpty()) {
                return null;
            }
            try {
                UUID id = UUID.fromString(value);
                if (id.toString().equalsIgnoreCase(value)) {
                    return id;
                }
            } catch (IllegalArgumentException e) {
                // below
            }
            problem(key, "must be an id such as 0b8e3b4c-1f7a-4c55-9d0e-2a4f5b6c7d8e, as exported");
            return null;
        }

        @Nullable
        Long whole(String key, long min, long max) {
            String value = raw(key);
            if (value.isEmpty()) {
                return null;
            }
            try {
                long n = value.contains(".") ? wholeDecimal(value) : Long.parseLong(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // below
            }
            problem(
                    key,
                    max == Long.MAX_VALUE
                            ? "must be a whole number"
                            : "must be a whole number between " + min + " and " + max);
            return null;
        }

        private static long wholeDecimal(String value) {
            return new java.math.BigDecimal(value).longValueExact();
        }

        @Nullable
        LocalDate date(String key) {
            String value = raw(key);
            if (value.isEmpty()) {
                return null;
            }
            try {
                LocalDate d = LocalDate.parse(
                        value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
                if (d.getYear() >= RequestBodyScreen.EARLIEST_YEAR && d.getYear() <= RequestBodyScreen.LATEST_YEAR) {
                    return d;
                }
            } catch (DateTimeParseException e) {
                // below
            }
            problem(key, "must be a date written yyyy-mm-dd (such as 2026-12-31), or a date cell");
            return null;
        }

        <E extends Enum<E>> @Nullable E choice(String key, Class<E> type) {
            String value = raw(key);
            if (value.isEmpty()) {
                return null;
            }
            E found = named(type, value);
            if (found == null) {
                problem(key, "must be one of " + String.join(", ", names(type.getEnumConstants())));
            }
            return found;
        }

        <E extends Enum<E>> List<E> choices(String key, Class<E> type) {
            String value = raw(key);
            if (value.isEmpty()) {
                return List.of();
            }
            List<E> found = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String part : value.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                E e = named(type, part.strip());
                if (e == null) {
                    unknown.add(part.strip());
                } else if (!found.contains(e)) {
                    found.add(e);
                }
            }
            if (!unknown.isEmpty()) {
                problem(
                        key,
                        shown(unknown.stream().map(ActionSheet::shown).collect(Collectors.joining(", ")))
                                + ": each must be one of " + String.join(", ", names(type.getEnumConstants())));
                return List.of();
            }
            return found;
        }

        private static <E extends Enum<E>> @Nullable E named(Class<E> type, String value) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                    return e;
                }
            }
            return null;
        }
    }
}
