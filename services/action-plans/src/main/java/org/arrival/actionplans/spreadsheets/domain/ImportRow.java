package org.arrival.actionplans.spreadsheets.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.MilestoneStatus;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.arrival.platform.spreadsheets.imports.ImportOutcome;
import org.arrival.platform.spreadsheets.imports.RowChange;
import org.jspecify.annotations.Nullable;

/**
 * One data row of an imported spreadsheet as the preview judged it: the record it updates (or none, for a new one),
 * its outcome, the fields it changes, the report it adds, and its problems, each naming its cell. {@code basedOn} is
 * the record's version the preview compared with and {@code values} (an action's), {@code milestone} or
 * {@code funding} what the row asks for: the confirmation applies exactly them, if the record is still at that
 * version. {@code actionId} is the action, or the action of the milestone or funding line {@code recordId} names.
 */
public record ImportRow(
        int row,
        @Nullable UUID actionId,
        @Nullable String title,
        ImportOutcome outcome,
        List<RowChange> changes,
        @Nullable ReportLine report,
        List<CellProblem> problems,
        @Nullable Long basedOn,
        @Nullable Values values,
        @Nullable UUID recordId,
        @Nullable MilestoneValues milestone,
        @Nullable FundingValues funding) {

    public ImportRow {
        changes = changes == null ? List.of() : List.copyOf(changes);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** The progress report a row adds. */
    public record ReportLine(
            LocalDate periodStart,
            LocalDate periodEnd,
            int percentComplete,
            Rag rag,
            @Nullable String narrative) {}

    /** The action fields a row sets (the others are kept on an update and take their defaults on a creation). */
    public record Values(
            @Nullable UUID planId,
            String title,
            @Nullable String description,
            ActionKind kind,
            List<Sector> sectors,
            @Nullable LocalDate startDate,
            @Nullable LocalDate endDate,
            ReportingCadence reportingCadence) {

        public Values {
            sectors = List.copyOf(sectors);
        }
    }

    /**
     * The milestone a row schedules or changes: rescheduled when its title or due date differ, then moved to
     * {@code status} (REACHED on {@code reachedOn}, MISSED or CANCELLED) when one is named.
     */
    public record MilestoneValues(
            UUID actionId,
            String title,
            LocalDate dueOn,
            boolean reschedule,
            @Nullable MilestoneStatus status,
            @Nullable LocalDate reachedOn) {}

    /** The funding line a row records or revises. */
    public record FundingValues(
            UUID actionId,
            @Nullable UUID sourceId,
            String sourceName,
            String currency,
            BigDecimal required,
            BigDecimal committed,
            BigDecimal disbursed) {}

    /** What a row that its record's rules accept does: create it when none exists, else update or keep it. */
    public static ImportOutcome outcome(boolean exists, List<RowChange> changes) {
        return !exists ? ImportOutcome.CREATE : changes.isEmpty() ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATE;
    }

    /** A refused row of a record of an action (a milestone, a funding line). */
    public static ImportRow refusedRecord(
            int row,
            @Nullable UUID recordId,
            @Nullable UUID actionId,
            @Nullable String title,
            List<RowChange> changes,
            List<CellProblem> problems,
            @Nullable Long basedOn) {
        return new ImportRow(
                row,
                actionId,
                title,
                ImportOutcome.REFUSED,
                changes,
                null,
                problems,
                basedOn,
                null,
                recordId,
                null,
                null);
    }

    public boolean accepted() {
        return outcome != ImportOutcome.REFUSED;
    }
}
