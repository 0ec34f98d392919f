package org.arrival.registry.forums.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.ForumType;
import org.arrival.contracts.registry.ThematicScope;
import org.arrival.registry.shared.FieldChanges;
import org.arrival.registry.shared.Text;
import org.jspecify.annotations.Nullable;

/** What a forum is, where and on what it works, and who convenes, chairs and runs its secretariat. */
public record ForumProfile(
        String name,
        ForumType type,
        @Nullable Jurisdiction geographicScope,
        @Nullable ThematicScope thematicScope,
        UUID convenorId,
        @Nullable UUID chairId,
        @Nullable UUID secretariatId,
        @Nullable UUID parentForumId) {

    public ForumProfile {
        name = Text.required(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(convenorId, "convenorId");
        geographicScope = Text.jurisdiction(geographicScope, "geographicScope");
        thematicScope = normalise(thematicScope);
    }

    private static @Nullable ThematicScope normalise(@Nullable ThematicScope scope) {
        if (scope == null) {
            return null;
        }
        List<Sector> sectors = scope.sectors() == null ? List.of() : List.copyOf(new LinkedHashSet<>(scope.sectors()));
        List<PopulationGroup> groups = scope.populationGroups() == null
                ? List.of()
                : List.copyOf(new LinkedHashSet<>(scope.populationGroups()));
        String mandate = Text.optional(scope.mandate());
        List<String> languages =
                scope.languages() == null ? List.of() : List.copyOf(new LinkedHashSet<>(scope.languages()));
        if (sectors.isEmpty() && groups.isEmpty() && mandate == null && languages.isEmpty()) {
            return null;
        }
        return new ThematicScope(
                sectors.isEmpty() ? null : sectors,
                groups.isEmpty() ? null : groups,
                mandate,
                languages.isEmpty() ? null : languages);
    }

    /** Whether the organisation convenes, chairs or runs the secretariat of the forum. */
    public boolean managedBy(@Nullable UUID organisation) {
        return organisation != null
                && (organisation.equals(convenorId)
                        || organisation.equals(chairId)
                        || organisation.equals(secretariatId));
    }

    public List<String> changedFrom(ForumProfile other) {
        return new FieldChanges()
                .compare("name", other.name, name)
                .compare("type", other.type, type)
                .compare("geographicScope", other.geographicScope, geographicScope)
                .compare("thematicScope", other.thematicScope, thematicScope)
                .compare("convenorId", other.convenorId, convenorId)
                .compare("chairId", other.chairId, chairId)
                .compare("secretariatId", other.secretariatId, secretariatId)
                .compare("parentForumId", other.parentForumId, parentForumId)
                .list();
    }
}
