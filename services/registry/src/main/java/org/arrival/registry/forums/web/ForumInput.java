package org.arrival.registry.forums.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.ForumType;
import org.arrival.contracts.registry.ThematicScope;
import org.arrival.registry.forums.domain.ForumProfile;
import org.arrival.registry.shared.web.PlaceInput;

/** A forum's profile as sent to establish or replace it. */
public record ForumInput(
        @NotBlank @Size(max = 300) String name,
        @NotNull ForumType type,
        @Valid PlaceInput geographicScope,
        @Valid ScopeInput thematicScope,
        @NotNull UUID convenorId,
        UUID chairId,
        UUID secretariatId,
        UUID parentForumId) {

    public ForumProfile toProfile() {
        return new ForumProfile(name, type, geographicScope == null ? null : geographicScope.toJurisdiction(),
                thematicScope == null ? null
                        : new ThematicScope(thematicScope.sectors(), thematicScope.populationGroups(), thematicScope.mandate()),
                convenorId, chairId, secretariatId, parentForumId);
    }

    /** The sectors and population groups the forum works on, and its mandate in a few sentences. */
    public record ScopeInput(
            @Size(max = 25) List<@NotNull Sector> sectors,
            @Size(max = 15) List<@NotNull PopulationGroup> populationGroups,
            @Size(max = 4000) String mandate) {
    }
}
