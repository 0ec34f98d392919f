package org.arrival.actionplans.freshness.application;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.arrival.actionplans.freshness.domain.ReportingSchedule;
import org.arrival.actionplans.freshness.domain.ReportingSchedule.Period;
import org.arrival.actionplans.progress.application.ActionAccess;
import org.arrival.actionplans.progress.domain.ActionState;
import org.arrival.actionplans.progress.persistence.ReportRepository;
import org.arrival.actionplans.progress.persistence.ReportRepository.StoredReport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where an action's reporting stands: its last report, the next report due and how overdue it is. */
@Service
public class ReportingService {

    private final ActionAccess access;
    private final ReportRepository reports;
    private final ReportingPolicy policy;

    public ReportingService(ActionAccess access, ReportRepository reports, ReportingPolicy policy) {
        this.access = access;
        this.reports = reports;
        this.policy = policy;
    }

    @Transactional(readOnly = true)
    public Standing standing(org.arrival.platform.security.Caller caller, UUID actionId, LocalDate asOf) {
        ActionState action = access.readable(caller, actionId);
        LocalDate today = asOf != null ? asOf : LocalDate.ofInstant(access.clock().instant(), ZoneOffset.UTC);
        Optional<StoredReport> last = reports.latest(actionId);
        if (!action.expectsReports()) {
            return new Standing(action, today, last.orElse(null), null, 0, false, policy.graceDays());
        }
        ReportingSchedule schedule = ReportingSchedule.of(action, policy.graceDays()).orElseThrow();
        Optional<Period> ended = schedule.latestEnded(today);
        if (ended.isPresent() && !reports.covers(actionId, ended.get().end())) {
            Period p = ended.get();
            return new Standing(action, today, last.orElse(null), p, p.daysOverdue(today), true, policy.graceDays());
        }
        return new Standing(action, today, last.orElse(null), schedule.current(today).orElse(null), 0, true,
                policy.graceDays());
    }

    /**
     * An action's reporting as of a day: whether reports are expected, the last report, the period whose report
     * is due next (null when none is), and by how many days that report is overdue.
     */
    public record Standing(ActionState action, LocalDate asOf, StoredReport lastReport, Period nextDue,
            long daysOverdue, boolean reportsExpected, int graceDays) {
    }
}
