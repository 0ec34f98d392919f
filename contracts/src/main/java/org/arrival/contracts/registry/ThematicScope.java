package org.arrival.contracts.registry;

import java.util.List;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.jspecify.annotations.Nullable;

/** What a forum works on: sectors and population groups, with a short mandate. */
public record ThematicScope(
        @Nullable List<Sector> sectors,
        @Nullable List<PopulationGroup> populationGroups,
        @Nullable String mandate) {}
