package org.arrival.registry.forums.persistence;

import java.util.UUID;

import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.ForumStatus;
import org.arrival.contracts.registry.ForumType;

/** What a forum listing is narrowed to; every part is optional. */
public record ForumFilter(ForumType type, String country, String subdivision, Sector sector, PopulationGroup group,
        ForumStatus status, UUID parent, UUID member, String text) {
}
