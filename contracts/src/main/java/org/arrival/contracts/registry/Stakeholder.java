package org.arrival.contracts.registry;

import java.util.List;
import java.util.UUID;

import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.Sector;

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
        String acronym,
        StakeholderType type,
        GovernmentLevel governmentLevel,
        Jurisdiction jurisdiction,
        List<Sector> sectors,
        List<ExternalIdentifier> externalIdentifiers,
        boolean enforcementBody,
        FormalStatus formalStatus,
        boolean hiddenFromEnforcementBodies,
        OrganisationContact contact,
        StakeholderStatus status) {
}
