package org.arrival.registry.forums.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.ForumType;
import org.arrival.contracts.registry.ThematicScope;
import org.arrival.registry.shared.Text;

/** What a forum is, where and on what it works, and who convenes, chairs and runs its secretariat. */
public record ForumProfile(
        String name,
        ForumType type,
        Jurisdiction geographicScope,
        ThematicScope thematicScope,
        UUID convenorId,
        UUID chairId,
        UUID secretariatId,
        UUID parentForumId) {

    public ForumProfile {
        name = Text.required(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(convenorId, "convenorId");
        geographicScope = Text.jurisdiction(geographicScope, "geographicScope");
        thematicScope = normalise(thematicScope);
    }

    private static ThematicScope normalise(ThematicScope scope) {
        if (scope == null) {
            return null;
        }
        List<Sector> sectors = scope.sectors() == null ? List.of() : List.copyOf(new LinkedHashSet<>(scope.sectors()));
        List<PopulationGroup> groups = scope.populationGroups() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(scope.populationGroups()));
        String mandate = Text.optional(scope.mandate());
        if (sectors.isEmpty() && groups.isEmpty() && mandate == null) {
            return null;
        }
        return new ThematicScope(sectors.isEmpty() ? null : sectors, groups.isEmpty() ? null : groups, mandate);
    }

    /** Whether the organisation convenes, chairs or runs the secretariat of the forum. */
    public boolean managedBy(UUID organisation) {
        return organisation != null && (organisation.equals(convenorId) || organisation.equals(chairId)
                || organisation.equals(secretariatId));
    }

    public List<String> changedFrom(ForumProfile other) {
        List<String> changed = new ArrayList<>();
        diff(changed, "name", name, other.name);
        diff(changed, "type", type, other.type);
        diff(changed, "geographicScope", geographicScope, other.geographicScope);
        diff(changed, "thematicScope", thematicScope, other.thematicScope);
        diff(changed, "convenorId", convenorId, other.convenorId);
        diff(changed, "chairId", chairId, other.chairId);
        diff(changed, "secretariatId", secretariatId, other.secretariatId);
        diff(changed, "parentForumId", parentForumId, other.parentForumId);
        return changed;
    }

    private static void diff(List<String> changed, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(field);
        }
    }
}
