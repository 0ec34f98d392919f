package org.arrival.assessments.rounds.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.arrival.assessments.checklist.domain.Answer;
import org.arrival.assessments.checklist.domain.Instrument;
import org.arrival.assessments.checklist.reference.InstrumentCatalogue;
import org.arrival.assessments.rounds.domain.AssessmentRound;
import org.arrival.assessments.rounds.domain.Comparison;
import org.arrival.assessments.rounds.domain.Gap;
import org.arrival.assessments.rounds.domain.GivenAnswer;
import org.arrival.assessments.rounds.domain.Response;
import org.arrival.assessments.rounds.domain.RoundProfile;
import org.arrival.assessments.rounds.domain.RoundScores;
import org.arrival.assessments.rounds.domain.Scoring;
import org.arrival.assessments.rounds.persistence.GapRepository;
import org.arrival.assessments.rounds.persistence.ResponseRepository;
import org.arrival.assessments.rounds.persistence.ResponseRepository.StoredResponse;
import org.arrival.assessments.rounds.persistence.RoundFilter;
import org.arrival.assessments.rounds.persistence.RoundRepository;
import org.arrival.assessments.rounds.persistence.RoundRepository.StoredRound;
import org.arrival.assessments.rounds.persistence.RoundRevisions;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.ActionScore;
import org.arrival.contracts.assessments.AssessmentRoundClosed;
import org.arrival.contracts.assessments.AssessmentRoundOpened;
import org.arrival.contracts.assessments.ChecklistGapIdentified;
import org.arrival.contracts.assessments.ChecklistResponseSubmitted;
import org.arrival.contracts.assessments.ChecklistScoresPublished;
import org.arrival.contracts.assessments.RecommendationScore;
import org.arrival.contracts.assessments.Score;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.directory.Organisations.KnownOrganisation;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.RuleViolation;
import org.arrival.platform.web.StaleVersion;
import org.arrival.platform.web.UnprocessableReference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readiness self-assessment rounds: the convenor prepares a draft, opens it to its respondents, who answer the
 * checklist for their own organisation, closes it and publishes the consolidated scores, which fixes the gaps.
 * Each step after the draft publishes exactly one event (publishing also one event per gap) in the same
 * transaction as the change.
 */
@Service
public class RoundService {

    private final RoundRepository rounds;
    private final ResponseRepository responses;
    private final GapRepository gaps;
    private final RoundRevisions revisions;
    private final Organisations organisations;
    private final InstrumentCatalogue instruments;
    private final Outbox outbox;
    private final Clock clock;

    public RoundService(
            RoundRepository rounds,
            ResponseRepository responses,
            GapRepository gaps,
            RoundRevisions revisions,
            Organisations organisations,
            InstrumentCatalogue instruments,
            Outbox outbox,
            Clock clock) {
        this.rounds = rounds;
        this.responses = responses;
        this.gaps = gaps;
        this.revisions = revisions;
        this.organisations = organisations;
        this.instruments = instruments;
        this.outbox = outbox;
        this.clock = clock;
    }

    // ---- the convenor's writes

    /**
     * A new DRAFT on the current instrument. A draft is visible to its convenor only, so creating (and editing) it
     * publishes no event: the first event about a round is AssessmentRoundOpened.
     */
    @Transactional
    public StoredRound create(Caller caller, RoundProfile profile) {
        boolean convenor = caller.actsFor(profile.convenorId()) && RoundAccess.editor(caller);
        if (!caller.isPlatformAdmin() && !convenor) {
            throw new AccessRefused("A round is created by editors or administrators of its convening organisation");
        }
        checkReferences(organisations.viewer(caller), profile);
        Instrument instrument = instruments.current();
        AssessmentRound round =
                AssessmentRound.draft(UUID.randomUUID(), profile, instrument.id(), instrument.version());
        Instant at = clock.instant();
        rounds.insert(round, caller.toActor(), at);
        revisions.record(round.id(), round.version(), "RoundCreated", caller.toActor(), at, null, List.of(), null);
        return rounds.find(round.id()).orElseThrow();
    }

    /** Replaces a draft's profile; no event, as the draft is not visible to anyone else yet. */
    @Transactional
    public StoredRound update(Caller caller, UUID id, long expectedVersion, RoundProfile profile) {
        AssessmentRound current = managedForUpdate(caller, id, expectedVersion);
        List<String> changed = profile.changedFrom(current.profile());
        AssessmentRound next = current.revise(profile);
        if (changed.isEmpty()) {
            return rounds.find(id).orElseThrow();
        }
        checkReferences(organisations.viewer(caller), profile);
        Instant at = clock.instant();
        rounds.update(next, caller.toActor(), at, changed.contains("respondentIds"));
        revisions.record(id, next.version(), "RoundEdited", caller.toActor(), at, null, changed, null);
        return rounds.find(id).orElseThrow();
    }

