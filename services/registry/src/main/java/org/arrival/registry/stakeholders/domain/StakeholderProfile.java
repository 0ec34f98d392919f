package org.arrival.registry.stakeholders.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.ExternalIdentifier;
import org.arrival.contracts.registry.FormalStatus;
import org.arrival.contracts.registry.GovernmentLevel;
import org.arrival.contracts.registry.OrganisationContact;
import org.arrival.contracts.registry.StakeholderType;
import org.arrival.platform.web.InvalidInput;
import org.arrival.registry.shared.FieldChanges;
import org.arrival.registry.shared.Text;
import org.jspecify.annotations.Nullable;

/**
 * What an organisation says about itself. Optional text left blank is absent; lists hold no duplicates.
 */
public record StakeholderProfile(
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
        @Nullable OrganisationContact contact) {

    public StakeholderProfile {
        name = Text.required(name, "name");
        acronym = Text.optional(acronym);
        Objects.requireNonNull(type, "type");
        jurisdiction = Text.jurisdiction(jurisdiction);
        sectors = sectors == null ? List.of() : List.copyOf(new LinkedHashSet<>(sectors));
        externalIdentifiers = externalIdentifiers == null
                ? List.of()
                : List.copyOf(new LinkedHashSet<>(externalIdentifiers.stream()
                        .map(i -> new ExternalIdentifier(
                                Text.required(i.scheme(), "externalIdentifiers.scheme"),
                                Text.required(i.identifier(), "externalIdentifiers.identifier")))
                        .toList()));
        contact = Text.contact(contact);
        if (hiddenFromEnforcementBodies) {
            if (enforcementBody) {
                throw InvalidInput.field(
                        "hiddenFromEnforcementBodies", "an enforcement body cannot hide from enforcement bodies");
            }
            if (!mayHide(type, formalStatus)) {
                throw InvalidInput.field(
                        "hiddenFromEnforcementBodies",
                        "only informal groups and migrant, refugee or IDP associations may hide from enforcement bodies");
            }
        }
    }

    private static boolean mayHide(StakeholderType type, @Nullable FormalStatus status) {
        return status == FormalStatus.INFORMAL
                || status == FormalStatus.UNDISCLOSED
                || type == StakeholderType.INFORMAL_COMMUNITY_GROUP
                || type == StakeholderType.MIGRANT_REFUGEE_IDP_ASSOCIATION;
    }

    /** Names of the fields that differ from {@code other}, in declaration order. */
    public List<String> changedFrom(StakeholderProfile other) {
        return new FieldChanges()
                .compare("name", other.name, name)
                .compare("acronym", other.acronym, acronym)
                .compare("type", other.type, type)
                .compare("governmentLevel", other.governmentLevel, governmentLevel)
                .compare("jurisdiction", other.jurisdiction, jurisdiction)
                .compare("sectors", other.sectors, sectors)
                .compare("externalIdentifiers", other.externalIdentifiers, externalIdentifiers)
                .compare("enforcementBody", other.enforcementBody, enforcementBody)
                .compare("formalStatus", other.formalStatus, formalStatus)
                .compare("hiddenFromEnforcementBodies", other.hiddenFromEnforcementBodies, hiddenFromEnforcementBodies)
                .compare("contact", other.contact, contact)
                .list();
    }
}
