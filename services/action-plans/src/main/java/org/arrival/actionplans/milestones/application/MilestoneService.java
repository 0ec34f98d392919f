package org.arrival.actionplans.milestones.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.arrival.actionplans.milestones.domain.Milestone;
import org.arrival.actionplans.milestones.persistence.MilestoneRepository;
import org.arrival.actionplans.milestones.persistence.MilestoneRepository.StoredMilestone;
import org.arrival.actionplans.progress.application.ActionAccess;
import org.arrival.actionplans.progress.domain.ActionState;
import org.arrival.contracts.actionplans.MilestoneRecorded;
import org.arrival.contracts.actionplans.MilestoneStatus;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Milestones of an action: scheduled, rescheduled, reached, missed and cancelled by the action owner's editors;
 * read by whoever may read the action. Every change writes one MilestoneRecorded event and a revision.
 */
@Service
public class MilestoneService {

    private final MilestoneRepository milestones;
    private final ActionAccess access;
    private final Outbox outbox;

    public MilestoneService(MilestoneRepository milestones, ActionAccess access, Outbox outbox) {
        this.milestones = milestones;
        this.access = access;
        this.outbox = outbox;
    }

    @Transactional
    public StoredMilestone schedule(Caller caller, UUID actionId, String title, LocalDate dueOn) {
        ActionState action = access.lockedForOwner(caller, actionId, "record its milestones");
        Milestone m = Milestone.schedule(UUID.randomUUID(), action, title, dueOn);
        Instant at = access.clock().instant();
        milestones.insert(m, at);
        publish(caller, action, m, at);
        return milestones.find(actionId, m.id()).orElseThrow();
    }

    @Transactional
    public StoredMilestone reschedule(
            Caller caller, UUID actionId, UUID id, long expectedVersion, String title, LocalDate dueOn) {
        return change(caller, actionId, id, expectedVersion, (action, m) -> m.reschedule(action, title, dueOn));
    }

    @Transactional
    public StoredMilestone reach(Caller caller, UUID actionId, UUID id, @Nullable Long expectedVersion, LocalDate on) {
        LocalDate today = access.today();
        return change(caller, actionId, id, expectedVersion, (action, m) -> m.reach(action, on, today));
    }

    @Transactional
    public StoredMilestone miss(Caller caller, UUID actionId, UUID id, @Nullable Long expectedVersion) {
        return change(caller, actionId, id, expectedVersion, (action, m) -> m.miss(action));
    }

    @Transactional
    public StoredMilestone cancel(Caller caller, UUID actionId, UUID id, @Nullable Long expectedVersion) {
        return change(caller, actionId, id, expectedVersion, (action, m) -> m.cancel(action));
    }

    /** The day lateness is counted on ({@link ActionAccess#lateAsOf}). */
    public LocalDate lateAsOf() {
        return access.lateAsOf();
    }

    @Transactional(readOnly = true)
    public StoredMilestone get(Caller caller, UUID actionId, UUID id) {
        access.readable(caller, actionId);
        return milestones.find(actionId, id).orElseThrow(() -> new RecordNotFound("milestone", id));
    }

    @Transactional(readOnly = true)
    public PageResult<StoredMilestone> list(Caller caller, UUID actionId, MilestoneStatus status, PageQuery page) {
        access.readable(caller, actionId);
        return milestones.list(actionId, status, page);
    }

    private StoredMilestone change(Caller caller, UUID actionId, UUID id, @Nullable Long expectedVersion, Step step) {
        ActionState action = access.lockedForOwner(caller, actionId, "record its milestones");
        Milestone current = milestones
                .findForUpdate(actionId, id)
                .map(StoredMilestone::milestone)
                .orElseThrow(() -> new RecordNotFound("milestone", id));
        if (expectedVersion != null && current.version() != expectedVersion) {
            throw new StaleVersion("milestone", id, expectedVersion);
        }
        Milestone next = step.apply(action, current);
        Instant at = access.clock().instant();
        milestones.update(next, at);
        publish(caller, action, next, at);
        return milestones.find(actionId, id).orElseThrow();
    }

    private void publish(Caller caller, ActionState action, Milestone m, Instant at) {
        MilestoneRecorded event = new MilestoneRecorded(snapshot(m), caller.toActor());
        outbox.append(OutgoingEvent.about(m.id(), action.ownerId(), action.classification(), event)
                .keyedBy(action.id())
                .at(at));
        milestones.recordRevision(m, event, at);
    }

    public static org.arrival.contracts.actionplans.Milestone snapshot(Milestone m) {
        return new org.arrival.contracts.actionplans.Milestone(
                m.id(), m.version(), m.actionId(), m.title(), m.dueOn(), m.reachedOn(), m.status());
    }

    @FunctionalInterface
    private interface Step {
        Milestone apply(ActionState action, Milestone current);
    }
}
