package org.arrival.registry.stakeholders.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.ExternalIdentifier;
import org.arrival.contracts.registry.FormalStatus;
import org.arrival.contracts.registry.GovernmentLevel;
import org.arrival.contracts.registry.OrganisationContact;
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.contracts.registry.StakeholderType;
import org.arrival.registry.stakeholders.persistence.StakeholderRepository.StoredStakeholder;
import org.jspecify.annotations.Nullable;

/** A stakeholder as the API shows it. */
public record StakeholderView(
        UUID id,
        long version,
        String name,
        @Nullable String acronym,
        StakeholderType type,
        @Nullable GovernmentLevel governmentLevel,
        @Nullable Jurisdiction jurisdiction,
        List<Sector> sectors,
        List<ExternalIdentifier> externalIdentifiers,
        boolean enforcementBody,
        @Nullable FormalStatus formalStatus,
        boolean hiddenFromEnforcementBodies,
        @Nullable OrganisationContact contact,
        StakeholderStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public static StakeholderView of(StoredStakeholder stored) {
        var s = stored.stakeholder();
        var p = s.profile();
        return new StakeholderView(
                s.id(),
                s.version(),
                p.name(),
                p.acronym(),
                p.type(),
                p.governmentLevel(),
                p.jurisdiction(),
                p.sectors(),
                p.externalIdentifiers(),
                p.enforcementBody(),
                p.formalStatus(),
                p.hiddenFromEnforcementBodies(),
                p.contact(),
                s.status(),
                stored.createdAt(),
                stored.updatedAt());
    }
}
