package org.arrival.actionplans.freshness.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.freshness.application.ReportingService.Standing;
import org.arrival.actionplans.milestones.domain.Milestone;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.jspecify.annotations.Nullable;

/**
 * Where an action's reporting stands as of a day: the last report, the period due next and whether its report is
 * overdue; and its milestones that are late (PLANNED, due date passed), missed, and the next one due. An action that
 * has ended has no late or missed milestones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportingView(
        UUID actionId,
        ActionStatus status,
        @Nullable ReportingCadence cadence,
        LocalDate asOf,
        boolean reportsExpected,
        int graceDays,
        @Nullable LastReport lastReport,
        @Nullable DuePeriod nextDue,
        boolean overdue,
        long daysOverdue,
        List<MilestoneDue> lateMilestones,
        List<MilestoneDue> missedMilestones,
        @Nullable MilestoneDue nextMilestone) {

    public record LastReport(
            UUID id, LocalDate periodStart, LocalDate periodEnd, int percentComplete, Rag rag, Instant reportedAt) {}

    public record DuePeriod(LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn) {}

    /** A milestone and, when it is late, by how many days. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MilestoneDue(
            UUID id,
            String title,
            LocalDate dueOn,
            @Nullable Long daysLate) {

        static MilestoneDue of(Milestone m, LocalDate asOf) {
            return new MilestoneDue(m.id(), m.title(), m.dueOn(), m.late(asOf) ? m.daysLate(asOf) : null);
        }
    }

    public static ReportingView of(Standing s) {
        var last = s.lastReport() == null
                ? null
                : new LastReport(
                        s.lastReport().report().id(),
                        s.lastReport().report().periodStart(),
                        s.lastReport().report().periodEnd(),
                        s.lastReport().report().percentComplete(),
                        s.lastReport().report().rag(),
                        s.lastReport().reportedAt());
        var due = s.nextDue() == null
                ? null
                : new DuePeriod(
                        s.nextDue().start(), s.nextDue().end(), s.nextDue().dueOn());
        var m = s.milestones();
        return new ReportingView(
                s.action().id(),
                s.action().status(),
                s.action().cadence(),
                s.asOf(),
                s.reportsExpected(),
                s.graceDays(),
                last,
                due,
                s.daysOverdue() > 0,
                s.daysOverdue(),
                m.late().stream().map(x -> MilestoneDue.of(x, s.asOf())).toList(),
                m.missed().stream().map(x -> MilestoneDue.of(x, s.asOf())).toList(),
                m.next() == null ? null : MilestoneDue.of(m.next(), s.asOf()));
    }
}
