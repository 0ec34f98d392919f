package org.arrival.registry.apiclients.realm;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.arrival.registry.people.realm.RealmAdmin;
import org.arrival.registry.people.realm.RealmUnavailable;
import org.arrival.registry.people.realm.RealmUsers;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * Organisations' API clients as confidential clients of the realm, through Keycloak's admin REST API as the
 * registry's own client (which the realm gives {@code manage-clients} and {@code view-events} for this). A client
 * gets only the client-credentials grant; a hard-coded {@code org_id} claim naming its organisation and the platform's
 * audience go into its access tokens; its roles are given to its service-account user.
 */
@Component
public class RealmClients {

    /** The audience every token for the platform's services must name. */
    static final String AUDIENCE = "arrival-api";

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

    /** A client as made: its internal id in the realm and its first secret. */
    public record Made(String realmId, String secret) {}

    private final RealmAdmin realm;
    private final RealmUsers users;

    public RealmClients(RealmAdmin realm, RealmUsers users) {
        this.realm = realm;
        this.users = users;
    }

    /**
     * Makes the confidential client, gives its service account the roles (among {@code knownRoles}) and returns its
     * secret. If any step fails the client is deleted again, so nothing is left half made. A client id already in the
     * realm is {@link ClientIdTaken}.
     */
    public Made create(String clientId, String name, UUID organisation, Set<String> roles, Set<String> knownRoles) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("name", name);
        client.put("description", "API client of organisation " + organisation + ", managed by the registry");
        client.put("enabled", true);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("bearerOnly", false);
        client.put("clientAuthenticatorType", "client-secret");
        client.put("serviceAccountsEnabled", true);
        client.put("standardFlowEnabled", false);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("consentRequired", false);
        client.put("fullScopeAllowed", true);
        client.put("redirectUris", List.of());
        client.put("webOrigins", List.of());
        client.put(
                "attributes",
                Map.of(
                        "oauth2.device.authorization.grant.enabled", "false",
                        "oidc.ciba.grant.enabled", "false",
                        "standard.token.exchange.enabled", "false",
                        "use.refresh.tokens", "false"));
        client.put(
                "protocolMappers",
                List.of(
                        Map.of(
                                "name", "org_id",
                                "protocol", "openid-connect",
                                "protocolMapper", "oidc-hardcoded-claim-mapper",
                                "consentRequired", false,
                                "config",
                                        Map.of(
                                                "claim.name", "org_id",
                                                "claim.value", organisation.toString(),
                                                "jsonType.label", "String",
                                                "access.token.claim", "true",
                                                "id.token.claim", "false",
                                                "userinfo.token.claim", "false",
                                                "introspection.token.claim", "true")),
                        Map.of(
                                "name",
                                "audience " + AUDIENCE,
                                "protocol",
                                "openid-connect",
                                "protocolMapper",
                                "oidc-audience-mapper",
                                "consentRequired",
                                false,
                                "config",
                                Map.of(
                                        "included.client.audience", AUDIENCE,
                                        "access.token.claim", "true",
                                        "id.token.claim", "false",
                                        "introspection.token.claim", "true"))));
        String realmId;
        try {
            realmId = realm.create("/clients", client, "a client");
        } catch (RealmAdmin.Refused e) {
            if (e.status() == 409) {
                throw new ClientIdTaken();
            }
            throw e;
        }
        try {
            Map<String, Object> account = realm.call(admin -> admin.get()
                    .uri("/clients/{id}/service-account-user", realmId)
                    .retrieve()
                    .body(OBJECT));
            if (account == null || account.get("id") == null) {
                throw new RealmUnavailable("The identity provider made a client without a service account");
            }
            users.setRoles(String.valueOf(account.get("id")), roles, knownRoles);
            return new Made(realmId, secret(realmId));
        } catch (RuntimeException e) {
            delete(realmId);
            throw e;
        }
    }

    /** A new secret for the client; the old one stops working at once. */
    public String rotate(String realmId) {
        Map<String, Object> answer = realm.call(admin -> admin.post()
                .uri("/clients/{id}/client-secret", realmId)
                .retrieve()
                .body(OBJECT));
        if (answer == null || !(answer.get("value") instanceof String value)) {
            throw new RealmUnavailable("The identity provider gave no new secret");
        }
        return value;
    }

    /** Deletes the client (and its service account): no token is issued to it any more. */
    public void delete(String realmId) {
        try {
            realm.call(admin ->
                    admin.delete().uri("/clients/{id}", realmId).retrieve().toBodilessEntity());
        } catch (RealmAdmin.NotThere e) {
            // gone already: what was asked is true
        }
    }

    /**
     * When the client was last issued a token, from the realm's login events ({@code CLIENT_LOGIN}, kept as long as
     * the realm keeps events); empty if it never was, or the events cannot be read now.
     */
    public Optional<Instant> lastLogin(String clientId) {
        try {
            List<Map<String, Object>> events = realm.call(admin -> admin.get()
                    .uri(b -> b.path("/events")
                            .queryParam("client", clientId)
                            .queryParam("type", "CLIENT_LOGIN")
                            .queryParam("max", 1)
                            .build())
                    .retrieve()
                    .body(LIST));
            if (events == null || events.isEmpty() || !(events.get(0).get("time") instanceof Number time)) {
                return Optional.empty();
            }
            return Optional.of(Instant.ofEpochMilli(time.longValue()));
        } catch (RealmUnavailable | RealmAdmin.NotThere e) {
            return Optional.empty();
        }
    }

    private String secret(String realmId) {
        Map<String, Object> answer = realm.call(admin -> admin.get()
                .uri("/clients/{id}/client-secret", realmId)
                .retrieve()
                .body(OBJECT));
        if (answer == null || !(answer.get("value") instanceof String value)) {
            throw new RealmUnavailable("The identity provider gave the new client no secret");
        }
        return value;
    }
}
