package org.arrival.actionplans.freshness.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.arrival.actionplans.freshness.application.ReportingService.Standing;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.actionplans.ReportingCadence;

/** Where an action's reporting stands as of a day. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportingView(
        UUID actionId,
        ActionStatus status,
        ReportingCadence cadence,
        LocalDate asOf,
        boolean reportsExpected,
        int graceDays,
        LastReport lastReport,
        DuePeriod nextDue,
        boolean overdue,
        long daysOverdue) {

    public record LastReport(UUID id, LocalDate periodStart, LocalDate periodEnd, int percentComplete, Rag rag,
            Instant reportedAt) {
    }

    public record DuePeriod(LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn) {
    }

    public static ReportingView of(Standing s) {
        var last = s.lastReport() == null ? null
                : new LastReport(s.lastReport().report().id(), s.lastReport().report().periodStart(),
                        s.lastReport().report().periodEnd(), s.lastReport().report().percentComplete(),
                        s.lastReport().report().rag(), s.lastReport().reportedAt());
        var due = s.nextDue() == null ? null
                : new DuePeriod(s.nextDue().start(), s.nextDue().end(), s.nextDue().dueOn());
        return new ReportingView(s.action().id(), s.action().status(), s.action().cadence(), s.asOf(),
                s.reportsExpected(), s.graceDays(), last, due, s.daysOverdue() > 0, s.daysOverdue());
    }
}