    @Transactional
    public StoredRound open(Caller caller, UUID id, @Nullable Long expectedVersion) {
        AssessmentRound next = managedForUpdate(caller, id, expectedVersion).open();
        Instant at = clock.instant();
        rounds.update(next, caller.toActor(), at, false);
        AssessmentRoundOpened event = new AssessmentRoundOpened(snapshot(next), caller.toActor());
        outbox.append(OutgoingEvent.about(id, next.profile().convenorId(), classificationOfEvents(next), event)
                .at(at));
        revisions.record(
                id, next.version(), "AssessmentRoundOpened", caller.toActor(), at, null, List.of("status"), null);
        return rounds.find(id).orElseThrow();
    }

    @Transactional
    public StoredRound close(Caller caller, UUID id, @Nullable Long expectedVersion, @Nullable String reason) {
        AssessmentRound next = managedForUpdate(caller, id, expectedVersion).close();
        Instant at = clock.instant();
        rounds.update(next, caller.toActor(), at, false);
        AssessmentRoundClosed event = new AssessmentRoundClosed(snapshot(next), caller.toActor(), reason);
        outbox.append(OutgoingEvent.about(id, next.profile().convenorId(), classificationOfEvents(next), event)
                .at(at));
        revisions.record(
                id, next.version(), "AssessmentRoundClosed", caller.toActor(), at, null, List.of("status"), reason);
        return rounds.find(id).orElseThrow();
    }

    /**
     * Publishes a closed round's consolidated scores and fixes its gaps: one ChecklistScoresPublished about the round
     * and one ChecklistGapIdentified per gap, all in this transaction.
     */
    @Transactional
    public StoredRound publish(Caller caller, UUID id, @Nullable Long expectedVersion) {
        AssessmentRound current = managedForUpdate(caller, id, expectedVersion);
        AssessmentRound next = current.publish();
        RoundScores scores = score(next);
        if (scores.respondentsWhoAnswered() == 0) {
            throw new RuleViolation("Nobody answered this round, so it has no scores to publish");
        }
        Instant at = clock.instant();
        Actor actor = caller.toActor();
        rounds.update(next, actor, at, false);
        UUID owner = next.profile().convenorId();
        ChecklistScoresPublished published = new ChecklistScoresPublished(
                snapshot(next),
                score(scores.overall()),
                scores.recommendations().stream()
                        .map(r -> new RecommendationScore(
                                r.code(),
                                score(r.score()),
                                r.actions().stream()
                                        .map(a -> new ActionScore(a.code(), score(a.score())))
                                        .toList()))
                        .toList(),
                scores.divergences().stream()
                        .map(RoundScores.Divergence::question)
                        .toList(),
                scores.respondentsWhoAnswered(),
                actor);
        DataClassification classification = classificationOfEvents(next);
        outbox.append(OutgoingEvent.about(id, owner, classification, published).at(at));
        List<Gap> found = Gap.of(id, scores);
        gaps.insert(found);
        Jurisdiction place = next.profile().jurisdiction();
        for (Gap g : found) {
            outbox.append(OutgoingEvent.about(
                            g.id(),
                            owner,
                            classification,
                            new ChecklistGapIdentified(
                                    g.id(),
                                    id,
                                    place,
                                    owner,
                                    g.recommendationCode(),
                                    g.actionCode(),
                                    g.questionCode(),
                                    g.consolidatedAnswer(),
                                    g.points(),
                                    g.divergent()))
                    .at(at));
        }
        revisions.record(id, next.version(), "ChecklistScoresPublished", actor, at, null, List.of("status"), null);
        return rounds.find(id).orElseThrow();
    }

    // ---- respondents

    /**
     * Submits or replaces the respondent's answers. Only editors or administrators of that respondent organisation
     * may answer for it, and only while the round is open; a replacement must say which answers it replaces.
     * Submissions to one round are serialised by the round's lock, so of two replacing the same version one fails.
     */
    @Transactional
    public StoredResponse submit(
            Caller caller, UUID id, UUID respondentId, List<GivenAnswer> answers, AnswersPrecondition precondition) {
        AssessmentRound round =
                rounds.findForUpdate(id).map(StoredRound::round).orElseThrow(() -> new RecordNotFound("round", id));
        RoundAccess access = new RoundAccess(organisations.viewer(caller), round);
        if (!access.mayRead()) {
            throw new RecordNotFound("round", id);
        }
        if (!access.mayAnswerFor(respondentId)) {
            throw new AccessRefused(
                    "Only editors or administrators of a respondent organisation answer, and only for their own organisation");
        }
        round.requireAcceptsAnswers();
        Optional<Long> current = responses.find(id, respondentId).map(StoredResponse::version);
        precondition.check(current, id, respondentId);
        Instrument instrument = instrumentOf(round);
        Response response = Response.of(id, respondentId, answers, instrument);
        Instant at = clock.instant();
        Actor actor = caller.toActor();
        responses.replace(response, current.map(v -> v + 1).orElse(1L), actor, at);
        ChecklistResponseSubmitted event = new ChecklistResponseSubmitted(
                id, respondentId, response.answered(), instrument.questions().size(), actor);
        outbox.append(OutgoingEvent.about(id, round.profile().convenorId(), classificationOfEvents(round), event)
                .at(at));
        revisions.record(id, round.version(), "ChecklistResponseSubmitted", actor, at, respondentId, List.of(), null);
        return responses.find(id, respondentId).orElseThrow();
    }

