package org.arrival.assessments.needs.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.needs.domain.Need;
import org.arrival.assessments.needs.domain.NeedDetails;
import org.arrival.assessments.needs.persistence.NeedRepository;
import org.arrival.assessments.needs.persistence.NeedRepository.NeedFilter;
import org.arrival.assessments.needs.persistence.NeedRepository.StoredNeed;
import org.arrival.assessments.needs.persistence.RoundLookup;
import org.arrival.assessments.shared.application.EvidenceAccess;
import org.arrival.assessments.shared.persistence.EvidenceRevisions;
import org.arrival.contracts.assessments.NeedIdentified;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.NeedUpdated;
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
 * Recording needs and moving them along their lifecycle. Only the owning organisation's editors and
 * administrators change a need; other organisations contribute through inputs. Every change writes one event.
 */
@Service
public class NeedService {

    public static final String RECORD_TYPE = "need";

    private final NeedRepository needs;
    private final RoundLookup rounds;
    private final EvidenceRevisions revisions;
    private final EvidenceAccess access;
    private final Outbox outbox;

    public NeedService(
            NeedRepository needs,
            RoundLookup rounds,
            EvidenceRevisions revisions,
            EvidenceAccess access,
            Outbox outbox) {
        this.needs = needs;
        this.rounds = rounds;
        this.revisions = revisions;
        this.access = access;
        this.outbox = outbox;
    }

    @Transactional
    public StoredNeed identify(Caller caller, NeedDetails details) {
        UUID owner = EvidenceAccess.requireEditor(caller, "record needs");
        details.validated();
        requireRound(caller, details.roundId());
        Need n = Need.identify(UUID.randomUUID(), owner, details);
        Instant at = access.clock().instant();
        needs.insert(n, caller.userId(), at);
        publish(n, new NeedIdentified(snapshot(n), caller.toActor()), at);
        return shown(caller, needs.find(n.id()).orElseThrow());
    }

    @Transactional
    public StoredNeed revise(Caller caller, UUID id, long expectedVersion, NeedDetails details) {
        Need current = ownedForUpdate(caller, id, expectedVersion);
        details.validated();
        Need next = current.revise(details);
        List<String> changed = current.details().changesTo(details);
        if (changed.isEmpty()) {
            return shown(caller, needs.find(id).orElseThrow());
        }
        if (changed.contains("roundId")) {
            requireRound(caller, details.roundId());
        }
        Instant at = access.clock().instant();
        needs.update(next, caller.userId(), at);
        publish(next, new NeedUpdated(snapshot(next), caller.toActor(), changed, null), at);
        return shown(caller, needs.find(id).orElseThrow());
    }

    @Transactional
    public StoredNeed move(
            Caller caller, UUID id, @Nullable Long expectedVersion, NeedStatus target, @Nullable String reason) {
        Need current = ownedForUpdate(caller, id, expectedVersion);
        int links = needs.find(id).orElseThrow().actionIds().size();
        Need next = current.moveTo(target, reason, links);
        Instant at = access.clock().instant();
        needs.update(next, caller.userId(), at);
        publish(next, new NeedUpdated(snapshot(next), caller.toActor(), List.of("status"), next.statusReason()), at);
        return shown(caller, needs.find(id).orElseThrow());
    }

    /** Records that an action addresses the need; linking the same action again changes nothing. */
    @Transactional
    public StoredNeed linkAction(Caller caller, UUID id, @Nullable Long expectedVersion, UUID actionId) {
        Need current = ownedForUpdate(caller, id, expectedVersion);
        Need next = current.linked();
        Instant at = access.clock().instant();
        if (!needs.link(id, actionId, caller.userId(), at)) {
            return shown(caller, needs.find(id).orElseThrow());
        }
        needs.update(next, caller.userId(), at);
        publish(next, new NeedUpdated(snapshot(next), caller.toActor(), List.of("actionIds"), null), at);
        return shown(caller, needs.find(id).orElseThrow());
    }

    @Transactional(readOnly = true)
    public StoredNeed get(Caller caller, UUID id) {
        Viewer viewer = access.viewer(caller);
        return needs.find(id)
                .filter(s -> visible(viewer, s.need()))
                .map(s -> shown(viewer, s))
                .orElseThrow(() -> new RecordNotFound("need", id));
    }

