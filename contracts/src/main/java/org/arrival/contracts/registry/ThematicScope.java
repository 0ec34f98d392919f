package org.arrival.contracts.registry;

import java.util.List;

import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;

/** What a forum works on: sectors and population groups, with a short mandate. */
public record ThematicScope(List<Sector> sectors, List<PopulationGroup> populationGroups, String mandate) {
}
