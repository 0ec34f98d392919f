package org.arrival.forum.projection.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.MilestoneState;
import org.arrival.forum.projection.domain.Rows.Overdue;
import org.arrival.forum.projection.domain.Rows.ReportDue;
import org.jspecify.annotations.Nullable;

/**
 * What is late about an action, read from its due dates and the day it is read on (UTC, as the action-plans service
 * counts due dates), never stored: a report is overdue from the first minute of the day after its due date, a planned
 * milestone is late from the day after its own, whether or not an event has said so yet. Only actions under way
 * report, and nothing of an action that has ended is late.
 */
public final class Lateness {

    /** The statuses whose actions are expected to report (as the action-plans service's freshness check). */
    static final Set<String> REPORTING = Set.of("COMMITTED", "IN_PROGRESS");

    static final Set<String> ENDED = Set.of("CANCELLED", "COMPLETED", "EVALUATED");

    private Lateness() {}

    /** The report due and not in, as this row or an older one holds it; null when none is. */
    public static @Nullable ReportDue reportDue(ActionRow a) {
        Overdue overdue = a.overdue;
        if (a.reportDue != null || overdue == null) {
            return a.reportDue;
        }
        ReportDue old = new ReportDue();
        old.periodStart = overdue.periodStart;
        old.periodEnd = overdue.periodEnd;
        old.dueOn = overdue.dueOn;
        return old;
    }

    /** The report due, if it is overdue on {@code today} and the action is under way; otherwise null. */
    public static @Nullable ReportDue overdueReport(ActionRow a, LocalDate today) {
        ReportDue due = reportDue(a);
        if (due == null
                || due.dueOn == null
                || a.status == null
                || !REPORTING.contains(a.status)
                || !today.isAfter(due.dueOn)) {
            return null;
        }
        return due;
    }

    /** By how many days the report due is overdue on {@code today}; null when it is not. */
    public static @Nullable Integer daysOverdue(ActionRow a, LocalDate today) {
        ReportDue due = overdueReport(a, today);
        return due == null ? null : (int) ChronoUnit.DAYS.between(due.dueOn, today);
    }

    /** A planned milestone whose due date has passed. */
    public static boolean late(MilestoneState m, LocalDate today) {
        return "PLANNED".equals(m.status) && m.dueOn != null && today.isAfter(m.dueOn);
    }

    public static long daysLate(MilestoneState m, LocalDate today) {
        return late(m, today) ? ChronoUnit.DAYS.between(m.dueOn, today) : 0;
    }

    /** The action's late milestones, by due date (none once it has ended). */
    public static List<MilestoneState> lateMilestones(ActionRow a, LocalDate today) {
        if (a.status != null && ENDED.contains(a.status)) {
            return List.of();
        }
        return a.milestones.values().stream()
                .filter(m -> late(m, today))
                .sorted(BY_DUE_DATE)
                .toList();
    }

    /** The action's milestones recorded missed and not reached or cancelled since (none once it has ended). */
    public static List<MilestoneState> missedMilestones(ActionRow a) {
        if (a.status != null && ENDED.contains(a.status)) {
            return List.of();
        }
        return a.milestones.values().stream()
                .filter(m -> "MISSED".equals(m.status))
                .sorted(BY_DUE_DATE)
                .toList();
    }

    static final Comparator<MilestoneState> BY_DUE_DATE = Comparator.comparing(
                    (MilestoneState m) -> m.dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(m -> m.title == null ? "" : m.title);
}
