package org.arrival.forum.projection.domain;

import java.util.ArrayList;
import java.util.List;
import org.arrival.contracts.actionplans.Plan;
import org.arrival.contracts.actionplans.PlanRecorded;
import org.arrival.contracts.actionplans.PlanUpdated;
import org.arrival.contracts.assessments.Input;
import org.arrival.contracts.assessments.InputContributed;
import org.arrival.contracts.assessments.PopulationEstimate;
import org.arrival.contracts.assessments.PopulationEstimateRecorded;
import org.arrival.contracts.assessments.PopulationEstimateRevised;
import org.arrival.forum.projection.domain.Rows.InputRow;
import org.arrival.forum.projection.domain.Rows.PlanRow;
import org.arrival.forum.projection.domain.Rows.PopulationRow;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Projector}'s part for plans, population estimates and inputs. Plans and estimates carry their full
 * state and a version: a newer version replaces the row, an older or repeated one changes nothing. An input is
 * contributed once and never changes, so a repeat is the same fact.
 */
final class PlansAndEvidence {

    private PlansAndEvidence() {}

    static void apply(ProjectionStore store, ProjectedEvent event) {
        switch (event.name()) {
            case "PlanRecorded" ->
                plan(store, event, event.payloadAs(PlanRecorded.class).plan());
            case "PlanUpdated" ->
                plan(store, event, event.payloadAs(PlanUpdated.class).plan());
            case "PopulationEstimateRecorded" ->
                estimate(
                        store,
                        event,
                        event.payloadAs(PopulationEstimateRecorded.class).estimate());
            case "PopulationEstimateRevised" ->
                estimate(
                        store,
                        event,
                        event.payloadAs(PopulationEstimateRevised.class).estimate());
            case "InputContributed" ->
                input(store, event, event.payloadAs(InputContributed.class).input());
            default -> throw new IllegalArgumentException("not a plan or evidence event: " + event.type());
        }
    }

    private static void plan(ProjectionStore store, ProjectedEvent event, Plan p) {
        if (store.plan(p.planId()).map(r -> r.version >= p.version()).orElse(false)) {
            return;
        }
        PlanRow row = new PlanRow();
        row.id = p.planId();
        row.version = p.version();
        row.ownerId = p.ownerId();
        row.classification = event.classification().name();
        row.title = p.title();
        row.type = name(p.type());
        row.jurisdiction = p.jurisdiction();
        row.periodStart = p.periodStart();
        row.periodEnd = p.periodEnd();
        row.objectives = copy(p.objectives());
        row.nupPhase = name(p.nupPhase());
        row.inclusion = p.inclusion();
        row.sharedWithForums = copy(p.sharedWithForums());
        row.status = name(p.status());
        store.save(row);
    }

    private static void estimate(ProjectionStore store, ProjectedEvent event, PopulationEstimate e) {
        if (store.estimate(e.estimateId()).map(r -> r.version >= e.version()).orElse(false)) {
            return;
        }
        PopulationRow row = new PopulationRow();
        row.id = e.estimateId();
        row.version = e.version();
        row.ownerId = e.ownerId();
        row.classification = event.classification().name();
        row.seriesId = e.seriesId();
        row.area = e.area();
        row.group = name(e.group());
        row.registered = e.registered();
        row.estimated = e.estimated();
        row.breakdown = copy(e.breakdown());
        row.source = e.source();
        row.method = e.method();
        row.asOf = e.asOf();
        row.sharedWithForums = copy(e.sharedWithForums());
        store.save(row);
    }

    private static void input(ProjectionStore store, ProjectedEvent event, Input i) {
        if (store.input(i.inputId()).isPresent()) {
            return;
        }
        InputRow row = new InputRow();
        row.id = i.inputId();
        row.version = 1;
        row.contributorId = i.contributorId();
        row.classification = event.classification().name();
        row.kind = name(i.kind());
        row.subjectType = i.subjectType();
        row.subjectId = i.subjectId();
        row.collectedOn = i.collectedOn();
        row.participants = i.participants();
        row.sharedWithForums = copy(i.sharedWithForums());
        store.save(row);
    }

    private static <T> List<T> copy(@Nullable List<T> values) {
        List<T> out = new ArrayList<>();
        if (values != null) {
            values.stream().filter(v -> v != null).forEach(out::add);
        }
        return out;
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
