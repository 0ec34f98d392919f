package org.arrival.registry.apiclients.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.registry.apiclients.domain.ApiClient;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's API client: the identity provider's {@code clientId} its system signs in with (client credentials),
 * its roles, who made it, when it last got a token, and when its secret was rotated or it was revoked. The secret is
 * never part of it.
 */
public record ApiClientView(
        UUID id,
        UUID organisationId,
        String name,
        String clientId,
        List<String> roles,
        String createdBy,
        String createdByUsername,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant rotatedAt,
        @Nullable Instant revokedAt,
        long version) {

    public static ApiClientView of(ApiClient c) {
        return new ApiClientView(
                c.id(),
                c.organisationId(),
                c.name(),
                c.clientId(),
                c.roles(),
                c.createdBy(),
                c.createdByUsername(),
                c.createdAt(),
                c.lastUsedAt(),
                c.rotatedAt(),
                c.revokedAt(),
                c.version());
    }
}
