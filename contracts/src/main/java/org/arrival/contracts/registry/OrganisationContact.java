package org.arrival.contracts.registry;

/** An organisation's general contact points (an office, never a person's private details). */
public record OrganisationContact(String email, String phone, String website, String address) {
}
