package org.arrival.actionplans.contributions.application;

import java.time.Instant;
import java.util.UUID;

import org.arrival.actionplans.contributions.domain.Contribution;
import org.arrival.actionplans.contributions.persistence.ContributionRepository;
import org.arrival.actionplans.contributions.persistence.ContributionRepository.StoredContribution;
import org.arrival.actionplans.progress.application.ActionAccess;
import org.arrival.actionplans.progress.domain.ActionState;
import org.arrival.contracts.actionplans.ContributionKind;
import org.arrival.contracts.actionplans.ContributionMade;
import org.arrival.platform.directory.Organisations.KnownOrganisation;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.arrival.platform.security.Caller;
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
        ActionAccess.requireEditor(caller, "comment on, endorse or object to actions");
        ActionState action = access.lockedReadable(caller, actionId);
        if (caller.actsFor(action.ownerId())) {
            throw new AccessRefused("Contributions come from other organisations; owners answer through their own"
                    + " records (the action, its milestones and reports)");
        }
        Contribution c = new Contribution(UUID.randomUUID(), action.id(), caller.organisationId(), kind, text)
                .validated();
        Instant at = access.clock().instant();
        contributions.insert(c, caller.userId(), at);
        ContributionMade event = new ContributionMade(snapshot(c), caller.toActor());
        outbox.append(OutgoingEvent.about(c.id(), c.contributorId(), action.classification(), event)
                .keyedBy(action.id()).at(at));
        return contributions.find(actionId, c.id()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public StoredContribution get(Caller caller, UUID actionId, UUID id) {
        access.readable(caller, actionId);
        Viewer viewer = access.organisations().viewer(caller);
        return contributions.find(actionId, id).filter(c -> !hiddenFrom(viewer, c.contribution().contributorId()))
                .orElseThrow(() -> new RecordNotFound("contribution", id));
    }

    /** The contributions the caller may read: an enforcement body never reads those of hidden organisations. */
    @Transactional(readOnly = true)
    public PageResult<StoredContribution> list(Caller caller, UUID actionId, ContributionKind kind, PageQuery page) {
        access.readable(caller, actionId);
        Viewer viewer = access.organisations().viewer(caller);
        return contributions.list(actionId, kind, viewer.enforcementBody(), page);
    }

    /** A contribution is its contributor's record: one hidden from enforcement bodies never reaches them. */
    private boolean hiddenFrom(Viewer viewer, UUID contributor) {
        return viewer.enforcementBody() && !viewer.owns(contributor)
                && access.organisations().find(contributor).map(KnownOrganisation::hidden).orElse(false);
    }

    public static org.arrival.contracts.actionplans.Contribution snapshot(Contribution c) {
        return new org.arrival.contracts.actionplans.Contribution(c.id(), c.actionId(), c.contributorId(), c.kind(),
                c.text());
    }
}
