package org.arrival.registry.stakeholders.domain;

import java.util.ArrayList;
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
import org.arrival.registry.shared.Text;

/**
 * What an organisation says about itself. Optional text left blank is absent; lists hold no duplicates.
 */
public record StakeholderProfile(
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
        OrganisationContact contact) {

    public StakeholderProfile {
        name = Text.required(name, "name");
        acronym = Text.optional(acronym);
        Objects.requireNonNull(type, "type");
        jurisdiction = Text.jurisdiction(jurisdiction);
        sectors = sectors == null ? List.of() : List.copyOf(new LinkedHashSet<>(sectors));
        externalIdentifiers = externalIdentifiers == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(externalIdentifiers.stream()
                        .map(i -> new ExternalIdentifier(Text.required(i.scheme(), "externalIdentifiers.scheme"),
                                Text.required(i.identifier(), "externalIdentifiers.identifier")))
                        .toList()));
        contact = Text.contact(contact);
        if (hiddenFromEnforcementBodies) {
            if (enforcementBody) {
                throw InvalidInput.field("hiddenFromEnforcementBodies", "an enforcement body cannot hide from enforcement bodies");
            }
            if (!mayHide(type, formalStatus)) {
                throw InvalidInput.field("hiddenFromEnforcementBodies",
                        "only informal groups and migrant, refugee or IDP associations may hide from enforcement bodies");
            }
        }
    }

    private static boolean mayHide(StakeholderType type, FormalStatus status) {
        return status == FormalStatus.INFORMAL || status == FormalStatus.UNDISCLOSED
                || type == StakeholderType.INFORMAL_COMMUNITY_GROUP
                || type == StakeholderType.MIGRANT_REFUGEE_IDP_ASSOCIATION;
    }

    /** Names of the fields that differ from {@code other}, in declaration order. */
    public List<String> changedFrom(StakeholderProfile other) {
        List<String> changed = new ArrayList<>();
        diff(changed, "name", name, other.name);
        diff(changed, "acronym", acronym, other.acronym);
        diff(changed, "type", type, other.type);
        diff(changed, "governmentLevel", governmentLevel, other.governmentLevel);
        diff(changed, "jurisdiction", jurisdiction, other.jurisdiction);
        diff(changed, "sectors", sectors, other.sectors);
        diff(changed, "externalIdentifiers", externalIdentifiers, other.externalIdentifiers);
        diff(changed, "enforcementBody", enforcementBody, other.enforcementBody);
        diff(changed, "formalStatus", formalStatus, other.formalStatus);
        diff(changed, "hiddenFromEnforcementBodies", hiddenFromEnforcementBodies, other.hiddenFromEnforcementBodies);
        diff(changed, "contact", contact, other.contact);
        return changed;
    }

    private static void diff(List<String> changed, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(field);
        }
    }
}
