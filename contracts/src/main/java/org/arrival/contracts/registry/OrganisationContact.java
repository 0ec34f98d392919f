package org.arrival.contracts.registry;

import org.jspecify.annotations.Nullable;

/** An organisation's general contact points (an office, never a person's private details). */
public record OrganisationContact(
        @Nullable String email,
        @Nullable String phone,
        @Nullable String website,
        @Nullable String address) {}
