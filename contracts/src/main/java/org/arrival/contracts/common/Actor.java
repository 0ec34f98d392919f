package org.arrival.contracts.common;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who made a change: the identity provider's subject of the user and the organisation they acted for.
 * Staff identities only; nothing about migrants.
 */
public record Actor(String userId, @Nullable UUID organisationId) {}