    /** A respondent's answers: to the convenor, the respondent and platform administrators; evidence as allowed. */
    @Transactional(readOnly = true)
    public RespondentAnswers response(Caller caller, UUID id, UUID respondentId) {
        RoundAccess access = readable(caller, id);
        if (!access.round().profile().hasRespondent(respondentId)) {
            throw new RecordNotFound("respondent", respondentId);
        }
        if (!access.maySeeAnswersOf(respondentId)) {
            throw new AccessRefused(
                    "A respondent's own answers are read by the convenor, the respondent and platform administrators");
        }
        int questions = instrumentOf(access.round()).questions().size();
        return responses
                .find(id, respondentId)
                .map(stored -> {
                    List<GivenAnswer> shown = access.maySeeEvidenceOf(respondentId)
                            ? stored.response().answers()
                            : stored.response().answers().stream()
                                    .map(GivenAnswer::withoutEvidence)
                                    .toList();
                    return new RespondentAnswers(
                            id,
                            respondentId,
                            stored.submittedAt(),
                            shown,
                            questions,
                            access.maySeeEvidenceOf(respondentId),
                            stored.version());
                })
                .orElse(new RespondentAnswers(
                        id, respondentId, null, List.of(), questions, access.maySeeEvidenceOf(respondentId), null));
    }

    // ---- reading

