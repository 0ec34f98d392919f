package org.arrival.actionplans.actions.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionOrientation;
import org.arrival.contracts.actionplans.Participant;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.web.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * What an action says: its plan, what it is (its kind and, optionally, its orientation: humanitarian, development,
 * peacebuilding or nexus), for whom, where and when, who takes part, where it sits in the vertical cascade, and what it
 * answers (needs, checklist gaps, framework items).
 */
public record ActionDetails(
        @Nullable UUID planId,
        String title,
        @Nullable String description,
        ActionKind kind,
        @Nullable ActionOrientation orientation,
        List<Sector> sectors,
        List<PopulationGroup> targetGroups,
        List<Jurisdiction> areas,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        ReportingCadence reportingCadence,
        List<Participant> participants,
        @Nullable UUID implementsActionId,
        boolean requiresLocalImplementation,
        List<UUID> expectedImplementers,
        @Nullable Integer weight,
        List<UUID> needIds,
        List<UUID> gapIds,
        List<String> frameworkItems,
        DataClassification classification,
        List<UUID> sharedWithForums) {

    public static final int DEFAULT_WEIGHT = 1;

    public ActionDetails {
        title = title == null || title.isBlank() ? null : title.strip();
        description = description == null || description.isBlank() ? null : description.strip();
        sectors = distinct(sectors);
        targetGroups = distinct(targetGroups);
        areas = distinct(areas);
        participants = distinct(participants);
        expectedImplementers = distinct(expectedImplementers);
        needIds = distinct(needIds);
        gapIds = distinct(gapIds);
        frameworkItems = distinct(frameworkItems);
        classification = classification == null ? DataClassification.FORUM : classification;
        sharedWithForums = distinct(sharedWithForums);
        if (implementsActionId != null && weight == null) {
            weight = DEFAULT_WEIGHT;
        }
    }

    private static <T> List<T> distinct(@Nullable List<T> values) {
        return values == null
                ? List.of()
                : List.copyOf(new LinkedHashSet<>(
                        values.stream().filter(Objects::nonNull).toList()));
    }

    public ActionDetails validated() {
        if (title == null) {
            throw InvalidInput.field("title", "must not be blank");
        }
        if (kind == null) {
            throw InvalidInput.field("kind", "is required");
        }
        if (reportingCadence == null) {
            throw InvalidInput.field("reportingCadence", "is required");
        }
        if (sectors.isEmpty()) {
            throw InvalidInput.field("sectors", "name at least one sector");
        }
        for (Jurisdiction area : areas) {
            if (area.country() == null) {
                throw InvalidInput.field("areas.country", "is required");
            }
            if (area.subdivision() != null && !area.subdivision().startsWith(area.country() + "-")) {
                throw InvalidInput.field(
                        "areas.subdivision", area.subdivision() + " is not a subdivision of " + area.country());
            }
        }
        if (startDate != null && endDate != null && startDate.isAfter(endDate)) {
            throw InvalidInput.field("endDate", "must not be before startDate");
        }
        if (weight != null && implementsActionId == null) {
            throw InvalidInput.field(
                    "weight", "applies only to an action that implements another (implementsActionId)");
        }
        if (weight != null && (weight < 1 || weight > 100)) {
            throw InvalidInput.field("weight", "must be between 1 and 100");
        }
        if (!requiresLocalImplementation && !expectedImplementers.isEmpty()) {
            throw InvalidInput.field(
                    "expectedImplementers", "apply only to a commitment that requiresLocalImplementation");
        }
        for (Participant p : participants) {
            if (p.organisationId() == null || p.role() == null) {
                throw InvalidInput.field("participants", "each needs an organisationId and a role");
            }
        }
        return this;
    }

    /**
     * The details with only the references a viewer may see: organisations (participants, expected implementers),
     * the plan, the commitment implemented (with its weight) and needs the predicates let through. What a viewer
     * may not see is left out as if it were not there.
     */
    public ActionDetails withReferences(Predicate<UUID> organisationShown, Predicate<UUID> recordShown) {
        boolean parentShown = implementsActionId == null || recordShown.test(implementsActionId);
        return new ActionDetails(
                planId == null || recordShown.test(planId) ? planId : null,
                title,
                description,
                kind,
                orientation,
                sectors,
                targetGroups,
                areas,
                startDate,
                endDate,
                reportingCadence,
                participants.stream()
                        .filter(p -> organisationShown.test(p.organisationId()))
                        .toList(),
                parentShown ? implementsActionId : null,
                requiresLocalImplementation,
                expectedImplementers.stream().filter(organisationShown).toList(),
                parentShown ? weight : null,
                needIds.stream().filter(recordShown).toList(),
                gapIds,
                frameworkItems,
                classification,
                sharedWithForums);
    }

    public List<String> changesTo(ActionDetails next) {
        List<String> changed = new ArrayList<>();
        diff(changed, "planId", planId, next.planId);
        diff(changed, "title", title, next.title);
        diff(changed, "description", description, next.description);
        diff(changed, "kind", kind, next.kind);
        diff(changed, "orientation", orientation, next.orientation);
        diff(changed, "sectors", Set.copyOf(sectors), Set.copyOf(next.sectors));
        diff(changed, "targetGroups", Set.copyOf(targetGroups), Set.copyOf(next.targetGroups));
        diff(changed, "areas", Set.copyOf(areas), Set.copyOf(next.areas));
        diff(changed, "startDate", startDate, next.startDate);
        diff(changed, "endDate", endDate, next.endDate);
        diff(changed, "reportingCadence", reportingCadence, next.reportingCadence);
        diff(changed, "participants", Set.copyOf(participants), Set.copyOf(next.participants));
        diff(changed, "implementsActionId", implementsActionId, next.implementsActionId);
        diff(changed, "requiresLocalImplementation", requiresLocalImplementation, next.requiresLocalImplementation);
        diff(changed, "expectedImplementers", Set.copyOf(expectedImplementers), Set.copyOf(next.expectedImplementers));
        diff(changed, "weight", weight, next.weight);
        diff(changed, "needIds", Set.copyOf(needIds), Set.copyOf(next.needIds));
        diff(changed, "gapIds", Set.copyOf(gapIds), Set.copyOf(next.gapIds));
        diff(changed, "frameworkItems", Set.copyOf(frameworkItems), Set.copyOf(next.frameworkItems));
        diff(changed, "classification", classification, next.classification);
        diff(changed, "sharedWithForums", Set.copyOf(sharedWithForums), Set.copyOf(next.sharedWithForums));
        return changed;
    }

    /** The values of {@code next} not already in {@code current}: what an edit adds. */
    public static <T> List<T> added(List<T> current, List<T> next) {
        Set<T> had = Set.copyOf(current);
        return next.stream().filter(v -> !had.contains(v)).toList();
    }

    private static void diff(List<String> changed, String name, @Nullable Object a, @Nullable Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(name);
        }
    }
}
