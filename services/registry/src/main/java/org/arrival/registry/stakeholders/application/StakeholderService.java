package org.arrival.registry.stakeholders.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.arrival.contracts.registry.StakeholderActivated;
import org.arrival.contracts.registry.StakeholderArchived;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.contracts.registry.StakeholderSuspended;
import org.arrival.contracts.registry.StakeholderUpdated;
import org.arrival.contracts.registry.StakeholderVerified;
import org.arrival.platform.messaging.history.RecordHistory;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Roles;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.StaleVersion;
import org.arrival.registry.shared.Audit;
import org.arrival.registry.shared.Revisions;
import org.arrival.registry.shared.Viewers;
import org.arrival.registry.stakeholders.domain.Stakeholder;
import org.arrival.registry.stakeholders.domain.StakeholderProfile;
import org.arrival.registry.stakeholders.persistence.StakeholderFilter;
import org.arrival.registry.stakeholders.persistence.StakeholderRepository;
import org.arrival.registry.stakeholders.persistence.StakeholderRepository.StoredStakeholder;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering organisations and keeping their profiles and lifecycle. Platform administrators verify, activate,
 * suspend and archive; an organisation's own administrators edit its profile; whether an organisation is an
 * enforcement body is for platform administrators alone to say. Every change writes its event to the outbox
 * and its revision to the history, in the same transaction.
 */
@Service
public class StakeholderService {

    public static final String RECORD_TYPE = "stakeholder";

    private final StakeholderRepository stakeholders;
    private final Revisions revisions;
    private final Outbox outbox;
    private final Viewers viewers;
    private final Clock clock;

    public StakeholderService(
            StakeholderRepository stakeholders, Revisions revisions, Outbox outbox, Viewers viewers, Clock clock) {
        this.stakeholders = stakeholders;
        this.revisions = revisions;
        this.outbox = outbox;
        this.viewers = viewers;
        this.clock = clock;
    }

    @Transactional
    public StoredStakeholder register(Caller caller, StakeholderProfile profile) {
        if (!caller.isPlatformAdmin() && !caller.hasRole(Roles.ORG_ADMIN)) {
            throw new AccessRefused(
                    "Only platform administrators and organisation administrators may propose organisations");
        }
        return insertProposed(caller, UUID.randomUUID(), profile);
    }

    /**
     * Registers an organisation under an id it already has elsewhere, e.g. the {@code org_id} its people carry in
     * the identity provider, so that moving an existing directory keeps every reference valid.
     */
    @Transactional
    public StoredStakeholder registerUnder(Caller caller, UUID id, StakeholderProfile profile) {
        if (!caller.isPlatformAdmin()) {
            throw new AccessRefused("Only platform administrators may register an organisation under a chosen id");
        }
        if (stakeholders.find(id).isPresent()) {
            throw new RegisteredAlready(id);
        }
        return insertProposed(caller, id, profile);
    }

    private StoredStakeholder insertProposed(Caller caller, UUID id, StakeholderProfile profile) {
        Stakeholder s = Stakeholder.propose(id, profile);
        Audit audit = audit(caller);
        stakeholders.insert(s, audit);
        publish(s, new StakeholderRegistered(snapshot(s), caller.toActor(), null), audit);
        return stakeholders.find(s.id()).orElseThrow();
    }

    @Transactional
    public StoredStakeholder update(Caller caller, UUID id, long expectedVersion, StakeholderProfile profile) {
        Stakeholder current = visibleForUpdate(caller, id);
        boolean ownAdmin = caller.hasRole(Roles.ORG_ADMIN) && caller.actsFor(id);
        if (!caller.isPlatformAdmin() && !ownAdmin) {
            throw new AccessRefused("Only the organisation's own administrators may edit its profile");
        }
        requireVersion(current, expectedVersion);
        List<String> changed = current.changesTo(profile);
        if (changed.contains("enforcementBody") && !caller.isPlatformAdmin()) {
            throw new AccessRefused(
                    "Only platform administrators may say whether an organisation is an enforcement body");
        }
        if (changed.isEmpty()) {
            return stakeholders.find(id).orElseThrow();
        }
        Stakeholder next = current.revise(profile);
        Audit audit = audit(caller);
        stakeholders.update(next, audit);
        publish(next, new StakeholderUpdated(snapshot(next), caller.toActor(), changed), audit);
        return stakeholders.find(id).orElseThrow();
    }

    @Transactional
    public StoredStakeholder verify(Caller caller, UUID id, @Nullable Long expectedVersion, @Nullable String reason) {
        return lifecycle(
                caller,
                id,
                expectedVersion,
                Stakeholder::verify,
                s -> new StakeholderVerified(snapshot(s), caller.toActor(), reason));
    }

