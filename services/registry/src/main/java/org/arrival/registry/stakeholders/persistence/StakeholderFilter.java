package org.arrival.registry.stakeholders.persistence;

import java.util.UUID;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.GovernmentLevel;
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.contracts.registry.StakeholderType;
import org.jspecify.annotations.Nullable;

/** What a stakeholder listing is narrowed to; every part is optional. */
public record StakeholderFilter(
        @Nullable StakeholderType type,
        @Nullable GovernmentLevel governmentLevel,
        @Nullable String country,
        @Nullable String subdivision,
        @Nullable String areaCode,
        @Nullable Sector sector,
        @Nullable UUID forum,
        @Nullable StakeholderStatus status,
        @Nullable Boolean enforcementBody,
        @Nullable String text) {}
