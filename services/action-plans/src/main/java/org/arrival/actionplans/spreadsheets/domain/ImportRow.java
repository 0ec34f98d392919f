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
        List<Change> changes,
        @Nullable ReportLine report,
        List<Problem> problems,
        @Nullable Long basedOn,
        @Nullable Values values,
        @Nullable UUID recordId,
        @Nullable MilestoneValues milestone,
        @Nullable FundingValues funding) {

    public ImportRow {
        changes = changes == null ? List.of() : List.copyOf(changes);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** A field the row changes, as the spreadsheet shows it before and after. */
    public record Change(
            String field, @Nullable String from, @Nullable String to) {}

    /** A problem of the row; the column's key and the cell's address, when one cell is at fault. */
    public record Problem(@Nullable String column, @Nullable String cell, String message) {}

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

    public boolean accepted() {
        return outcome != ImportOutcome.REFUSED;
    }
}
