package org.arrival.actionplans.spreadsheets.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.actionplans.milestones.domain.Milestone;
import org.arrival.contracts.actionplans.MilestoneStatus;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.arrival.platform.spreadsheets.imports.RowCells;
import org.jspecify.annotations.Nullable;

/**
 * The spreadsheet of the milestones of an organisation's actions in a forum: one row a milestone, its action named
 * by id (its title shown, read only). The status is read only unless changed to REACHED (with the day it was
 * reached), MISSED or CANCELLED, which records that step.
 */
public final class MilestoneSheet {

    public static final String ID = "id";
    public static final String VERSION = "version";
    public static final String ACTION_ID = "actionId";
    public static final String ACTION_TITLE = "actionTitle";
    public static final String TITLE = "title";
    public static final String DUE_ON = "dueOn";
    public static final String STATUS = "status";
    public static final String REACHED_ON = "reachedOn";

    /** The keys, in the order they are exported. */
    public static final List<String> KEYS =
            List.of(ID, VERSION, ACTION_ID, ACTION_TITLE, TITLE, DUE_ON, STATUS, REACHED_ON);

    public static final List<String> DATE_KEYS = List.of(DUE_ON, REACHED_ON);

    /** The keys every import needs: each row names its milestone's title and due date. */
    static final Set<String> NEEDED = Set.of(TITLE, DUE_ON);

    private static final Map<String, List<String>> HEADINGS = Map.of(
            "en",
            List.of(
                    "Milestone id (leave empty for a new milestone)",
                    "Version",
                    "Action id",
                    "Action (read only)",
                    "Milestone",
                    "Due on",
                    "Status (change to REACHED, MISSED or CANCELLED)",
                    "Reached on"),
            "fr",
            List.of(
                    "Identifiant du jalon (vide pour un nouveau jalon)",
                    "Version",
                    "Identifiant de l'action",
                    "Action (lecture seule)",
                    "Jalon",
                    "Échéance",
                    "État (passer à REACHED, MISSED ou CANCELLED)",
                    "Atteint le"),
            "es",
            List.of(
                    "Identificador del hito (vacío para un hito nuevo)",
                    "Versión",
                    "Identificador de la acción",
                    "Acción (solo lectura)",
                    "Hito",
                    "Fecha prevista",
                    "Estado (cambiar a REACHED, MISSED o CANCELLED)",
                    "Alcanzado el"),
            "ar",
            List.of(
                    "معرّف المرحلة (اتركه فارغًا لمرحلة جديدة)",
                    "الإصدار",
                    "معرّف الإجراء",
                    "الإجراء (للقراءة فقط)",
                    "المرحلة",
                    "تاريخ الاستحقاق",
                    "الحالة (غيّرها إلى REACHED أو MISSED أو CANCELLED)",
                    "تاريخ الإنجاز"));

    private MilestoneSheet() {}

    public static List<String> headings(@Nullable Locale locale) {
        return SheetCells.headings(HEADINGS, locale);
    }

    public static Map<String, List<String>> choices() {
        return Map.of(STATUS, RowCells.names(MilestoneStatus.class));
    }

    /** A data row as the file says it, and what is wrong in its cells. */
    public record RowReading(
            int row,
            @Nullable UUID id,
            @Nullable Long version,
            @Nullable UUID actionId,
            @Nullable String title,
            @Nullable LocalDate dueOn,
            @Nullable MilestoneStatus status,
            @Nullable LocalDate reachedOn,
            List<CellProblem> problems) {}

    /** Reads one data row; every cell is checked, so the person sees all of a row's problems at once. */
    public static RowReading read(Table table, Table.Row row) {
        SheetCells cells = new SheetCells(table, row);
        SheetCells.RecordKey key = cells.key(ID, VERSION, "a milestone");
        UUID id = key.id();
        UUID actionId = cells.actionId(ACTION_ID, id, "a new milestone");
        String title = cells.text(TITLE, Milestone.MAX_TITLE);
        if (title == null && cells.problemsOf(TITLE).isEmpty()) {
            cells.problem(TITLE, "must not be blank");
        }
        LocalDate dueOn = cells.date(DUE_ON);
        if (dueOn == null && cells.problemsOf(DUE_ON).isEmpty()) {
            cells.problem(DUE_ON, "is required");
        }
        MilestoneStatus status = cells.choice(STATUS, MilestoneStatus.class);
        LocalDate reachedOn = cells.date(REACHED_ON);
        if (status == MilestoneStatus.REACHED
                && reachedOn == null
                && cells.problemsOf(REACHED_ON).isEmpty()) {
            cells.problem(REACHED_ON, "is required with status REACHED: the day the milestone was reached");
        }
        return new RowReading(
                row.number(), id, key.version(), actionId, title, dueOn, status, reachedOn, cells.problems());
    }
}
