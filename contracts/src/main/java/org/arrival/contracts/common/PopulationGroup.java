package org.arrival.contracts.common;

/** Population groups that records may concern. Only aggregates about them ever enter the platform. */
public enum PopulationGroup {
    REFUGEES,
    ASYLUM_SEEKERS,
    IDPS,
    RETURNEES,
    MIGRANT_WORKERS,
    RURAL_URBAN_MIGRANTS,
    URBAN_DISPLACED,
    TRANSIT_MIGRANTS,
    UNDOCUMENTED_MIGRANTS,
    CLIMATE_DISPLACED,
    TRAFFICKING_SURVIVORS,
    STATELESS_PERSONS,
    DIASPORA,
    HOST_COMMUNITY,
    ALL_RESIDENTS
}
