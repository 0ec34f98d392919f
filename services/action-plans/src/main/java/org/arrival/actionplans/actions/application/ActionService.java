package org.arrival.actionplans.actions.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.arrival.actionplans.actions.domain.Action;
import org.arrival.actionplans.actions.domain.ActionDetails;
import org.arrival.actionplans.actions.domain.Cascade;
import org.arrival.actionplans.actions.persistence.ActionRepository;
import org.arrival.actionplans.actions.persistence.ActionRepository.ActionFilter;
import org.arrival.actionplans.actions.persistence.ActionRepository.CascadeRow;
import org.arrival.actionplans.actions.persistence.ActionRepository.StoredAction;
import org.arrival.actionplans.evidence.persistence.KnownEvidence;
import org.arrival.actionplans.frameworks.domain.FrameworkCatalogue;
import org.arrival.actionplans.plans.persistence.PlanRepository;
import org.arrival.actionplans.shared.application.PlanningAccess;
import org.arrival.actionplans.shared.persistence.PlanningRevisions;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ActionUpdated;
import org.arrival.contracts.actionplans.Participant;
import org.arrival.platform.directory.Organisations.KnownOrganisation;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.StaleVersion;
import org.arrival.platform.web.UnprocessableReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording actions and commitments, moving them along their lifecycle and linking them: to the owner's plan, to
 * a national commitment they implement, to needs and gaps the assessments service published, to framework items.
 * Only the owning organisation's editors and administrators change an action; other organisations take part as
 * participants or through contributions. Every change writes one event and one revision.
 */
@Service
public class ActionService {

    public static final String RECORD_TYPE = "action";

    private final ActionRepository actions;
    private final PlanRepository plans;
    private final KnownEvidence evidence;
    private final FrameworkCatalogue frameworks;
    private final PlanningRevisions revisions;
    private final PlanningAccess access;
    private final Outbox outbox;

    public ActionService(ActionRepository actions, PlanRepository plans, KnownEvidence evidence,
            FrameworkCatalogue frameworks, PlanningRevisions revisions, PlanningAccess access, Outbox outbox) {
        this.actions = actions;
        this.plans = plans;
        this.evidence = evidence;
        this.frameworks = frameworks;
        this.revisions = revisions;
        this.access = access;
        this.outbox = outbox;
    }

    @Transactional
    public StoredAction propose(Caller caller, ActionDetails details) {
        PlanningAccess.requireEditor(caller, "record actions");
        details.validated();
        UUID id = UUID.randomUUID();
        requireReferences(caller, id, caller.organisationId(), emptyLike(details), details);
        Action a = Action.propose(id, caller.organisationId(), details);
        Instant at = access.clock().instant();
        actions.insert(a, caller.userId(), at);
        publish(a, new ActionProposed(snapshot(a), caller.toActor()), at);
        return actions.find(a.id()).orElseThrow();
    }

    @Transactional
    public StoredAction revise(Caller caller, UUID id, long expectedVersion, ActionDetails details) {
        Action current = ownedForUpdate(caller, id, expectedVersion);
        details.validated();
        Action next = current.revise(details);
        List<String> changed = current.details().changesTo(details);
        if (changed.isEmpty()) {
            return actions.find(id).orElseThrow();
        }
        requireReferences(caller, id, current.ownerId(), current.details(), details);
        Instant at = access.clock().instant();
        actions.update(next, caller.userId(), at);
        publish(next, new ActionUpdated(snapshot(next), caller.toActor(), changed, null), at);
        return actions.find(id).orElseThrow();
    }

