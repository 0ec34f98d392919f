package org.arrival.contracts.registry;

import java.util.List;
import java.util.UUID;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.Sector;
import org.jspecify.annotations.Nullable;

/**
 * The full state of a stakeholder (an organisation) after a change, as carried by every stakeholder event.
 *
 * @param enforcementBody the organisation has an immigration, policing or security function: it never
 *        receives restricted data
 * @param hiddenFromEnforcementBodies enforcement bodies cannot see this organisation at all
 */
public record Stakeholder(
        UUID stakeholderId,
        long version,
        String name,
        @Nullable String acronym,
        StakeholderType type,
        @Nullable GovernmentLevel governmentLevel,
        @Nullable Jurisdiction jurisdiction,
        @Nullable List<Sector> sectors,
        @Nullable List<ExternalIdentifier> externalIdentifiers,
        boolean enforcementBody,
        @Nullable FormalStatus formalStatus,
        boolean hiddenFromEnforcementBodies,
        @Nullable OrganisationContact contact,
        StakeholderStatus status) {}
