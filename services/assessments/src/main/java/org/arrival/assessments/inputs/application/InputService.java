package org.arrival.assessments.inputs.application;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.arrival.assessments.inputs.domain.Contribution;
import org.arrival.assessments.inputs.domain.SubjectType;
import org.arrival.assessments.inputs.persistence.InputRepository;
import org.arrival.assessments.inputs.persistence.InputRepository.InputFilter;
import org.arrival.assessments.inputs.persistence.InputRepository.StoredInput;
import org.arrival.assessments.needs.domain.Need;
import org.arrival.assessments.needs.persistence.NeedRepository;
import org.arrival.assessments.needs.persistence.RoundLookup;
import org.arrival.assessments.rounds.domain.AssessmentRound;
import org.arrival.assessments.shared.application.EvidenceAccess;
import org.arrival.assessments.shared.persistence.EvidenceRevisions;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.Input;
import org.arrival.contracts.assessments.InputContributed;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.DisclosureControl;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Roles;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.UnprocessableReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inputs: what an organisation contributes to a round or a need of another organisation. Inputs never change
 * their subject. A need the contributor may not see (a RESTRICTED need, for an enforcement body) is as if it did
 * not exist. Participant counts are shown to everyone but the contributor, and in the event, as the platform's
 * disclosure control says: 0 to 4 as "&lt;5", others rounded to a multiple of 5.
 */
@Service
public class InputService {

    public static final String RECORD_TYPE = "evidence_input";

    private final InputRepository inputs;
    private final NeedRepository needs;
    private final RoundLookup rounds;
    private final EvidenceRevisions revisions;
    private final EvidenceAccess access;
    private final Outbox outbox;

    public InputService(
            InputRepository inputs,
            NeedRepository needs,
            RoundLookup rounds,
            EvidenceRevisions revisions,
            EvidenceAccess access,
            Outbox outbox) {
        this.inputs = inputs;
        this.needs = needs;
        this.rounds = rounds;
        this.revisions = revisions;
        this.access = access;
        this.outbox = outbox;
    }