    @Transactional
    public StoredAction move(Caller caller, UUID id, Long expectedVersion, ActionStatus target, String reason) {
        Action current = ownedForUpdate(caller, id, expectedVersion);
        Action next = current.moveTo(target, reason);
        Instant at = access.clock().instant();
        actions.update(next, caller.userId(), at);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        publish(next, new ActionUpdated(snapshot(next), caller.toActor(), List.of("status"), why), at);
        return actions.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public StoredAction get(Caller caller, UUID id) {
        Viewer viewer = access.viewer(caller);
        return actions.find(id).filter(s -> visible(viewer, s.action()))
                .orElseThrow(() -> new RecordNotFound("action", id));
    }

    /** The action if the caller may see it: what milestones, reports, funding and contributions attach to. */
    @Transactional(readOnly = true)
    public Optional<Action> visible(Caller caller, UUID id) {
        Viewer viewer = access.viewer(caller);
        return actions.find(id).map(StoredAction::action).filter(a -> visible(viewer, a));
    }

    @Transactional(readOnly = true)
    public PageResult<StoredAction> list(Caller caller, ActionFilter filter, PageQuery page) {
        return actions.search(filter, access.viewer(caller), page);
    }

    @Transactional(readOnly = true)
    public List<PlanningRevisions.Revision> history(Caller caller, UUID id) {
        StoredAction a = get(caller, id);
        if (!caller.actsFor(a.action().ownerId()) && !caller.isPlatformAdmin()) {
            throw new AccessRefused("Only the organisation that owns an action may read its history");
        }
        return revisions.of(RECORD_TYPE, id);
    }

    /**
     * The commitment's cascade as the caller may see it: the implementing actions they may read, the roll-up over
     * all of them (so every reader sees the same figure) and how many they may not read.
     */
    @Transactional(readOnly = true)
    public CascadeResult cascade(Caller caller, UUID id) {
        Viewer viewer = access.viewer(caller);
        Action parent = get(caller, id).action();
        List<CascadeRow> rows = actions.children(id);
        Cascade all = Cascade.of(rows.stream().map(CascadeRow::child).toList(),
                parent.details().expectedImplementers());
        List<Cascade.Child> shown = new ArrayList<>();
        for (CascadeRow r : rows) {
            if (access.mayRead(viewer, r.child().ownerId(), r.classification(), r.sharedWithForums())) {
                shown.add(r.child());
            }
        }
        return new CascadeResult(parent, shown, rows.size() - shown.size(), all.percentComplete(),
                all.missingImplementers());
    }

    /** A commitment, the children the caller sees, how many they do not, the roll-up and who has not linked yet. */
    public record CascadeResult(Action parent, List<Cascade.Child> children, int childrenNotShown,
            Double percentComplete, List<UUID> missingImplementers) {
    }

    private boolean visible(Viewer viewer, Action a) {
        return access.mayRead(viewer, a.ownerId(), a.details().classification(), a.details().sharedWithForums());
    }

    /** Locks the action; 404 if the caller cannot see it, 403 unless they edit for its owner, 412 if stale. */
    private Action ownedForUpdate(Caller caller, UUID id, Long expectedVersion) {
        Viewer viewer = access.viewer(caller);
        Action current = actions.findForUpdate(id).map(StoredAction::action).filter(a -> visible(viewer, a))
                .orElseThrow(() -> new RecordNotFound("action", id));
        if (!caller.actsFor(current.ownerId())) {
            throw new AccessRefused("Only the organisation accountable for an action changes it; others take part"
                    + " as participants or through contributions");
        }
        PlanningAccess.requireEditor(caller, "change actions");
        if (expectedVersion != null && current.version() != expectedVersion) {
            throw new StaleVersion("action", id, expectedVersion);
        }
        return current;
    }

    /**
     * What an action refers to must exist and be usable: its plan is the owner's own; a commitment it implements is
     * readable and expects local implementation; participants and expected implementers are organisations the
     * registry knows; needs and gaps are known from the assessments service; framework items are in the catalogue.
     * Only what the change adds is checked, so an edit never fails on a reference that was accepted before.
     */
    private void requireReferences(Caller caller, UUID id, UUID owner, ActionDetails current, ActionDetails next) {
        frameworks.requireKnown(ActionDetails.added(current.frameworkItems(), next.frameworkItems()));
        if (next.planId() != null && !next.planId().equals(current.planId())) {
            boolean own = plans.find(next.planId()).map(p -> p.plan().ownerId().equals(owner)).orElse(false);
            if (!own) {
                throw new UnprocessableReference("planId", "no plan " + next.planId() + " of the action's owner");
            }
        }
        if (next.implementsActionId() != null && !next.implementsActionId().equals(current.implementsActionId())) {
            requireParent(caller, id, next.implementsActionId());
        }
        for (Participant p : ActionDetails.added(current.participants(), next.participants())) {
            requireOrganisation("participants", p.organisationId());
        }
        for (UUID o : ActionDetails.added(current.expectedImplementers(), next.expectedImplementers())) {
            requireOrganisation("expectedImplementers", o);
        }
        List<UUID> needs = evidence.unknownNeeds(ActionDetails.added(current.needIds(), next.needIds()));
        if (!needs.isEmpty()) {
            throw new UnprocessableReference("needIds", "no need " + join(needs) + " is known from the assessments service");
        }
        List<UUID> gaps = evidence.unknownGaps(ActionDetails.added(current.gapIds(), next.gapIds()));
        if (!gaps.isEmpty()) {
            throw new UnprocessableReference("gapIds", "no checklist gap " + join(gaps) + " is known from the assessments service");
        }
    }

    private void requireParent(Caller caller, UUID id, UUID parentId) {
        Viewer viewer = access.viewer(caller);
        Action parent = actions.find(parentId).map(StoredAction::action).filter(a -> visible(viewer, a))
                .orElseThrow(() -> new UnprocessableReference("implementsActionId", "no action " + parentId));
        if (!parent.details().requiresLocalImplementation()) {
            throw new UnprocessableReference("implementsActionId",
                    "action " + parentId + " is not a commitment that requires local implementation");
        }
        if (parent.status() == ActionStatus.CANCELLED) {
            throw new UnprocessableReference("implementsActionId", "commitment " + parentId + " was cancelled");
        }
        if (actions.ancestorsOf(parentId).contains(id)) {
            throw new UnprocessableReference("implementsActionId",
                    "an action cannot implement itself or an action that implements it");
        }
    }

    private void requireOrganisation(String field, UUID organisation) {
        KnownOrganisation o = access.organisations().find(organisation)
                .orElseThrow(() -> new UnprocessableReference(field, "no organisation " + organisation));
        if (!o.canTakePart()) {
            throw new UnprocessableReference(field, "organisation " + organisation + " is " + o.status());
        }
    }

    private static String join(List<UUID> ids) {
        return String.join(", ", ids.stream().map(UUID::toString).toList());
    }

    private static ActionDetails emptyLike(ActionDetails d) {
        return new ActionDetails(null, d.title(), null, d.kind(), List.of(), List.of(), List.of(), null, null,
                d.reportingCadence(), List.of(), null, false, List.of(), null, List.of(), List.of(), List.of(), null,
                List.of());
    }

    private void publish(Action a, Object event, Instant at) {
        outbox.append(OutgoingEvent.about(a.id(), a.ownerId(), a.details().classification(), event).at(at));
        revisions.record(RECORD_TYPE, a.id(), a.version(), event, at);
    }

    public static org.arrival.contracts.actionplans.Action snapshot(Action a) {
        ActionDetails d = a.details();
        return new org.arrival.contracts.actionplans.Action(a.id(), a.version(), a.ownerId(), d.planId(), d.title(),
                d.description(), d.kind(), d.sectors(), d.targetGroups(), d.areas(), d.startDate(), d.endDate(),
                d.reportingCadence(), d.participants(), d.implementsActionId(), d.requiresLocalImplementation(),
                d.expectedImplementers(), d.weight(), d.needIds(), d.gapIds(), d.frameworkItems(),
                d.sharedWithForums(), a.status());
    }
}
