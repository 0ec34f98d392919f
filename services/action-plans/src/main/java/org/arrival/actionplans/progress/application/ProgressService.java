package org.arrival.actionplans.progress.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.arrival.actionplans.progress.domain.ActionState;
import org.arrival.actionplans.progress.domain.Report;
import org.arrival.actionplans.progress.persistence.ReportRepository;
import org.arrival.actionplans.progress.persistence.ReportRepository.StoredReport;
import org.arrival.contracts.actionplans.ProgressReport;
import org.arrival.contracts.actionplans.ProgressReported;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress reports: the action's owner publishes one per period; everyone who may read the action reads them, with
 * the values of indicators that count people under disclosure control ({@link Report#disclosed}) unless they may see
 * the owner's small counts. Publishing writes the report and one ProgressReported event (always disclosed), and
 * leaves the action's own row as it was.
 */
@Service
public class ProgressService {

    private final ReportRepository reports;
    private final ActionAccess access;
    private final Outbox outbox;

    public ProgressService(ReportRepository reports, ActionAccess access, Outbox outbox) {
        this.reports = reports;
        this.access = access;
        this.outbox = outbox;
    }

    @Transactional
    public StoredReport publish(Caller caller, UUID actionId, Report.Draft draft) {
        ActionState action = access.lockedForOwner(caller, actionId, "report progress on it");
        Report report = Report.publish(UUID.randomUUID(), action, draft, access.today());
        // as PostgreSQL keeps it, so that the answer shows what a later read will
        Instant at = access.clock().instant().truncatedTo(ChronoUnit.MICROS);
        if (!reports.insert(report, caller.userId(), at)) {
            throw new RuleViolation("The action already has a report for " + report.periodStart() + " to "
                    + report.periodEnd() + "; published reports are not replaced, report the next period instead");
        }
        // events reach everyone who may read the action: people counts always under disclosure control
        ProgressReported event = new ProgressReported(snapshot(report.disclosed()), caller.toActor());
        outbox.append(OutgoingEvent.about(report.id(), action.ownerId(), action.classification(), event)
                .keyedBy(action.id())
                .at(at));
        return seenBy(access.viewer(caller), action, new StoredReport(report, at, caller.userId()));
    }

    @Transactional(readOnly = true)
    public StoredReport get(Caller caller, UUID actionId, UUID reportId) {
        Viewer viewer = access.viewer(caller);
        ActionState action = access.readable(viewer, actionId);
        return reports.find(actionId, reportId)
                .map(r -> seenBy(viewer, action, r))
                .orElseThrow(() -> new RecordNotFound("progress report", reportId));
    }

    @Transactional(readOnly = true)
    public PageResult<StoredReport> list(Caller caller, UUID actionId, PageQuery page) {
        Viewer viewer = access.viewer(caller);
        ActionState action = access.readable(viewer, actionId);
        return reports.list(actionId, page).map(r -> seenBy(viewer, action, r));
    }

    /** Exact people counts for those who may see small counts of the action's owner; disclosed for all others. */
    private static StoredReport seenBy(Viewer viewer, ActionState action, StoredReport r) {
        return viewer.seesSmallCounts(action.ownerId())
                ? r
                : new StoredReport(r.report().disclosed(), r.reportedAt(), r.reportedBy());
    }

    public static ProgressReport snapshot(Report r) {
        return new ProgressReport(
                r.id(),
                r.actionId(),
                r.periodStart(),
                r.periodEnd(),
                r.actionStatus(),
                r.percentComplete(),
                r.rag(),
                r.narrative(),
                r.indicators());
    }
}
