package org.arrival.actionplans.plans.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Inclusion;
import org.arrival.contracts.actionplans.NupPhase;
import org.arrival.contracts.actionplans.PlanType;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.platform.web.InvalidInput;
import org.jspecify.annotations.Nullable;

/** What a plan says: its kind, title, place, period, objectives, policy phase and inclusion indicators. */
public record PlanDetails(
        String title,
        PlanType type,
        Jurisdiction jurisdiction,
        @Nullable LocalDate periodStart,
        @Nullable LocalDate periodEnd,
        List<String> objectives,
        @Nullable NupPhase nupPhase,
        Inclusion inclusion,
        DataClassification classification,
        List<UUID> sharedWithForums) {

    public PlanDetails {
        title = title == null || title.isBlank() ? null : title.strip();
        objectives = objectives == null
                ? List.of()
                : objectives.stream()
                        .filter(Objects::nonNull)
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        inclusion = inclusion == null ? new Inclusion(false, false, false) : inclusion;
        classification = classification == null ? DataClassification.FORUM : classification;
        sharedWithForums = sharedWithForums == null ? List.of() : List.copyOf(new LinkedHashSet<>(sharedWithForums));
    }

    public PlanDetails validated() {
        if (title == null) {
            throw InvalidInput.field("title", "must not be blank");
        }
        if (type == null) {
            throw InvalidInput.field("type", "is required");
        }
        if (jurisdiction == null || jurisdiction.country() == null) {
            throw InvalidInput.field("jurisdiction.country", "is required");
        }
        if (jurisdiction.subdivision() != null
                && !jurisdiction.subdivision().startsWith(jurisdiction.country() + "-")) {
            throw InvalidInput.field("jurisdiction.subdivision", "must be a subdivision of " + jurisdiction.country());
        }
        if (periodStart != null && periodEnd != null && periodStart.isAfter(periodEnd)) {
            throw InvalidInput.field("periodEnd", "must not be before periodStart");
        }
        if (nupPhase != null && type != PlanType.NATIONAL_URBAN_POLICY) {
            throw InvalidInput.field("nupPhase", "applies only to NATIONAL_URBAN_POLICY plans");
        }
        return this;
    }

    public List<String> changesTo(PlanDetails next) {
        List<String> changed = new ArrayList<>();
        diff(changed, "title", title, next.title);
        diff(changed, "type", type, next.type);
        diff(changed, "jurisdiction", jurisdiction, next.jurisdiction);
        diff(changed, "periodStart", periodStart, next.periodStart);
        diff(changed, "periodEnd", periodEnd, next.periodEnd);
        diff(changed, "objectives", objectives, next.objectives);
        diff(changed, "nupPhase", nupPhase, next.nupPhase);
        diff(changed, "inclusion", inclusion, next.inclusion);
        diff(changed, "classification", classification, next.classification);
        diff(changed, "sharedWithForums", Set.copyOf(sharedWithForums), Set.copyOf(next.sharedWithForums));
        return changed;
    }

    private static void diff(List<String> changed, String name, @Nullable Object a, @Nullable Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(name);
        }
    }
}