    @Transactional(readOnly = true)
    public StoredRound get(Caller caller, UUID id) {
        readable(caller, id);
        return rounds.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public PageResult<StoredRound> list(Caller caller, RoundFilter filter, PageQuery page) {
        return rounds.search(filter, page, organisations.viewer(caller));
    }

    /** The round's scores as the caller may see them. */
    @Transactional(readOnly = true)
    public VisibleScores scores(Caller caller, UUID id) {
        RoundAccess access = readable(caller, id);
        return new VisibleScores(
                access.round(),
                score(access.round()),
                access.seesEveryRespondent(),
                access.caller().organisationId());
    }

    @Transactional(readOnly = true)
    public List<Gap> gaps(Caller caller, UUID id) {
        return gaps.of(readable(caller, id).round().id());
    }

    /** How a later published round of the same place compares with an earlier one. */
    @Transactional(readOnly = true)
    public RoundComparison compare(Caller caller, UUID from, UUID to) {
        AssessmentRound earlier = readable(caller, from).round();
        AssessmentRound later = readable(caller, to).round();
        if (!earlier.isPublished() || !later.isPublished()) {
            throw new RuleViolation("Only published rounds are compared");
        }
        Jurisdiction a = earlier.profile().jurisdiction();
        Jurisdiction b = later.profile().jurisdiction();
        if (!Objects.equals(a.country(), b.country())
                || !Objects.equals(a.subdivision(), b.subdivision())
                || !Objects.equals(a.areaCode(), b.areaCode())) {
            throw new UnprocessableReference(
                    "to", "the rounds assess different places; only rounds of the same jurisdiction are compared");
        }
        return new RoundComparison(earlier, later, Comparison.between(score(earlier), score(later)));
    }

    @Transactional(readOnly = true)
    public List<RoundRevisions.Revision> history(Caller caller, UUID id) {
        RoundAccess access = readable(caller, id);
        if (!access.mayManage() && !access.isConvenor()) {
            throw new AccessRefused("A round's history is read by its convenor and platform administrators");
        }
        return revisions.of(id);
    }

    // ---- helpers

    private RoundAccess readable(Caller caller, UUID id) {
        AssessmentRound round =
                rounds.find(id).map(StoredRound::round).orElseThrow(() -> new RecordNotFound("round", id));
        RoundAccess access = new RoundAccess(organisations.viewer(caller), round);
        if (!access.mayRead()) {
            // do not reveal that a round the caller may not see exists
            throw new RecordNotFound("round", id);
        }
        return access;
    }

    private AssessmentRound managedForUpdate(Caller caller, UUID id, @Nullable Long expectedVersion) {
        AssessmentRound round =
                rounds.findForUpdate(id).map(StoredRound::round).orElseThrow(() -> new RecordNotFound("round", id));
        RoundAccess access = new RoundAccess(organisations.viewer(caller), round);
        if (!access.mayRead()) {
            throw new RecordNotFound("round", id);
        }
        if (!access.mayManage()) {
            throw new AccessRefused("A round is run by editors or administrators of its convening organisation");
        }
        if (expectedVersion != null && round.version() != expectedVersion) {
            throw new StaleVersion("round", id, expectedVersion);
        }
        return round;
    }

    /**
     * The convenor and the respondents must be organisations the service knows, that the caller may see (one hidden
     * from the caller is answered as an unknown one) and that can take part; and a round is never answered both by an
     * enforcement body and by an organisation hidden from enforcement bodies, whose answers it would be shown.
     */
    private void checkReferences(Viewer viewer, RoundProfile profile) {
        usable(viewer, "convenorId", profile.convenorId());
        List<String> problems = new ArrayList<>();
        List<KnownOrganisation> known = new ArrayList<>();
        for (UUID r : profile.respondentIds()) {
            var found = organisations.find(r).filter(o -> viewer.maySeeOrganisation(o.id()));
            if (found.isEmpty()) {
                problems.add("no organisation " + r);
            } else if (!found.get().canTakePart()) {
                problems.add("organisation " + r + " is " + found.get().status() + " and cannot take part");
            } else {
                known.add(found.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new UnprocessableReference("respondentIds", String.join("; ", problems));
        }
        organisations.find(profile.convenorId()).ifPresent(known::add);
        if (known.stream().anyMatch(KnownOrganisation::enforcementBody)
                && known.stream().anyMatch(KnownOrganisation::hidden)) {
            throw new UnprocessableReference(
                    "respondentIds",
                    "an enforcement body and an organisation hidden from "
                            + "enforcement bodies cannot take part in the same round");
        }
    }

    private void usable(Viewer viewer, String field, UUID id) {
        var known = organisations
                .find(id)
                .filter(o -> viewer.maySeeOrganisation(o.id()))
                .orElseThrow(() -> new UnprocessableReference(field, "no organisation " + id));
        if (!known.canTakePart()) {
            throw new UnprocessableReference(field, "the organisation is " + known.status() + " and cannot take part");
        }
    }

    private Instrument instrumentOf(AssessmentRound round) {
        return instruments
                .version(round.instrumentVersion())
                .filter(i -> i.id().equals(round.instrumentId()))
                .orElseThrow(() -> new IllegalStateException("instrument " + round.instrumentId() + " v"
                        + round.instrumentVersion() + " of round " + round.id() + " is not loaded"));
    }

    private RoundScores score(AssessmentRound round) {
        Map<UUID, Map<String, Answer>> answers = responses.answersOf(round.id());
        return Scoring.score(instrumentOf(round), round.profile().respondentIds(), answers);
    }

    /**
     * The classification of the events about a round: the round's own (while it runs, its forums' or else its
     * participants'; once published, public), raised to RESTRICTED when it names an organisation hidden from
     * enforcement bodies, so that no projection or notification shows it to them.
     */
    private DataClassification classificationOfEvents(AssessmentRound round) {
        List<RecordScope> named = round.profile().respondentIds().stream()
                .map(r -> RecordScope.of(
                        r, round.classification(), round.profile().sharedWithForums()))
                .toList();
        return RecordScope.strictest(
                round.classification(), named, organisations.hiddenFromEnforcementBodies()::contains);
    }

    private static Score score(org.arrival.assessments.rounds.domain.Tally tally) {
        return new Score(
                tally.points(), tally.max(), tally.assessedMax(), tally.questionsAssessed(), tally.questions());
    }

    public static org.arrival.contracts.assessments.AssessmentRound snapshot(AssessmentRound r) {
        RoundProfile p = r.profile();
        return new org.arrival.contracts.assessments.AssessmentRound(
                r.id(),
                r.version(),
                p.title(),
                p.jurisdiction(),
                p.convenorId(),
                p.respondentIds(),
                r.instrumentId(),
                r.instrumentVersion(),
                p.closesOn(),
                p.sharedWithForums(),
                r.status());
    }

    /**
     * A respondent's answers as shown to the caller; {@code submittedAt} and {@code version} are null when it has not
     * answered yet.
     */
    public record RespondentAnswers(
            UUID roundId,
            UUID respondentId,
            @Nullable Instant submittedAt,
            List<GivenAnswer> answers,
            int questions,
            boolean evidenceShown,
            @Nullable Long version) {}

    /** Scores with what the caller may see of them: who said what only for the convenor and administrators. */
    public record VisibleScores(
            AssessmentRound round,
            RoundScores scores,
            boolean whoSaidWhat,
            @Nullable UUID viewerOrganisation) {}

    public record RoundComparison(AssessmentRound from, AssessmentRound to, Comparison comparison) {}
}
