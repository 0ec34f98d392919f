package org.arrival.contracts.registry;

import java.util.List;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.jspecify.annotations.Nullable;

/**
 * What a forum works on: sectors and population groups, with a short mandate, and the languages it works in (BCP 47
 * tags such as {@code en}, {@code fr}, {@code ar}, {@code sw}, {@code lg}).
 */
public record ThematicScope(
        @Nullable List<Sector> sectors,
        @Nullable List<PopulationGroup> populationGroups,
        @Nullable String mandate,
        @Nullable List<String> languages) {

    public ThematicScope(
            @Nullable List<Sector> sectors,
            @Nullable List<PopulationGroup> populationGroups,
            @Nullable String mandate) {
        this(sectors, populationGroups, mandate, null);
    }
}
