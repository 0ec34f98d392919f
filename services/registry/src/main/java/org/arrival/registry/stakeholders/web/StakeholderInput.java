package org.arrival.registry.stakeholders.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.ExternalIdentifier;
import org.arrival.contracts.registry.FormalStatus;
import org.arrival.contracts.registry.GovernmentLevel;
import org.arrival.contracts.registry.OrganisationContact;
import org.arrival.contracts.registry.StakeholderType;
import org.arrival.platform.web.NotFreeText;
import org.arrival.registry.shared.web.PlaceInput;
import org.arrival.registry.stakeholders.domain.StakeholderProfile;
import org.jspecify.annotations.Nullable;

/** A stakeholder's profile as sent to register or replace it. */
public record StakeholderInput(
        @NotBlank @Size(max = 300) String name,
        @Size(max = 40) @Nullable String acronym,
        @NotNull StakeholderType type,
        @Nullable GovernmentLevel governmentLevel,
        @Valid @Nullable PlaceInput jurisdiction,
        @Size(max = 25) @Nullable List<@NotNull Sector> sectors,
        @Size(max = 20) @Nullable List<@Valid @NotNull IdentifierInput> externalIdentifiers,
        @Nullable Boolean enforcementBody,
        @Nullable FormalStatus formalStatus,
        @Nullable Boolean hiddenFromEnforcementBodies,
        @Valid @Nullable ContactInput contact) {

    public StakeholderProfile toProfile() {
        return new StakeholderProfile(
                name,
                acronym,
                type,
                governmentLevel,
                jurisdiction == null ? null : jurisdiction.toJurisdiction("jurisdiction"),
                sectors == null ? List.of() : sectors,
                externalIdentifiers == null
                        ? List.of()
                        : externalIdentifiers.stream()
                                .map(i -> new ExternalIdentifier(i.scheme(), i.identifier()))
                                .toList(),
                Boolean.TRUE.equals(enforcementBody),
                formalStatus,
                Boolean.TRUE.equals(hiddenFromEnforcementBodies),
                contact == null
                        ? null
                        : new OrganisationContact(
                                contact.email(), contact.phone(), contact.website(), contact.address()));
    }

    /** An identifier in another register, org-id style (e.g. scheme {@code XM-DAC}). */
    public record IdentifierInput(
            @NotFreeText
            @NotBlank
            @Size(max = 40)
            @Pattern(
                    regexp = "^[A-Z0-9]{2,}(-[A-Z0-9]+)*$",
                    message = "must be an org-id prefix such as XM-DAC or UG-NGB")
            String scheme,

            @NotFreeText @NotBlank @Size(max = 200) String identifier) {}

    /** The organisation's office contact; never a person's private details. */
    public record ContactInput(
            @org.arrival.platform.web.OrganisationContact
            @Size(max = 254)
            @Pattern(regexp = "^[^@\\s]+@[^@\\s]+$", message = "must be an e-mail address")
            @Nullable
            String email,

            @org.arrival.platform.web.OrganisationContact
            @Pattern(regexp = "^\\+?[0-9 ()./-]{3,40}$", message = "must be a phone number")
            @Nullable
            String phone,

            @NotFreeText
            @Size(max = 500)
            @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) address")
            @Nullable
            String website,

            @org.arrival.platform.web.OrganisationContact @Size(max = 500) @Nullable
            String address) {}
}
