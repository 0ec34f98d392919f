package org.arrival.registry.forums.persistence;

import java.util.UUID;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.ForumStatus;
import org.arrival.contracts.registry.ForumType;
import org.jspecify.annotations.Nullable;

/** What a forum listing is narrowed to; every part is optional. */
public record ForumFilter(
        @Nullable ForumType type,
        @Nullable String country,
        @Nullable String subdivision,
        @Nullable Sector sector,
        @Nullable PopulationGroup group,
        @Nullable ForumStatus status,
        @Nullable UUID parent,
        @Nullable UUID member,
        @Nullable String text) {}
