package org.arrival.actionplans.spreadsheets.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.actionplans.progress.domain.Report;
import org.arrival.actionplans.spreadsheets.domain.ImportRow.ReportLine;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.arrival.platform.spreadsheets.imports.RowCells;
import org.arrival.platform.spreadsheets.imports.SheetKeys;
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
        return SheetCells.headings(HEADINGS, locale);
    }

    /** The drop-down lists of the columns that hold one value of a list. */
    public static Map<String, List<String>> choices() {
        return Map.of(
                KIND, RowCells.names(ActionKind.class),
                REPORTING_CADENCE, RowCells.names(ReportingCadence.class),
                RAG, RowCells.names(Rag.class));
    }

    /** A cell's or key's text as a problem repeats it ({@link RowCells#shown}). */
    static String shown(String value) {
        return RowCells.shown(value);
    }

    /**
     * The keys of a file that are not ones of this sheet, and those it lacks that an import needs (title is the one
     * every row needs); empty when the file can be read row by row.
     */
    public static List<String> keyProblems(List<String> keys) {
        return SheetKeys.problems(keys, KEYS, Set.of(TITLE));
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
            List<CellProblem> problems) {}

    /** Reads one data row; every cell is checked, so the person sees all of a row's problems at once. */
    public static RowReading read(Table table, Table.Row row) {
        SheetCells cells = new SheetCells(table, row);
        SheetCells.RecordKey key = cells.key(ID, VERSION, "an action");
        UUID id = key.id();
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
                    "name at least one sector, separated by ; (" + String.join(", ", RowCells.names(Sector.class))
                            + ")");
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
                key.version(),
                title,
                description,
                kind,
                sectors,
                start,
                end,
                cadence,
                plan,
                report,
                cells.problems());
    }

    private static @Nullable ReportLine report(SheetCells cells) {
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
}
