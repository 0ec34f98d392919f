package org.arrival.contracts.common;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who made a change: the identity provider's subject of the user and the organisation they acted for.
 * Staff identities only; nothing about migrants.
 *
 * <p>{@code userId} is not always a person's subject: a change an organisation's own system made through one of its
 * API clients (a client-credentials token) has {@code client:<clientId>}, e.g. {@code client:org-825d3feb-m-e-database},
 * with {@code organisationId} the organisation the client belongs to. Readers must not take {@code userId} for a UUID
 * or look it up as an account.
 */
public record Actor(String userId, @Nullable UUID organisationId) {}
