package org.arrival.registry.people.web;

import java.util.List;
import java.util.UUID;
import org.arrival.registry.people.realm.RealmPerson;
import org.jspecify.annotations.Nullable;

/** A person of an organisation: their account, roles and whether they have yet to set their password. */
public record PersonView(
        String id,
        String email,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable UUID organisationId,
        List<String> roles,
        boolean enabled,
        boolean invitationPending) {

    public static PersonView of(RealmPerson p) {
        return new PersonView(
                p.id(),
                p.email(),
                p.firstName(),
                p.lastName(),
                p.organisationId(),
                p.roles().stream().sorted().toList(),
                p.enabled(),
                p.invitationPending());
    }
}
