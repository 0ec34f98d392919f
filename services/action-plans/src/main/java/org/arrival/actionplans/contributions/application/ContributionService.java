package org.arrival.actionplans.contributions.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrival.actionplans.contributions.domain.Contribution;
import org.arrival.actionplans.contributions.persistence.ContributionRepository;
import org.arrival.actionplans.contributions.persistence.ContributionRepository.StoredContribution;
import org.arrival.actionplans.progress.application.ActionAccess;
import org.arrival.actionplans.progress.domain.ActionState;
import org.arrival.actionplans.shared.application.EventClassification;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ContributionKind;
import org.arrival.contracts.actionplans.ContributionMade;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments, endorsements and objections: made by the editors and administrators of any organisation that may read
 * an action, except the organisation that owns it (owners answer through their own records). A contribution is
 * its own record with one ContributionMade event; the action's row is not touched.
 */
@Service
public class ContributionService {

    private final ContributionRepository contributions;
    private final ActionAccess access;
    private final Outbox outbox;

    public ContributionService(ContributionRepository contributions, ActionAccess access, Outbox outbox) {
        this.contributions = contributions;
        this.access = access;
        this.outbox = outbox;
    }

    @Transactional
    public StoredContribution contribute(Caller caller, UUID actionId, ContributionKind kind, String text) {
        UUID contributor = ActionAccess.requireEditor(caller, "comment on, endorse or object to actions");
        ActionState action = access.lockedReadable(caller, actionId);
        if (caller.actsFor(action.ownerId())) {
            throw new AccessRefused("Contributions come from other organisations; owners answer through their own"
                    + " records (the action, its milestones and reports)");
        }
        Contribution c = new Contribution(UUID.randomUUID(), action.id(), contributor, kind, text).validated();
        Instant at = access.clock().instant();
        contributions.insert(c, caller.userId(), at);
        ContributionMade event = new ContributionMade(snapshot(c), caller.toActor());
        // the event is the contributor's but names the action: one of a hidden organisation makes it RESTRICTED
        DataClassification classification = EventClassification.naming(
                action.classification(),
                List.of(action.ownerId()),
                action.sharedWithForums(),
                access.organisations().hiddenFromEnforcementBodies()::contains);
        outbox.append(OutgoingEvent.about(c.id(), c.contributorId(), classification, event)
                .keyedBy(action.id())
                .at(at));
        return contributions.find(actionId, c.id()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public StoredContribution get(Caller caller, UUID actionId, UUID id) {
        Viewer viewer = access.viewer(caller);
        ActionState action = access.readable(viewer, actionId);
        return contributions
                .find(actionId, id)
                .filter(c -> viewer.mayRead(scope(action, c.contribution())))
                .orElseThrow(() -> new RecordNotFound("contribution", id));
    }

    /**
     * The contributions the caller may read. The contributions of an action share its classification and forums,
     * so among those of an action the caller may read, only the contributor decides: the contributions of
     * organisations hidden from the caller are left out (and not counted).
     */
    @Transactional(readOnly = true)
    public PageResult<StoredContribution> list(Caller caller, UUID actionId, ContributionKind kind, PageQuery page) {
        Viewer viewer = access.viewer(caller);
        access.readable(viewer, actionId);
        Set<UUID> leftOut = viewer.hiddenOrganisations().stream()
                .filter(o -> !viewer.maySeeOrganisation(o))
                .collect(Collectors.toSet());
        return contributions.list(actionId, kind, leftOut, page);
    }

    /** A contribution is its contributor's record, with the classification and forums of the action it is about. */
    private static RecordScope scope(ActionState action, Contribution c) {
        return RecordScope.of(c.contributorId(), action.classification(), action.sharedWithForums());
    }

    public static org.arrival.contracts.actionplans.Contribution snapshot(Contribution c) {
        return new org.arrival.contracts.actionplans.Contribution(
                c.id(), c.actionId(), c.contributorId(), c.kind(), c.text());
    }
}
