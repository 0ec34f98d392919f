package org.arrival.platform.security;

import java.util.Set;
import java.util.UUID;
import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated user behind a request: who they are, the organisation they act for (the token's
 * {@code org_id}, a registry stakeholder id) and their realm roles.
 */
public record Caller(
        String userId, String username, @Nullable UUID organisationId, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /**
     * An organisation as a whole, as a reader: what the read policy lets the organisation receive (a notification, a
     * digest). It is no person and has no roles; its user id names the organisation, and it never authors a change.
     */
    public static Caller organisation(UUID organisation) {
        String name = "organisation:" + organisation;
        return new Caller(name, name, organisation, Set.of());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isPlatformAdmin() {
        return hasRole(Roles.PLATFORM_ADMIN);
    }

    public boolean actsFor(@Nullable UUID organisation) {
        return organisationId != null && organisationId.equals(organisation);
    }

    /** How the caller is recorded on the changes they make. */
    public Actor toActor() {
        return new Actor(userId, organisationId);
    }
}
