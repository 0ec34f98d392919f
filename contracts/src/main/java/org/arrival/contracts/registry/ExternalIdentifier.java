package org.arrival.contracts.registry;

/**
 * An identifier of the organisation in another register, org-id style.
 *
 * @param scheme the register's prefix, e.g. {@code XM-DAC} or {@code UG-NGB}
 * @param identifier the organisation's id within that register
 */
public record ExternalIdentifier(String scheme, String identifier) {}
