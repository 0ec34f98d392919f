package org.arrival.assessments.population.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.population.domain.Estimate;
import org.arrival.assessments.population.domain.EstimateDetails;
import org.arrival.assessments.population.domain.Suppression;
import org.arrival.assessments.population.domain.Suppression.ShownCounts;
import org.arrival.assessments.population.persistence.EstimateRepository;
import org.arrival.assessments.population.persistence.EstimateRepository.EstimateFilter;
import org.arrival.assessments.population.persistence.EstimateRepository.StoredEstimate;
import org.arrival.assessments.shared.application.EvidenceAccess;
import org.arrival.assessments.shared.persistence.EvidenceRevisions;
import org.arrival.contracts.assessments.PopulationEstimate;
import org.arrival.contracts.assessments.PopulationEstimateRecorded;
import org.arrival.contracts.assessments.PopulationEstimateRevised;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording and revising population estimates. Only the owning organisation sees its counts exactly; everyone
 * else, and every event, sees them through the disclosure control of {@link Suppression} (0 to 4 as "&lt;5", others
 * rounded to a multiple of 5, complementary cells of breakdowns hidden). Enforcement bodies record no estimates, never
 * see exact counts and never see RESTRICTED estimates or those of organisations hidden from them.
 */
@Service
public class PopulationService {

    public static final String RECORD_TYPE = "population_estimate";
    private static final String NAME = "population estimate";

    private final EstimateRepository estimates;
    private final EvidenceRevisions revisions;
    private final EvidenceAccess access;
    private final Outbox outbox;

    public PopulationService(
            EstimateRepository estimates, EvidenceRevisions revisions, EvidenceAccess access, Outbox outbox) {
        this.estimates = estimates;
        this.revisions = revisions;
        this.access = access;
        this.outbox = outbox;
    }

    @Transactional
    public SeenEstimate record(Caller caller, EstimateDetails details) {
        UUID owner = EvidenceAccess.requireEditor(caller, "record population estimates");
        Viewer viewer = access.viewer(caller);
        if (viewer.enforcementBody()) {
            throw new AccessRefused("Enforcement bodies do not record population estimates");
        }
        details.validated(access.today());
        Estimate e = Estimate.record(UUID.randomUUID(), owner, details);
        Instant at = access.clock().instant();
        estimates.insert(e, caller.userId(), at);
        publish(e, new PopulationEstimateRecorded(published(e), caller.toActor()), at);
        return seen(viewer, estimates.find(e.id()).orElseThrow());
    }

    @Transactional
    public SeenEstimate revise(Caller caller, UUID id, long expectedVersion, EstimateDetails details) {
        Viewer viewer = access.viewer(caller);
        Estimate current = estimates
                .findForUpdate(id)
                .filter(s -> visible(viewer, s))
                .map(StoredEstimate::estimate)
                .orElseThrow(() -> new RecordNotFound(NAME, id));
        if (!viewer.owns(current.ownerId())) {
            throw new AccessRefused("Only the organisation that recorded an estimate may revise it");
        }
        EvidenceAccess.requireEditor(caller, "revise population estimates");
        if (current.version() != expectedVersion) {
            throw new StaleVersion(NAME, id, expectedVersion);
        }
        details.validated(access.today());
        List<String> changed = current.details().changesTo(details);
        if (changed.isEmpty()) {
            return seen(viewer, estimates.find(id).orElseThrow());
        }
        Estimate next = current.revise(details);
        Instant at = access.clock().instant();
        estimates.update(next, caller.userId(), at);
        publish(next, new PopulationEstimateRevised(published(next), caller.toActor(), changed), at);
        return seen(viewer, estimates.find(id).orElseThrow());
    }

    /**
     * What others would see of these counts, checked as a recording is and stored nowhere: for the owner to see,
     * before saving, what its readers will.
     */
    public ShownCounts preview(Caller caller, EstimateDetails details) {
        EvidenceAccess.requireEditor(caller, "record population estimates");
        if (access.viewer(caller).enforcementBody()) {
            throw new AccessRefused("Enforcement bodies do not record population estimates");
        }
        return Suppression.of(details.validated(access.today()), false);
    }

    @Transactional(readOnly = true)
    public SeenEstimate get(Caller caller, UUID id) {
        Viewer viewer = access.viewer(caller);
        return estimates
                .find(id)
                .filter(s -> visible(viewer, s))
                .map(s -> seen(viewer, s))
                .orElseThrow(() -> new RecordNotFound(NAME, id));
    }

    @Transactional(readOnly = true)
    public PageResult<SeenEstimate> list(Caller caller, EstimateFilter filter, PageQuery page) {
        Viewer viewer = access.viewer(caller);
        return estimates.search(filter, viewer, page).map(s -> seen(viewer, s));
    }

    @Transactional(readOnly = true)
    public List<RecordHistory.Revision> history(Caller caller, UUID id) {
        SeenEstimate seen = get(caller, id);
        if (!access.viewer(caller).owns(seen.stored().estimate().ownerId())) {
            throw new AccessRefused("Only the organisation that recorded an estimate may read its history");
        }
        return revisions.of(RECORD_TYPE, id);
    }

    private boolean visible(Viewer viewer, StoredEstimate s) {
        var d = s.estimate().details();
        return viewer.mayRead(s.estimate().ownerId(), d.classification(), d.sharedWithForums());
    }

    private static SeenEstimate seen(Viewer viewer, StoredEstimate s) {
        return new SeenEstimate(s, viewer.seesSmallCounts(s.estimate().ownerId()));
    }

    private void publish(Estimate e, Object event, Instant at) {
        outbox.append(OutgoingEvent.about(e.id(), e.ownerId(), e.details().classification(), event)
                .at(at));
        revisions.record(RECORD_TYPE, e.id(), e.version(), event, at);
    }

    /** The estimate as events carry it: others read the topics, so counts are always as others see them. */
    static PopulationEstimate published(Estimate e) {
        return snapshot(e, false);
    }

    public static PopulationEstimate snapshot(Estimate e, boolean exact) {
        EstimateDetails d = e.details();
        ShownCounts counts = Suppression.of(d, exact);
        return new PopulationEstimate(
                e.id(),
                e.version(),
                e.ownerId(),
                d.seriesId(),
                d.area(),
                d.group(),
                counts.registered(),
                counts.estimated(),
                d.breakdown().isEmpty() ? null : counts.breakdown(),
                d.source(),
                d.method(),
                d.asOf(),
                d.sharedWithForums().isEmpty() ? null : d.sharedWithForums());
    }

    /** An estimate and whether the caller sees its small counts. */
    public record SeenEstimate(StoredEstimate stored, boolean exact) {}
}