    @Transactional
    public SeenInput contribute(Caller caller, Sent sent) {
        UUID contributor = requireContributor(caller);
        Viewer viewer = access.viewer(caller);
        Contribution c = sent.as(UUID.randomUUID(), contributor).validated(access.today());
        List<RecordScope> subject = switch (c.subjectType()) {
            case NEED -> {
                Need n =
                        visibleNeed(viewer, c.subjectId()).orElseThrow(() -> new RecordNotFound("need", c.subjectId()));
                yield List.of(RecordScope.of(
                        n.ownerId(), n.details().classification(), n.details().sharedWithForums()));
            }
            case ROUND -> {
                AssessmentRound r = rounds.find(c.subjectId(), viewer)
                        .orElseThrow(
                                () -> new UnprocessableReference("subjectId", "no assessment round " + c.subjectId()));
                yield r.involved().stream()
                        .map(o -> RecordScope.of(
                                o, r.classification(), r.profile().sharedWithForums()))
                        .toList();
            }
        };
        UUID subjectOwner = subject.getFirst().owner();
        if (caller.actsFor(subjectOwner)) {
            throw new AccessRefused("Inputs come from other organisations; the owner records its own evidence on the "
                    + c.subjectType().name().toLowerCase(Locale.ROOT) + " itself");
        }
        Instant at = access.clock().instant();
        inputs.insert(c, caller.userId(), at);
        InputContributed event = new InputContributed(snapshot(c, false), caller.toActor());
        // the event names its subject: it is no more widely readable than the subject, and RESTRICTED when the
        // subject belongs to or names an organisation hidden from enforcement bodies
        DataClassification classification =
                RecordScope.strictest(c.classification(), subject, access.hiddenFromEnforcementBodies());
        outbox.append(OutgoingEvent.about(c.id(), c.contributorId(), classification, event)
                .keyedBy(c.subjectId())
                .at(at));
        revisions.record(RECORD_TYPE, c.id(), 1, event, at);
        return seen(viewer, inputs.find(c.id()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public SeenInput get(Caller caller, UUID id) {
        Viewer viewer = access.viewer(caller);
        return inputs.find(id)
                .filter(s -> visible(viewer, s.input()))
                .map(s -> seen(viewer, s))
                .orElseThrow(() -> new RecordNotFound("input", id));
    }

    /** The inputs about a need the caller may see; 404 if they may not see the need. */
    @Transactional(readOnly = true)
    public PageResult<SeenInput> aboutNeed(Caller caller, UUID needId, PageQuery page) {
        Viewer viewer = access.viewer(caller);
        if (visibleNeed(viewer, needId).isEmpty()) {
            throw new RecordNotFound("need", needId);
        }
        return inputs.search(new InputFilter(SubjectType.NEED, needId, null, null), viewer, page)
                .map(s -> seen(viewer, s));
    }

    @Transactional(readOnly = true)
    public PageResult<SeenInput> list(Caller caller, InputFilter filter, PageQuery page) {
        Viewer viewer = access.viewer(caller);
        return inputs.search(filter, viewer, page).map(s -> seen(viewer, s));
    }

    /**
     * The same rule as {@link InputRepository#search}, for one input: the contributor's own; others' when the reader
     * may see the subject and either may read the input by the read policy, or owns the subject and the input is not
     * kept to its contributor (never RESTRICTED ones, nor those of an organisation hidden from it, for an
     * enforcement body).
     */
    private boolean visible(Viewer viewer, Contribution c) {
        if (viewer.owns(c.contributorId())) {
            return true;
        }
        Optional<UUID> subjectOwner = switch (c.subjectType()) {
            case NEED -> visibleNeed(viewer, c.subjectId()).map(Need::ownerId);
            case ROUND ->
                rounds.find(c.subjectId(), viewer).map(r -> r.profile().convenorId());
        };
        if (subjectOwner.isEmpty()) {
            return false;
        }
        if (viewer.mayRead(c.contributorId(), c.classification(), c.sharedWithForums())) {
            return true;
        }
        return viewer.owns(subjectOwner.get())
                && c.classification() != DataClassification.ORGANISATION
                && viewer.maySeeOrganisation(c.contributorId())
                && !(viewer.enforcementBody() && c.classification() == DataClassification.RESTRICTED);
    }

    private Optional<Need> visibleNeed(Viewer viewer, UUID id) {
        return needs.find(id)
                .map(NeedRepository.StoredNeed::need)
                .filter(n -> viewer.mayRead(
                        n.ownerId(), n.details().classification(), n.details().sharedWithForums()));
    }

    /** The caller's organisation, which contributes the input, if the caller may contribute for it. */
    private static UUID requireContributor(Caller caller) {
        boolean mayWrite = caller.hasRole(Roles.ORG_EDITOR)
                || caller.hasRole(Roles.ORG_ADMIN)
                || caller.hasRole(Roles.FORUM_COORDINATOR);
        UUID organisation = caller.organisationId();
        if (organisation == null || !mayWrite) {
            throw new AccessRefused(
                    "Inputs are contributed by an organisation's editors, administrators or forum coordinators");
        }
        return organisation;
    }

    private static SeenInput seen(Viewer viewer, StoredInput s) {
        return new SeenInput(s, viewer.seesSmallCounts(s.input().contributorId()));
    }

    /** The input as events carry it and others see it ({@code exact} false): participants suppressed or rounded. */
    public static Input snapshot(Contribution c, boolean exact) {
        return new Input(
                c.id(),
                c.contributorId(),
                c.kind(),
                c.subjectType().name(),
                c.subjectId(),
                c.summary(),
                c.provenance(),
                c.collectedOn(),
                DisclosureControl.count(c.participants(), exact),
                c.sharedWithForums().isEmpty() ? null : c.sharedWithForums());
    }

    /** An input as sent, made a contribution with the id the service gives it and the organisation contributing it. */
    @FunctionalInterface
    public interface Sent {
        Contribution as(UUID id, UUID contributorId);
    }

    /** An input and whether the caller sees its participants exactly (its contributor, unless an enforcement body). */
    public record SeenInput(StoredInput stored, boolean exact) {}
}
