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
import org.arrival.contracts.actionplans.FundingRecorded;
import org.arrival.contracts.actionplans.FundingSummary;
import org.arrival.platform.directory.Organisations.KnownOrganisation;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.arrival.platform.security.Caller;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.StaleVersion;
import org.arrival.platform.web.UnprocessableReference;
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
        ActionState action = access.lockedReadable(caller, actionId);
        requireFundingWriter(caller, action, null, sent.sourceId());
        FundingLine line = FundingLine.record(UUID.randomUUID(), action.id(), withSource(sent));
        Instant at = access.clock().instant();
        lines.insert(line, at);
        publish(caller, action, line, at);
        return lines.find(actionId, line.id()).orElseThrow();
    }

    @Transactional
    public StoredLine revise(Caller caller, UUID actionId, UUID id, long expectedVersion, FundingLine.Terms sent) {
        ActionState action = access.lockedReadable(caller, actionId);
        FundingLine current = lines.findForUpdate(actionId, id).map(StoredLine::line)
                .orElseThrow(() -> new RecordNotFound("funding line", id));
        requireFundingWriter(caller, action, current, sent.sourceId());
        if (current.version() != expectedVersion) {
            throw new StaleVersion("funding line", id, expectedVersion);
        }
        FundingLine next = current.revise(withSource(sent));
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
        access.readable(caller, actionId);
        return lines.find(actionId, id).orElseThrow(() -> new RecordNotFound("funding line", id));
    }

    @Transactional(readOnly = true)
    public Funding overview(Caller caller, UUID actionId) {
        access.readable(caller, actionId);
        List<StoredLine> all = lines.ofAction(actionId);
        return new Funding(actionId, all, FundingTotals.of(all.stream().map(StoredLine::line).toList()));
    }

    /**
     * The owner's editors write any line; the funding organisation's editors write the lines it is the source of
     * and keep itself as their source; anyone else is refused.
     */
    private static void requireFundingWriter(Caller caller, ActionState action, FundingLine current, UUID sourceId) {
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

    /** The source, if named, must be an organisation this service knows; its name fills in a missing sourceName. */
    private FundingLine.Terms withSource(FundingLine.Terms t) {
        if (t.sourceId() == null) {
            return t;
        }
        KnownOrganisation source = access.organisations().find(t.sourceId())
                .orElseThrow(() -> new UnprocessableReference("sourceId", "no organisation " + t.sourceId()));
        String name = t.sourceName() == null || t.sourceName().isBlank() ? source.name() : t.sourceName();
        return new FundingLine.Terms(t.sourceId(), name, t.currency(), t.required(), t.committed(), t.disbursed());
    }

    private static boolean sameTerms(FundingLine a, FundingLine b) {
        return java.util.Objects.equals(a.sourceId(), b.sourceId()) && a.sourceName().equals(b.sourceName())
                && a.currency().equals(b.currency()) && a.required().compareTo(b.required()) == 0
                && a.committed().compareTo(b.committed()) == 0 && a.disbursed().compareTo(b.disbursed()) == 0;
    }

    private void publish(Caller caller, ActionState action, FundingLine line, Instant at) {
        List<FundingSummary> totals = FundingTotals.of(lines.ofAction(action.id()).stream().map(StoredLine::line)
                .toList()).stream().map(FundingTotals::plain).toList();
        FundingRecorded event = new FundingRecorded(snapshot(line), totals, caller.toActor());
        outbox.append(OutgoingEvent.about(line.id(), action.ownerId(), action.classification(), event)
                .keyedBy(action.id()).at(at));
        lines.recordRevision(line, event, at);
    }

    public static org.arrival.contracts.actionplans.FundingLine snapshot(FundingLine l) {
        return new org.arrival.contracts.actionplans.FundingLine(l.id(), l.version(), l.actionId(), l.sourceId(),
                l.sourceName(), l.currency(), FundingTotals.plain(l.required()), FundingTotals.plain(l.committed()),
                FundingTotals.plain(l.disbursed()));
    }

    /** An action's funding lines and its totals per currency. */
    public record Funding(UUID actionId, List<StoredLine> lines, List<FundingSummary> totals) {
    }
}
