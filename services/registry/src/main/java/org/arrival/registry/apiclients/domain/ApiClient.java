package org.arrival.registry.apiclients.domain;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's API client: a machine identity through which the organisation's own system (its M&amp;E
 * database, its ERP) calls the platform without a person's password. It is a confidential client in the identity
 * provider ({@code clientId}, its internal {@code realmId}) whose tokens carry the organisation's {@code org_id} and the
 * roles chosen here; its secret lives only there. Revoked clients stay listed, with when they were revoked.
 */
public record ApiClient(
        UUID id,
        UUID organisationId,
        String name,
        String clientId,
        String realmId,
        List<String> roles,
        String createdBy,
        String createdByUsername,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant rotatedAt,
        @Nullable Instant revokedAt,
        long version) {

    /** The longest client id the platform makes. */
    public static final int MAX_CLIENT_ID = 60;

    public ApiClient {
        roles = List.copyOf(roles);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public ApiClient rotatedAt(Instant at) {
        return new ApiClient(
                id,
                organisationId,
                name,
                clientId,
                realmId,
                roles,
                createdBy,
                createdByUsername,
                createdAt,
                lastUsedAt,
                at,
                revokedAt,
                version + 1);
    }

    public ApiClient revokedAt(Instant at) {
        return new ApiClient(
                id,
                organisationId,
                name,
                clientId,
                realmId,
                roles,
                createdBy,
                createdByUsername,
                createdAt,
                lastUsedAt,
                rotatedAt,
                at,
                version + 1);
    }

    /**
     * The identity provider's client id for a client of this organisation with this name: {@code org-}, the first
     * eight characters of the organisation's id, and the name in lower-case letters and digits joined by hyphens, e.g.
     * {@code org-825d3feb-m-e-database}. The identity provider lower-cases service-account names, so the id is
     * lower-case throughout.
     */
    public static String clientIdFor(UUID organisation, String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        String prefix = "org-" + organisation.toString().substring(0, 8) + "-";
        if (plain.isEmpty()) {
            plain = "client";
        }
        int room = MAX_CLIENT_ID - prefix.length() - 3;
        if (plain.length() > room) {
            plain = plain.substring(0, room).replaceAll("-+$", "");
        }
        return prefix + plain;
    }
}
