package org.arrival.registry.people.realm;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person's account in the identity provider as the registry sees it: the organisation they act for ({@code org_id},
 * set by the platform only), their realm roles among those the platform knows, and whether they still have to set
 * their password (an invitation not yet taken up).
 */
public record RealmPerson(
        String id,
        String email,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable UUID organisationId,
        Set<String> roles,
        boolean enabled,
        boolean invitationPending) {

    public RealmPerson {
        roles = Set.copyOf(roles);
    }
}
