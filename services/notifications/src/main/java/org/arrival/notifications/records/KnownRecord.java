package org.arrival.notifications.records;

import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.jspecify.annotations.Nullable;

/**
 * What the service knows of a record from the events about it: its kind (ACTION, PLAN, NEED, ROUND, ...), owner,
 * classification, the forums it is shared with (empty when unknown), sectors, areas, parent plan and title.
 */
public record KnownRecord(
        UUID id,
        String kind,
        @Nullable UUID ownerId,
        DataClassification classification,
        List<UUID> forums,
        List<String> sectors,
        List<String> countries,
        List<String> subdivisions,
        @Nullable UUID planId,
        @Nullable String title) {

    public KnownRecord {
        forums = forums == null ? List.of() : List.copyOf(forums);
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        countries = countries == null ? List.of() : List.copyOf(countries);
        subdivisions = subdivisions == null ? List.of() : List.copyOf(subdivisions);
    }

    /** A record only known by id, kind and (perhaps) owner, from an event about one of its children. */
    public static KnownRecord stub(UUID id, String kind, @Nullable UUID owner, DataClassification classification) {
        return new KnownRecord(id, kind, owner, classification, List.of(), List.of(), List.of(), List.of(), null, null);
    }
}
