package org.arrival.actionplans.actions.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.arrival.actionplans.freshness.application.FreshnessCheck;
import org.arrival.actionplans.plans.persistence.PlanRepository;
import org.arrival.actionplans.shared.application.EventClassification;
import org.arrival.actionplans.shared.application.PlanningAccess;
import org.arrival.actionplans.shared.persistence.PlanningRevisions;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ActionUpdated;
import org.arrival.contracts.actionplans.Participant;
import org.arrival.platform.directory.Organisations.KnownOrganisation;
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
import org.arrival.platform.web.UnprocessableReference;
import org.jspecify.annotations.Nullable;
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

    /** The fields an action's reporting schedule is made of. */
    static final Set<String> SCHEDULE = Set.of("startDate", "endDate", "reportingCadence");

    private final ActionRepository actions;
    private final PlanRepository plans;
    private final KnownEvidence evidence;
    private final FrameworkCatalogue frameworks;
    private final PlanningRevisions revisions;
    private final PlanningAccess access;
    private final ActionReferences references;
    private final Outbox outbox;
    private final FreshnessCheck freshness;

    public ActionService(
            ActionRepository actions,
            PlanRepository plans,
            KnownEvidence evidence,
            FrameworkCatalogue frameworks,
            PlanningRevisions revisions,
            PlanningAccess access,
            ActionReferences references,
            Outbox outbox,
            FreshnessCheck freshness) {
        this.freshness = freshness;
        this.actions = actions;
        this.plans = plans;
        this.evidence = evidence;
        this.frameworks = frameworks;
        this.revisions = revisions;
        this.access = access;
        this.references = references;
        this.outbox = outbox;
    }

    @Transactional
    public StoredAction propose(Caller caller, ActionDetails details) {
        UUID owner = PlanningAccess.requireEditor(caller, "record actions");
        details.validated();
        UUID id = UUID.randomUUID();
        Viewer viewer = access.viewer(caller);
        requireReferences(viewer, id, owner, emptyLike(details), details);
        Action a = Action.propose(id, owner, details);
        Instant at = access.clock().instant();
        actions.insert(a, caller.userId(), at);
        publish(a, new ActionProposed(snapshot(a), caller.toActor()), at);
        return references.seenBy(viewer, actions.find(a.id()).orElseThrow());
    }

    @Transactional
    public StoredAction revise(Caller caller, UUID id, long expectedVersion, ActionDetails details) {
        Viewer viewer = access.viewer(caller);
        Action current = ownedForUpdate(viewer, id, expectedVersion);
        details.validated();
        Action next = current.revise(details);
        List<String> changed = current.details().changesTo(details);
        if (changed.isEmpty()) {
            return references.seenBy(viewer, actions.find(id).orElseThrow());
        }
        requireReferences(viewer, id, current.ownerId(), current.details(), details);
        Instant at = access.clock().instant();
        actions.update(next, caller.userId(), at);
        publish(next, new ActionUpdated(snapshot(next), caller.toActor(), changed, null), at);
        if (changed.stream().anyMatch(SCHEDULE::contains)) {
            freshness.checkWithin(id);
        }
        return references.seenBy(viewer, actions.find(id).orElseThrow());
    }

    @Transactional
    public StoredAction move(
            Caller caller, UUID id, @Nullable Long expectedVersion, ActionStatus target, @Nullable String reason) {
        Viewer viewer = access.viewer(caller);
        Action current = ownedForUpdate(viewer, id, expectedVersion);
        Action next = current.moveTo(target, reason);
        Instant at = access.clock().instant();
        actions.update(next, caller.userId(), at);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        publish(next, new ActionUpdated(snapshot(next), caller.toActor(), List.of("status"), why), at);
        // a start (or a resumption) with periods already ended is late now, not at the next scheduled check
        freshness.checkWithin(id);
        return references.seenBy(viewer, actions.find(id).orElseThrow());
    }

    /** The action as the caller may see it (references included); 404 if they may not read it. */
    @Transactional(readOnly = true)
    public StoredAction get(Caller caller, UUID id) {
        Viewer viewer = access.viewer(caller);
        return references.seenBy(viewer, readable(viewer, id));
    }

    private StoredAction readable(Viewer viewer, UUID id) {
        return actions.find(id)
                .filter(s -> visible(viewer, s.action()))
                .orElseThrow(() -> new RecordNotFound("action", id));
    }

    /** The actions the caller may read, each with the references they may see; a need they may not see matches none. */
    @Transactional(readOnly = true)
    public PageResult<StoredAction> list(Caller caller, ActionFilter filter, PageQuery page) {
        Viewer viewer = access.viewer(caller);
        if (filter.need() != null
                && !evidence.needOwners(List.of(filter.need())).entrySet().stream()
                        .allMatch(e -> viewer.maySeeOrganisation(e.getValue()))) {
            return PageResult.of(List.of(), page, 0);
        }
        PageResult<StoredAction> found = actions.search(filter, viewer, page);
        List<StoredAction> seen = references.seenBy(viewer, found.items());
        return new PageResult<>(seen, found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    /** The revisions of an action, for its owner and for platform administrators who are no enforcement body. */
    @Transactional(readOnly = true)
    public List<RecordHistory.Revision> history(Caller caller, UUID id) {
        Viewer viewer = access.viewer(caller);
        StoredAction a = readable(viewer, id);
        // revisions hold the events as written, references to hidden organisations included
        if (!viewer.owns(a.action().ownerId()) && !(caller.isPlatformAdmin() && !viewer.enforcementBody())) {
            throw new AccessRefused("Only the organisation that owns an action may read its history");
        }
        return revisions.of(RECORD_TYPE, id);
    }

    /**
     * The commitment's cascade as the caller may see it, computed as if the implementing actions they may not read
     * did not exist: the children they may read, the weighted roll-up over those children only, and the expected
     * implementers they may see that have no such child. Nothing in it is derived from a child the caller may not
     * read, so no figure betrays one (a hidden organisation's or a RESTRICTED local action). Only the commitment's
     * owner, when it is no enforcement body, is also told how many implementing actions it may not read: they were
     * linked to its own commitment.
     */
    @Transactional(readOnly = true)
    public CascadeResult cascade(Caller caller, UUID id) {
        Viewer viewer = access.viewer(caller);
        Action parent = readable(viewer, id).action();
        List<CascadeRow> rows = actions.children(id);
        List<Cascade.Child> readable = rows.stream()
                .filter(r -> viewer.mayRead(r.scope()))
                .map(CascadeRow::child)
                .toList();
        Cascade seen = Cascade.of(
                readable, viewer.visibleOrganisations(parent.details().expectedImplementers()));
        Integer notShown =
                viewer.owns(parent.ownerId()) && !viewer.enforcementBody() ? rows.size() - readable.size() : null;
        return new CascadeResult(parent, seen.children(), notShown, seen.percentComplete(), seen.missingImplementers());
    }

    /**
     * A commitment, the children the caller reads, the roll-up over them and who has not linked yet;
     * {@code childrenNotShown} only for the commitment's owner (null otherwise).
     */
    public record CascadeResult(
            Action parent,
            List<Cascade.Child> children,
            @Nullable Integer childrenNotShown,
            @Nullable Double percentComplete,
            List<UUID> missingImplementers) {}

    private static boolean visible(Viewer viewer, Action a) {
        return viewer.mayRead(
                a.ownerId(), a.details().classification(), a.details().sharedWithForums());
    }

    /** Locks the action; 404 if the caller cannot see it, 403 unless they edit for its owner, 412 if stale. */
    private Action ownedForUpdate(Viewer viewer, UUID id, @Nullable Long expectedVersion) {
        Caller caller = viewer.caller();
        Action current = actions.findForUpdate(id)
                .map(StoredAction::action)
                .filter(a -> visible(viewer, a))
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
     * Only what the change adds is checked, so an edit never fails on a reference that was accepted before. What the
     * caller may not see (an organisation hidden from them, a need of one, a commitment they may not read) is
     * refused exactly as what does not exist.
     */
    private void requireReferences(Viewer viewer, UUID id, UUID owner, ActionDetails current, ActionDetails next) {
        frameworks.requireKnown(ActionDetails.added(current.frameworkItems(), next.frameworkItems()));
        if (next.planId() != null && !next.planId().equals(current.planId())) {
            boolean own = plans.find(next.planId())
                    .map(p -> p.plan().ownerId().equals(owner))
                    .orElse(false);
            if (!own) {
                throw new UnprocessableReference("planId", "no plan " + next.planId() + " of the action's owner");
            }
        }
        if (next.implementsActionId() != null && !next.implementsActionId().equals(current.implementsActionId())) {
            requireParent(viewer, id, next.implementsActionId());
        }
        for (Participant p : ActionDetails.added(current.participants(), next.participants())) {
            requireOrganisation(viewer, "participants", p.organisationId());
        }
        for (UUID o : ActionDetails.added(current.expectedImplementers(), next.expectedImplementers())) {
            requireOrganisation(viewer, "expectedImplementers", o);
        }
        List<UUID> addedNeeds = ActionDetails.added(current.needIds(), next.needIds());
        List<UUID> needs = new ArrayList<>(evidence.unknownNeeds(addedNeeds));
        evidence.needOwners(addedNeeds).forEach((need, needOwner) -> {
            if (!viewer.maySeeOrganisation(needOwner)) {
                needs.add(need);
            }
        });
        if (!needs.isEmpty()) {
            throw new UnprocessableReference(
                    "needIds", "no need " + join(needs) + " is known from the assessments service");
        }
        List<UUID> gaps = evidence.unknownGaps(ActionDetails.added(current.gapIds(), next.gapIds()));
        if (!gaps.isEmpty()) {
            throw new UnprocessableReference(
                    "gapIds", "no checklist gap " + join(gaps) + " is known from the assessments service");
        }
    }

    private void requireParent(Viewer viewer, UUID id, UUID parentId) {
        Action parent = actions.find(parentId)
                .map(StoredAction::action)
                .filter(a -> visible(viewer, a))
                .orElseThrow(() -> new UnprocessableReference("implementsActionId", "no action " + parentId));
        if (!parent.details().requiresLocalImplementation()) {
            throw new UnprocessableReference(
                    "implementsActionId",
                    "action " + parentId + " is not a commitment that requires local implementation");
        }
        if (parent.status() == ActionStatus.CANCELLED) {
            throw new UnprocessableReference("implementsActionId", "commitment " + parentId + " was cancelled");
        }
        if (actions.ancestorsOf(parentId).contains(id)) {
            throw new UnprocessableReference(
                    "implementsActionId", "an action cannot implement itself or an action that implements it");
        }
    }

    private void requireOrganisation(Viewer viewer, String field, UUID organisation) {
        KnownOrganisation o = access.organisations()
                .find(organisation)
                .filter(k -> viewer.maySeeOrganisation(k.id()))
                .orElseThrow(() -> new UnprocessableReference(field, "no organisation " + organisation));
        if (!o.canTakePart()) {
            throw new UnprocessableReference(field, "organisation " + organisation + " is " + o.status());
        }
    }

    private static String join(List<UUID> ids) {
        return String.join(", ", ids.stream().map(UUID::toString).toList());
    }

    private static ActionDetails emptyLike(ActionDetails d) {
        return new ActionDetails(
                null,
                d.title(),
                null,
                d.kind(),
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                d.reportingCadence(),
                List.of(),
                null,
                false,
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                DataClassification.FORUM,
                List.of());
    }

    private void publish(Action a, Object event, Instant at) {
        outbox.append(OutgoingEvent.about(a.id(), a.ownerId(), classification(a), event)
                .at(at));
        revisions.record(RECORD_TYPE, a.id(), a.version(), event, at);
    }

    /**
     * The event carries the action's references as they are: when it names an organisation hidden from enforcement
     * bodies (a participant, an expected implementer, the owner of a need it answers), it is published as
     * RESTRICTED so that no enforcement body is told of it ({@link EventClassification}).
     */
    private DataClassification classification(Action a) {
        ActionDetails d = a.details();
        Set<UUID> named = new LinkedHashSet<>();
        d.participants().forEach(p -> named.add(p.organisationId()));
        named.addAll(d.expectedImplementers());
        named.addAll(evidence.needOwners(d.needIds()).values());
        if (named.isEmpty()) {
            return d.classification();
        }
        return EventClassification.naming(
                d.classification(),
                named,
                d.sharedWithForums(),
                access.organisations().hiddenFromEnforcementBodies()::contains);
    }

    public static org.arrival.contracts.actionplans.Action snapshot(Action a) {
        ActionDetails d = a.details();
        return new org.arrival.contracts.actionplans.Action(
                a.id(),
                a.version(),
                a.ownerId(),
                d.planId(),
                d.title(),
                d.description(),
                d.kind(),
                d.sectors(),
                d.targetGroups(),
                d.areas(),
                d.startDate(),
                d.endDate(),
                d.reportingCadence(),
                d.participants(),
                d.implementsActionId(),
                d.requiresLocalImplementation(),
                d.expectedImplementers(),
                d.weight(),
                d.needIds(),
                d.gapIds(),
                d.frameworkItems(),
                d.sharedWithForums(),
                a.status(),
                d.orientation());
    }
}
