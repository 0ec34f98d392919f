package org.arrival.actionplans.plans.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.plans.domain.Plan;
import org.arrival.actionplans.plans.domain.PlanDetails;
import org.arrival.actionplans.plans.persistence.PlanRepository;
import org.arrival.actionplans.plans.persistence.PlanRepository.PlanFilter;
import org.arrival.actionplans.plans.persistence.PlanRepository.StoredPlan;
import org.arrival.actionplans.shared.application.PlanningAccess;
import org.arrival.actionplans.shared.persistence.PlanningRevisions;
import org.arrival.contracts.actionplans.PlanRecorded;
import org.arrival.contracts.actionplans.PlanStatus;
import org.arrival.contracts.actionplans.PlanUpdated;
import org.arrival.platform.messaging.history.RecordHistory;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording plans and moving them along their lifecycle. A plan belongs to the organisation that records it; only
 * its editors and administrators change it. Every change writes one event and one revision.
 */
@Service
public class PlanService {

    public static final String RECORD_TYPE = "plan";

    private final PlanRepository plans;
    private final PlanningRevisions revisions;
    private final PlanningAccess access;
    private final Outbox outbox;

    public PlanService(PlanRepository plans, PlanningRevisions revisions, PlanningAccess access, Outbox outbox) {
        this.plans = plans;
        this.revisions = revisions;
        this.access = access;
        this.outbox = outbox;
    }

    @Transactional
    public StoredPlan record(Caller caller, PlanDetails details) {
        UUID owner = PlanningAccess.requireEditor(caller, "record plans");
        details.validated();
        Plan p = Plan.draft(UUID.randomUUID(), owner, details);
        Instant at = access.clock().instant();
        plans.insert(p, caller.userId(), at);
        publish(p, new PlanRecorded(snapshot(p), caller.toActor()), at);
        return plans.find(p.id()).orElseThrow();
    }

    @Transactional
    public StoredPlan revise(Caller caller, UUID id, long expectedVersion, PlanDetails details) {
        Plan current = ownedForUpdate(caller, id, expectedVersion);
        details.validated();
        Plan next = current.revise(details);
        List<String> changed = current.details().changesTo(details);
        if (changed.isEmpty()) {
            return plans.find(id).orElseThrow();
        }
        Instant at = access.clock().instant();
        plans.update(next, caller.userId(), at);
        publish(next, new PlanUpdated(snapshot(next), caller.toActor(), changed, null), at);
        return plans.find(id).orElseThrow();
    }

    @Transactional
    public StoredPlan move(
            Caller caller, UUID id, @Nullable Long expectedVersion, PlanStatus target, @Nullable String reason) {
        Plan current = ownedForUpdate(caller, id, expectedVersion);
        Plan next = current.moveTo(target, reason);
        Instant at = access.clock().instant();
        plans.update(next, caller.userId(), at);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        publish(next, new PlanUpdated(snapshot(next), caller.toActor(), List.of("status"), why), at);
        return plans.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public StoredPlan get(Caller caller, UUID id) {
        Viewer viewer = access.viewer(caller);
        return plans.find(id).filter(s -> visible(viewer, s.plan())).orElseThrow(() -> new RecordNotFound("plan", id));
    }

    @Transactional(readOnly = true)
    public PageResult<StoredPlan> list(Caller caller, PlanFilter filter, PageQuery page) {
        return plans.search(filter, access.viewer(caller), page);
    }

    @Transactional(readOnly = true)
    public List<RecordHistory.Revision> history(Caller caller, UUID id) {
        Viewer viewer = access.viewer(caller);
        StoredPlan p = get(caller, id);
        if (!viewer.owns(p.plan().ownerId()) && !(caller.isPlatformAdmin() && !viewer.enforcementBody())) {
            throw new AccessRefused("Only the organisation that owns a plan may read its history");
        }
        return revisions.of(RECORD_TYPE, id);
    }

    private static boolean visible(Viewer viewer, Plan p) {
        return viewer.mayRead(
                p.ownerId(), p.details().classification(), p.details().sharedWithForums());
    }

    /** Locks the plan; 404 if the caller cannot see it, 403 unless they edit for its owner, 412 if stale. */
    private Plan ownedForUpdate(Caller caller, UUID id, @Nullable Long expectedVersion) {
        Viewer viewer = access.viewer(caller);
        Plan current = plans.findForUpdate(id)
                .map(StoredPlan::plan)
                .filter(p -> visible(viewer, p))
                .orElseThrow(() -> new RecordNotFound("plan", id));
        if (!caller.actsFor(current.ownerId())) {
            throw new AccessRefused("Only the organisation that owns a plan changes it");
        }
        PlanningAccess.requireEditor(caller, "change plans");
        if (expectedVersion != null && current.version() != expectedVersion) {
            throw new StaleVersion("plan", id, expectedVersion);
        }
        return current;
    }

    private void publish(Plan p, Object event, Instant at) {
        outbox.append(OutgoingEvent.about(p.id(), p.ownerId(), p.details().classification(), event)
                .at(at));
        revisions.record(RECORD_TYPE, p.id(), p.version(), event, at);
    }

    public static org.arrival.contracts.actionplans.Plan snapshot(Plan p) {
        PlanDetails d = p.details();
        return new org.arrival.contracts.actionplans.Plan(
                p.id(),
                p.version(),
                p.ownerId(),
                d.title(),
                d.type(),
                d.jurisdiction(),
                d.periodStart(),
                d.periodEnd(),
                d.objectives(),
                d.nupPhase(),
                d.inclusion(),
                d.sharedWithForums(),
                p.status());
    }
}