    /** The need if the caller may see it: what inputs are attached to. */
    @Transactional(readOnly = true)
    public java.util.Optional<Need> visible(Caller caller, UUID id) {
        Viewer viewer = access.viewer(caller);
        return needs.find(id).map(StoredNeed::need).filter(n -> visible(viewer, n));
    }

    /** The needs the caller may see; a round it may not read matches no need, as an unknown round would. */
    @Transactional(readOnly = true)
    public PageResult<StoredNeed> list(Caller caller, NeedFilter filter, PageQuery page) {
        Viewer viewer = access.viewer(caller);
        if (filter.roundId() != null && rounds.find(filter.roundId(), viewer).isEmpty()) {
            return PageResult.of(List.of(), page, 0);
        }
        return needs.search(filter, viewer, page).map(s -> shown(viewer, s));
    }

    @Transactional(readOnly = true)
    public List<RecordHistory.Revision> history(Caller caller, UUID id) {
        StoredNeed n = get(caller, id);
        if (!caller.actsFor(n.need().ownerId())) {
            throw new AccessRefused("Only the organisation that owns a need may read its history");
        }
        return revisions.of(RECORD_TYPE, id);
    }

    private StoredNeed shown(Caller caller, StoredNeed s) {
        return shown(access.viewer(caller), s);
    }

    /** The need as the viewer sees it: the round it points at only if the viewer may read that round. */
    private StoredNeed shown(Viewer viewer, StoredNeed s) {
        UUID round = s.need().details().roundId();
        if (round == null || rounds.find(round, viewer).isPresent()) {
            return s;
        }
        Need n = s.need();
        return new StoredNeed(
                new Need(n.id(), n.version(), n.ownerId(), n.details().withoutRound(), n.status(), n.statusReason()),
                s.actionIds(),
                s.createdAt(),
                s.updatedAt());
    }

    private boolean visible(Viewer viewer, Need n) {
        return viewer.mayRead(
                n.ownerId(), n.details().classification(), n.details().sharedWithForums());
    }

    /** Locks the need; 404 if the caller cannot see it, 403 unless they edit for its owner, 412 if stale. */
    private Need ownedForUpdate(Caller caller, UUID id, @Nullable Long expectedVersion) {
        Viewer viewer = access.viewer(caller);
        Need current = needs.findForUpdate(id)
                .map(StoredNeed::need)
                .filter(n -> visible(viewer, n))
                .orElseThrow(() -> new RecordNotFound("need", id));
        if (!caller.actsFor(current.ownerId())) {
            throw new AccessRefused("Only the organisation that owns a need changes it; others contribute inputs");
        }
        EvidenceAccess.requireEditor(caller, "change needs");
        if (expectedVersion != null && current.version() != expectedVersion) {
            throw new StaleVersion("need", id, expectedVersion);
        }
        return current;
    }

    private void requireRound(Caller caller, @Nullable UUID roundId) {
        if (roundId != null && rounds.find(roundId, access.viewer(caller)).isEmpty()) {
            throw new UnprocessableReference("roundId", "no assessment round " + roundId);
        }
    }

    private void publish(Need n, Object event, Instant at) {
        outbox.append(OutgoingEvent.about(n.id(), n.ownerId(), n.details().classification(), event)
                .at(at));
        revisions.record(RECORD_TYPE, n.id(), n.version(), event, at);
    }

    public static org.arrival.contracts.assessments.Need snapshot(Need n) {
        NeedDetails d = n.details();
        return new org.arrival.contracts.assessments.Need(
                n.id(),
                n.version(),
                n.ownerId(),
                d.statement(),
                d.sector(),
                d.populationGroups(),
                d.area(),
                d.severity(),
                d.barriers().isEmpty() ? null : d.barriers(),
                d.evidenceReferences().isEmpty() ? null : d.evidenceReferences(),
                d.roundId(),
                n.status(),
                n.statusReason(),
                d.sharedWithForums().isEmpty() ? null : d.sharedWithForums());
    }
}
