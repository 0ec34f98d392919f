package org.arrival.registry.people.realm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The realm's people through Keycloak's admin REST API, as the registry's own confidential client (client
 * credentials; the realm gives it only manage-users, view-users and query-users). Only the platform's roles are read
 * or written here; {@code org_id} is written once, when a person is invited.
 */
@Component
public class RealmUsers {

    static final String ORG_ID = "org_id";
    static final String SET_PASSWORD = "UPDATE_PASSWORD";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

    private final RealmAdmin realm;

    public RealmUsers(RealmAdmin realm) {
        this.realm = realm;
    }

    /** The people whose {@code org_id} is this organisation, by e-mail address. */
    public List<RealmPerson> ofOrganisation(UUID organisation, Set<String> knownRoles) {
        List<Map<String, Object>> found = realm.call(admin -> admin.get()
                .uri(b -> b.path("/users")
                        .queryParam("q", ORG_ID + ":" + organisation)
                        .queryParam("briefRepresentation", false)
                        .queryParam("max", 500)
                        .build())
                .retrieve()
                .body(LIST));
        List<RealmPerson> people = new ArrayList<>();
        for (Map<String, Object> user : found == null ? List.<Map<String, Object>>of() : found) {
            RealmPerson person = person(user, roles(String.valueOf(user.get("id")), knownRoles));
            if (organisation.equals(person.organisationId())) {
                people.add(person);
            }
        }
        people.sort(java.util.Comparator.comparing(RealmPerson::email));
        return people;
    }

    public Optional<RealmPerson> find(String userId, Set<String> knownRoles) {
        try {
            Map<String, Object> user = realm.call(
                    admin -> admin.get().uri("/users/{id}", userId).retrieve().body(OBJECT));
            return user == null ? Optional.empty() : Optional.of(person(user, roles(userId, knownRoles)));
        } catch (RealmAdmin.NotThere e) {
            return Optional.empty();
        }
    }

    /**
     * Opens an account for the e-mail address, acting for the organisation; returns its id. An address already
     * taken (as e-mail or user name) is {@link EmailTaken}.
     */
    public String create(String email, @Nullable String firstName, @Nullable String lastName, UUID organisation) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", email);
        user.put("email", email);
        if (firstName != null) {
            user.put("firstName", firstName);
        }
        if (lastName != null) {
            user.put("lastName", lastName);
        }
        user.put("enabled", true);
        user.put("emailVerified", true);
        user.put("attributes", Map.of(ORG_ID, List.of(organisation.toString())));
        user.put("requiredActions", List.of(SET_PASSWORD));
        try {
            return realm.create("/users", user, "an account");
        } catch (RealmAdmin.Refused e) {
            if (e.status() == 409) {
                throw new EmailTaken();
            }
            throw e;
        }
    }

    /**
     * Gives the roles the person lacks and takes those they should no longer hold, among the known ones. The roles'
     * ids come from the person's own mappings and from the roles still available to them, which manage-users may
     * read (the realm's role list itself needs view-realm).
     */
    public void setRoles(String userId, Set<String> wanted, Set<String> knownRoles) {
        List<Map<String, Object>> give = new ArrayList<>();
        for (Map<String, Object> role : mappings(userId, "/users/{id}/role-mappings/realm/available")) {
            String name = String.valueOf(role.get("name"));
            if (knownRoles.contains(name) && wanted.contains(name)) {
                give.add(Map.of("id", String.valueOf(role.get("id")), "name", name));
            }
        }
        List<Map<String, Object>> take = new ArrayList<>();
        for (Map<String, Object> role : mappings(userId, "/users/{id}/role-mappings/realm")) {
            String name = String.valueOf(role.get("name"));
            if (knownRoles.contains(name) && !wanted.contains(name)) {
                take.add(Map.of("id", String.valueOf(role.get("id")), "name", name));
            }
        }
        if (!give.isEmpty()) {
            realm.call(admin -> admin.post()
                    .uri("/users/{id}/role-mappings/realm", userId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(give)
                    .retrieve()
                    .toBodilessEntity());
        }
        if (!take.isEmpty()) {
            realm.call(admin -> admin.method(org.springframework.http.HttpMethod.DELETE)
                    .uri("/users/{id}/role-mappings/realm", userId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(take)
                    .retrieve()
                    .toBodilessEntity());
        }
    }

    /** Sends the person the realm's "set your password" e-mail, through the realm's SMTP server. */
    public void sendInvitation(String userId, String clientId) {
        realm.call(admin -> admin.put()
                .uri(b -> b.path("/users/{id}/execute-actions-email")
                        .queryParam("client_id", clientId)
                        .queryParam("lifespan", realm.settings().invitationHours() * 3600)
                        .build(userId))
                .contentType(MediaType.APPLICATION_JSON)
                .body(List.of(SET_PASSWORD))
                .retrieve()
                .toBodilessEntity());
    }

    public void delete(String userId) {
        try {
            realm.call(admin ->
                    admin.delete().uri("/users/{id}", userId).retrieve().toBodilessEntity());
        } catch (RealmAdmin.NotThere e) {
            // gone already: what was asked is true
        }
    }

    private Set<String> roles(String userId, Set<String> knownRoles) {
        Set<String> roles = new LinkedHashSet<>();
        for (Map<String, Object> role : mappings(userId, "/users/{id}/role-mappings/realm")) {
            String name = String.valueOf(role.get("name"));
            if (knownRoles.contains(name)) {
                roles.add(name);
            }
        }
        return roles;
    }

    private List<Map<String, Object>> mappings(String userId, String path) {
        List<Map<String, Object>> mapped =
                realm.call(admin -> admin.get().uri(path, userId).retrieve().body(LIST));
        return mapped == null ? List.of() : mapped;
    }

    private static RealmPerson person(Map<String, Object> user, Set<String> roles) {
        UUID organisation = null;
        if (user.get("attributes") instanceof Map<?, ?> attributes
                && attributes.get(ORG_ID) instanceof Collection<?> values
                && !values.isEmpty()) {
            try {
                organisation = UUID.fromString(String.valueOf(values.iterator().next()));
            } catch (IllegalArgumentException e) {
                organisation = null;
            }
        }
        boolean pending =
                user.get("requiredActions") instanceof Collection<?> actions && actions.contains(SET_PASSWORD);
        Object email = user.get("email");
        return new RealmPerson(
                String.valueOf(user.get("id")),
                email == null ? String.valueOf(user.get("username")) : String.valueOf(email),
                text(user.get("firstName")),
                text(user.get("lastName")),
                organisation,
                roles,
                !Boolean.FALSE.equals(user.get("enabled")),
                pending);
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
