package org.arrival.actionplans.freshness.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrival.actionplans.freshness.domain.ReportingSchedule;
import org.arrival.actionplans.freshness.domain.ReportingSchedule.Period;
import org.arrival.actionplans.milestones.domain.Milestone;
import org.arrival.actionplans.milestones.persistence.MilestoneRepository;
import org.arrival.actionplans.progress.application.ActionAccess;
import org.arrival.actionplans.progress.domain.ActionState;
import org.arrival.actionplans.progress.persistence.ReportRepository;
import org.arrival.actionplans.progress.persistence.ReportRepository.StoredReport;
import org.arrival.contracts.actionplans.MilestoneStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where an action's reporting stands: its last report, the next report due and how overdue it is, and its
 * milestones that are late or missed. All of it is derived from the due dates and the day it is read on, so it is
 * right from the first minute after a start, an edit or a due date passing.
 */
@Service
public class ReportingService {

    private final ActionAccess access;
    private final ReportRepository reports;
    private final MilestoneRepository milestones;
    private final ReportingPolicy policy;

    public ReportingService(
            ActionAccess access, ReportRepository reports, MilestoneRepository milestones, ReportingPolicy policy) {
        this.access = access;
        this.reports = reports;
        this.milestones = milestones;
        this.policy = policy;
    }

    @Transactional(readOnly = true)
    public Standing standing(org.arrival.platform.security.Caller caller, UUID actionId, @Nullable LocalDate asOf) {
        ActionState action = access.readable(caller, actionId);
        LocalDate today = asOf != null ? asOf : access.lateAsOf();
        Optional<StoredReport> last = reports.latest(actionId);
        Milestones m = milestones(action, today);
        if (!action.expectsReports()) {
            return new Standing(action, today, last.orElse(null), null, 0, false, policy.graceDays(), m);
        }
        ReportingSchedule schedule =
                ReportingSchedule.of(action, policy.graceDays()).orElseThrow();
        Optional<Period> ended = schedule.latestEnded(today);
        if (ended.isPresent() && !reports.covers(actionId, ended.get().end())) {
            Period p = ended.get();
            return new Standing(action, today, last.orElse(null), p, p.daysOverdue(today), true, policy.graceDays(), m);
        }
        return new Standing(
                action, today, last.orElse(null), schedule.current(today).orElse(null), 0, true, policy.graceDays(), m);
    }

    /** The open milestones of an action that has not ended: the late and missed ones, and the next one due. */
    private Milestones milestones(ActionState action, LocalDate today) {
        if (action.ended()) {
            return new Milestones(List.of(), List.of(), null);
        }
        List<Milestone> open = milestones.open(action.id());
        return new Milestones(
                open.stream().filter(x -> x.late(today)).toList(),
                open.stream().filter(x -> x.status() == MilestoneStatus.MISSED).toList(),
                open.stream()
                        .filter(x -> x.status() == MilestoneStatus.PLANNED && !x.late(today))
                        .findFirst()
                        .orElse(null));
    }

    /**
     * An action's reporting as of a day: whether reports are expected, the last report, the period whose report
     * is due next (null when none is), by how many days that report is overdue, and its milestones' lateness.
     */
    public record Standing(
            ActionState action,
            LocalDate asOf,
            @Nullable StoredReport lastReport,
            @Nullable Period nextDue,
            long daysOverdue,
            boolean reportsExpected,
            int graceDays,
            Milestones milestones) {}

    /** Milestones past their due date and not reached, those recorded missed, and the next one due. */
    public record Milestones(
            List<Milestone> late,
            List<Milestone> missed,
            @Nullable Milestone next) {}
}
