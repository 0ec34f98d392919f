package org.arrival.actionplans.freshness.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.arrival.actionplans.progress.domain.ActionState;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.jspecify.annotations.Nullable;

/**
 * The reporting periods of an action: from its start date (or the day it was recorded) in steps of its cadence,
 * the last one cut at its end date. A period's report is due {@code graceDays} after the period ends; a period
 * has ended on its last day (its report may be written that day).
 */
public record ReportingSchedule(LocalDate start, @Nullable LocalDate end, int months, int graceDays) {

    /** A reporting period, both days included, and the day its report is due. */
    public record Period(LocalDate start, LocalDate end, LocalDate dueOn) {

        public long daysOverdue(LocalDate today) {
            return Math.max(0, ChronoUnit.DAYS.between(dueOn, today));
        }
    }

    /** The schedule of an action with a cadence; empty for an action without one. */
    public static Optional<ReportingSchedule> of(ActionState action, int graceDays) {
        if (action.cadence() == null || action.reportingStart() == null) {
            return Optional.empty();
        }
        return Optional.of(
                new ReportingSchedule(action.reportingStart(), action.endDate(), months(action.cadence()), graceDays));
    }

    public static int months(ReportingCadence cadence) {
        return switch (cadence) {
            case MONTHLY -> 1;
            case QUARTERLY -> 3;
            case SEMI_ANNUAL -> 6;
            case ANNUAL -> 12;
        };
    }

    /** The k-th period (from 0), or empty if it starts after the action's end. */
    public Optional<Period> period(int k) {
        LocalDate from = start.plusMonths((long) k * months);
        if (end != null && from.isAfter(end)) {
            return Optional.empty();
        }
        LocalDate to = start.plusMonths((long) (k + 1) * months).minusDays(1);
        if (end != null && to.isAfter(end)) {
            to = end;
        }
        return Optional.of(new Period(from, to, to.plusDays(graceDays)));
    }

    /** The latest period that has ended by {@code today} (its last day is today or earlier). */
    public Optional<Period> latestEnded(LocalDate today) {
        Optional<Period> latest = Optional.empty();
        for (int k = 0; ; k++) {
            Optional<Period> p = period(k);
            if (p.isEmpty() || p.get().end().isAfter(today)) {
                return latest;
            }
            latest = p;
        }
    }

    /** The first period that has not ended by {@code today}: the current one, or the first if none began. */
    public Optional<Period> current(LocalDate today) {
        for (int k = 0; ; k++) {
            Optional<Period> p = period(k);
            if (p.isEmpty() || p.get().end().isAfter(today)) {
                return p;
            }
        }
    }
}
