package org.arrival.registry.forums.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.ForumType;
import org.arrival.contracts.registry.ThematicScope;
import org.arrival.registry.forums.domain.ForumProfile;
import org.arrival.registry.shared.web.PlaceInput;
import org.jspecify.annotations.Nullable;

/** A forum's profile as sent to establish or replace it. */
public record ForumInput(
        @NotBlank @Size(max = 300) String name,
        @NotNull ForumType type,
        @Valid @Nullable PlaceInput geographicScope,
        @Valid @Nullable ScopeInput thematicScope,
        @NotNull UUID convenorId,
        @Nullable UUID chairId,
        @Nullable UUID secretariatId,
        @Nullable UUID parentForumId) {

    public ForumProfile toProfile() {
        return new ForumProfile(
                name,
                type,
                geographicScope == null ? null : geographicScope.toJurisdiction("geographicScope"),
                thematicScope == null
                        ? null
                        : new ThematicScope(
                                thematicScope.sectors(),
                                thematicScope.populationGroups(),
                                thematicScope.mandate(),
                                thematicScope.languages()),
                convenorId,
                chairId,
                secretariatId,
                parentForumId);
    }

    /**
     * The sectors and population groups the forum works on, its mandate in a few sentences, and the languages it
     * works in (BCP 47 tags: {@code en}, {@code sw}, {@code pt-BR}).
     */
    public record ScopeInput(
            @Size(max = 25) @Nullable List<@NotNull Sector> sectors,
            @Size(max = 15) @Nullable List<@NotNull PopulationGroup> populationGroups,
            @Size(max = 4000) @Nullable String mandate,

            @Size(max = 20) @Nullable
            List<@NotNull @Pattern(regexp = LANGUAGE, message = "must be a language tag such as en, fr or sw") String>
                    languages) {

        static final String LANGUAGE = "^[a-z]{2,3}(-[A-Z]{2})?$";
    }
}
