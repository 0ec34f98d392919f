package org.arrival.registry.stakeholders.persistence;

import java.util.UUID;

import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.GovernmentLevel;
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.contracts.registry.StakeholderType;

/** What a stakeholder listing is narrowed to; every part is optional. */
public record StakeholderFilter(
        StakeholderType type,
        GovernmentLevel governmentLevel,
        String country,
        String subdivision,
        String areaCode,
        Sector sector,
        UUID forum,
        StakeholderStatus status,
        Boolean enforcementBody,
        String text) {
}
