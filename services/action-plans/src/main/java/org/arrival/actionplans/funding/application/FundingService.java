package org.arrival.actionplans.funding.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.actionplans.funding.domain.FundingLine;
import org.arrival.actionplans.funding.domain.FundingTotals;
import org.arrival.actionplans.funding.persistence.FundingRepository;
import org.arrival.actionplans.funding.persistence.FundingRepository.StoredLine;
import org.arrival.actionplans.progress.application.ActionAccess;
import org.arrival.actionplans.progress.domain.ActionState;
import org.arrival.actionplans.shared.application.EventClassification;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.FundingRecorded;
import org.arrival.contracts.actionplans.FundingSummary;
import org.arrival.platform.directory.Organisations.KnownOrganisation;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.StaleVersion;
import org.arrival.platform.web.UnprocessableReference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An action's funding lines and their totals per currency. A line is recorded or changed by the action owner's
 * editors, or by the funding organisation itself (its editors, for lines whose source it is). Every change
 * writes one FundingRecorded event carrying the line and the action's totals with the derived gap.
 */
@Service
public class FundingService {

    private final FundingRepository lines;
    private final ActionAccess access;
    private final Outbox outbox;

    public FundingService(FundingRepository lines, ActionAccess access, Outbox outbox) {
        this.lines = lines;
        this.access = access;
        this.outbox = outbox;
    }

    @Transactional
    public StoredLine record(Caller caller, UUID actionId, FundingLine.Terms sent) {
        Viewer viewer = access.viewer(caller);
        ActionState action = access.lockedReadable(viewer, actionId);
        requireFundingWriter(caller, action, null, sent.sourceId());
        FundingLine line = FundingLine.record(UUID.randomUUID(), action.id(), withSource(viewer, sent));
        Instant at = access.clock().instant();
        lines.insert(line, at);
        publish(caller, action, line, at);
        return lines.find(actionId, line.id()).orElseThrow();
    }

    @Transactional
    public StoredLine revise(Caller caller, UUID actionId, UUID id, long expectedVersion, FundingLine.Terms sent) {
        Viewer viewer = access.viewer(caller);
        ActionState action = access.lockedReadable(viewer, actionId);
        FundingLine current = lines.findForUpdate(actionId, id)
                .map(StoredLine::line)
                .filter(l -> shown(viewer, l))
                .orElseThrow(() -> new RecordNotFound("funding line", id));
        requireFundingWriter(caller, action, current, sent.sourceId());
        if (current.version() != expectedVersion) {
            throw new StaleVersion("funding line", id, expectedVersion);
        }
        FundingLine next = current.revise(withSource(viewer, sent));
        if (sameTerms(current, next)) {
            return lines.find(actionId, id).orElseThrow();
        }
        Instant at = access.clock().instant();
        lines.update(next, at);
        publish(caller, action, next, at);
        return lines.find(actionId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public StoredLine get(Caller caller, UUID actionId, UUID id) {
        Viewer viewer = access.viewer(caller);
        access.readable(viewer, actionId);
        return lines.find(actionId, id)
                .filter(l -> shown(viewer, l.line()))
                .orElseThrow(() -> new RecordNotFound("funding line", id));
    }

    /**
     * The lines the caller may see and the totals over them: a line whose source is an organisation hidden from the
     * caller is left out of both, as if it did not exist.
     */
    @Transactional(readOnly = true)
    public Funding overview(Caller caller, UUID actionId) {
        Viewer viewer = access.viewer(caller);
        access.readable(viewer, actionId);
        List<StoredLine> shown = lines.ofAction(actionId).stream()
                .filter(l -> shown(viewer, l.line()))
                .toList();
        return new Funding(
                actionId,
                shown,
                FundingTotals.of(shown.stream().map(StoredLine::line).toList()));
    }

    /** A line comes from its source: one of an organisation hidden from the viewer is not shown to them. */
    private static boolean shown(Viewer viewer, FundingLine line) {
        return viewer.maySeeOrganisation(line.sourceId());
    }

    /**
     * The owner's editors write any line; the funding organisation's editors write the lines it is the source of
     * and keep itself as their source; anyone else is refused.
     */
    private static void requireFundingWriter(
            Caller caller, ActionState action, @Nullable FundingLine current, UUID sourceId) {
        ActionAccess.requireEditor(caller, "record funding");
        if (caller.actsFor(action.ownerId())) {
            return;
        }
        boolean funder = caller.actsFor(sourceId) && (current == null || caller.actsFor(current.sourceId()));
        if (!funder) {
            throw new AccessRefused("Funding is recorded by the organisation that owns the action, or by the funding"
                    + " organisation itself for the lines it is the source of");
        }
    }

    /**
     * The source, if named, must be an organisation this service knows and the caller may see (one hidden from them
     * is refused as unknown); its name fills in a missing sourceName.
     */
    private FundingLine.Terms withSource(Viewer viewer, FundingLine.Terms t) {
        if (t.sourceId() == null) {
            return t;
        }
        KnownOrganisation source = access.organisations()
                .find(t.sourceId())
                .filter(o -> viewer.maySeeOrganisation(o.id()))
                .orElseThrow(() -> new UnprocessableReference("sourceId", "no organisation " + t.sourceId()));
        String name = t.sourceName() == null || t.sourceName().isBlank() ? source.name() : t.sourceName();
        return new FundingLine.Terms(t.sourceId(), name, t.currency(), t.required(), t.committed(), t.disbursed());
    }

    private static boolean sameTerms(FundingLine a, FundingLine b) {
        return java.util.Objects.equals(a.sourceId(), b.sourceId())
                && a.sourceName().equals(b.sourceName())
                && a.currency().equals(b.currency())
                && a.required().compareTo(b.required()) == 0
                && a.committed().compareTo(b.committed()) == 0
                && a.disbursed().compareTo(b.disbursed()) == 0;
    }

    private void publish(Caller caller, ActionState action, FundingLine line, Instant at) {
        List<FundingLine> all =
                lines.ofAction(action.id()).stream().map(StoredLine::line).toList();
        List<FundingSummary> totals =
                FundingTotals.of(all).stream().map(FundingTotals::plain).toList();
        FundingRecorded event = new FundingRecorded(snapshot(line), totals, caller.toActor());
        outbox.append(OutgoingEvent.about(line.id(), action.ownerId(), classification(action, all), event)
                .keyedBy(action.id())
                .at(at));
        lines.recordRevision(line, event, at);
    }

    /**
     * The classification of a funding event: its totals come from every line of the action, so it names every
     * source, and one hidden from enforcement bodies makes it at least RESTRICTED ({@link EventClassification}).
     */
    private DataClassification classification(ActionState action, List<FundingLine> all) {
        List<UUID> sources = all.stream()
                .map(FundingLine::sourceId)
                .filter(java.util.Objects::nonNull)
                .toList();
        return EventClassification.naming(
                action.classification(),
                sources,
                action.sharedWithForums(),
                access.organisations().hiddenFromEnforcementBodies()::contains);
    }

    public static org.arrival.contracts.actionplans.FundingLine snapshot(FundingLine l) {
        return new org.arrival.contracts.actionplans.FundingLine(
                l.id(),
                l.version(),
                l.actionId(),
                l.sourceId(),
                l.sourceName(),
                l.currency(),
                FundingTotals.plain(l.required()),
                FundingTotals.plain(l.committed()),
                FundingTotals.plain(l.disbursed()));
    }

    /** An action's funding lines and its totals per currency. */
    public record Funding(UUID actionId, List<StoredLine> lines, List<FundingSummary> totals) {}
}
