package org.arrival.assessments.needs.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.BarrierType;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.web.InvalidInput;
import org.jspecify.annotations.Nullable;

/** What a need says: what is lacking, in which sector, for whom, where, how severe, what stands in the way. */
public record NeedDetails(
        String statement,
        Sector sector,
        List<PopulationGroup> populationGroups,
        Jurisdiction area,
        Severity severity,
        List<BarrierType> barriers,
        List<String> evidenceReferences,
        @Nullable UUID roundId,
        DataClassification classification,
        List<UUID> sharedWithForums) {

    public NeedDetails {
        statement = statement == null || statement.isBlank() ? null : statement.strip();
        populationGroups = populationGroups == null ? List.of() : List.copyOf(new LinkedHashSet<>(populationGroups));
        barriers = barriers == null ? List.of() : List.copyOf(new LinkedHashSet<>(barriers));
        evidenceReferences = evidenceReferences == null
                ? List.of()
                : evidenceReferences.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        classification = classification == null ? DataClassification.FORUM : classification;
        sharedWithForums = sharedWithForums == null ? List.of() : List.copyOf(new LinkedHashSet<>(sharedWithForums));
    }

    public NeedDetails validated() {
        if (statement == null) {
            throw InvalidInput.field("statement", "must not be blank");
        }
        if (sector == null) {
            throw InvalidInput.field("sector", "is required");
        }
        if (populationGroups.isEmpty()) {
            throw InvalidInput.field("populationGroups", "name at least one population group");
        }
        if (area == null || area.country() == null) {
            throw InvalidInput.field("area.country", "is required");
        }
        if (area.subdivision() != null && !area.subdivision().startsWith(area.country() + "-")) {
            throw InvalidInput.field("area.subdivision", "must be a subdivision of " + area.country());
        }
        if (severity == null) {
            throw InvalidInput.field("severity", "is required");
        }
        return this;
    }

    /** The same details without the round they point at, for a reader who may not read that round. */
    public NeedDetails withoutRound() {
        return new NeedDetails(
                statement,
                sector,
                populationGroups,
                area,
                severity,
                barriers,
                evidenceReferences,
                null,
                classification,
                sharedWithForums);
    }

    public List<String> changesTo(NeedDetails next) {
        List<String> changed = new ArrayList<>();
        diff(changed, "statement", statement, next.statement);
        diff(changed, "sector", sector, next.sector);
        diff(changed, "populationGroups", Set.copyOf(populationGroups), Set.copyOf(next.populationGroups));
        diff(changed, "area", area, next.area);
        diff(changed, "severity", severity, next.severity);
        diff(changed, "barriers", Set.copyOf(barriers), Set.copyOf(next.barriers));
        diff(changed, "evidenceReferences", evidenceReferences, next.evidenceReferences);
        diff(changed, "roundId", roundId, next.roundId);
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