    @Transactional
    public StoredStakeholder activate(Caller caller, UUID id, @Nullable Long expectedVersion, @Nullable String reason) {
        return lifecycle(
                caller,
                id,
                expectedVersion,
                Stakeholder::activate,
                s -> new StakeholderActivated(snapshot(s), caller.toActor(), reason));
    }

    @Transactional
    public StoredStakeholder suspend(Caller caller, UUID id, @Nullable Long expectedVersion, @Nullable String reason) {
        return lifecycle(
                caller,
                id,
                expectedVersion,
                Stakeholder::suspend,
                s -> new StakeholderSuspended(snapshot(s), caller.toActor(), reason));
    }

    @Transactional
    public StoredStakeholder archive(Caller caller, UUID id, @Nullable Long expectedVersion, @Nullable String reason) {
        return lifecycle(
                caller,
                id,
                expectedVersion,
                Stakeholder::archive,
                s -> new StakeholderArchived(snapshot(s), caller.toActor(), reason));
    }

    @Transactional(readOnly = true)
    public StoredStakeholder get(Caller caller, UUID id) {
        Viewer viewer = viewers.of(caller);
        StoredStakeholder stored = stakeholders.find(id).orElseThrow(() -> new RecordNotFound("stakeholder", id));
        if (!viewer.maySeeOrganisation(id)) {
            throw new RecordNotFound("stakeholder", id);
        }
        return stored;
    }

    @Transactional(readOnly = true)
    public PageResult<StoredStakeholder> list(Caller caller, StakeholderFilter filter, PageQuery page) {
        Viewer viewer = viewers.of(caller);
        return stakeholders.search(filter, !viewer.enforcementBody(), page);
    }

    @Transactional(readOnly = true)
    public List<RecordHistory.Revision> history(Caller caller, UUID id) {
        get(caller, id);
        if (!caller.isPlatformAdmin() && !caller.actsFor(id)) {
            throw new AccessRefused("Only the organisation itself and platform administrators may read its history");
        }
        return revisions.of(RECORD_TYPE, id);
    }

    private StoredStakeholder lifecycle(
            Caller caller,
            UUID id,
            @Nullable Long expectedVersion,
            UnaryOperator<Stakeholder> step,
            java.util.function.Function<Stakeholder, Object> event) {
        Stakeholder current = visibleForUpdate(caller, id);
        if (!caller.isPlatformAdmin()) {
            throw new AccessRefused("Only platform administrators may change an organisation's status");
        }
        requireVersion(current, expectedVersion);
        Stakeholder next = step.apply(current);
        Audit audit = audit(caller);
        stakeholders.update(next, audit);
        publish(next, event.apply(next), audit);
        return stakeholders.find(id).orElseThrow();
    }

    /** Loads and locks the record; hidden records do not exist for enforcement bodies. */
    private Stakeholder visibleForUpdate(Caller caller, UUID id) {
        Viewer viewer = viewers.of(caller);
        return stakeholders
                .findForUpdate(id)
                .map(StoredStakeholder::stakeholder)
                .filter(s -> viewer.maySeeOrganisation(id))
                .orElseThrow(() -> new RecordNotFound("stakeholder", id));
    }

    private static void requireVersion(Stakeholder current, @Nullable Long expectedVersion) {
        if (expectedVersion != null && current.version() != expectedVersion) {
            throw new StaleVersion("stakeholder", current.id(), expectedVersion);
        }
    }

    private void publish(Stakeholder s, Object event, Audit audit) {
        outbox.append(
                OutgoingEvent.about(s.id(), s.id(), s.classification(), event).at(audit.at()));
        revisions.record(RECORD_TYPE, s.id(), s.version(), event, audit);
    }

    private Audit audit(Caller caller) {
        return new Audit(caller.toActor(), clock.instant());
    }

    public static org.arrival.contracts.registry.Stakeholder snapshot(Stakeholder s) {
        var p = s.profile();
        return new org.arrival.contracts.registry.Stakeholder(
                s.id(),
                s.version(),
                p.name(),
                p.acronym(),
                p.type(),
                p.governmentLevel(),
                p.jurisdiction(),
                p.sectors().isEmpty() ? null : p.sectors(),
                p.externalIdentifiers().isEmpty() ? null : p.externalIdentifiers(),
                p.enforcementBody(),
                p.formalStatus(),
                p.hiddenFromEnforcementBodies(),
                p.contact(),
                s.status());
    }

    /** 412 for a create-only PUT ({@code If-None-Match: *}) when the id is taken. */
    static final class RegisteredAlready extends org.arrival.platform.web.ApiException {
        RegisteredAlready(UUID id) {
            super(
                    412,
                    "Precondition failed",
                    "An organisation with id " + id + " is already registered",
                    java.util.List.of());
        }
    }
}
