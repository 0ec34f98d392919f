package org.arrival.registry.apiclients.realm;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.arrival.registry.people.realm.RealmSettings;
import org.arrival.registry.people.realm.RealmUnavailable;
import org.arrival.registry.people.realm.RealmUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

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

    private final RealmSettings settings;
    private final RealmUsers users;
    private final RestClient admin;
    private final RestClient tokens;
    private final Clock clock;
    private @Nullable String token;
    private Instant tokenUntil = Instant.MIN;

    public RealmClients(RealmSettings settings, RealmUsers users, Clock clock) {
        this.settings = settings;
        this.users = users;
        this.clock = clock;
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.admin = RestClient.builder()
                .requestFactory(requests)
                .baseUrl(settings.adminUri().toString())
                .build();
        this.tokens = RestClient.builder().requestFactory(requests).build();
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
        URI location;
        try {
            location = call(() -> admin.post()
                    .uri("/clients")
                    .headers(h -> h.setBearerAuth(token()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(client)
                    .retrieve()
                    .toBodilessEntity()
                    .getHeaders()
                    .getLocation());
        } catch (Refused e) {
            if (e.status == 409) {
                throw new ClientIdTaken();
            }
            throw e;
        }
        if (location == null) {
            throw new RealmUnavailable("The identity provider made a client without saying where");
        }
        String path = location.getPath();
        String realmId = path.substring(path.lastIndexOf('/') + 1);
        try {
            Map<String, Object> account = call(() -> admin.get()
                    .uri("/clients/{id}/service-account-user", realmId)
                    .headers(h -> h.setBearerAuth(token()))
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
        Map<String, Object> answer = call(() -> admin.post()
                .uri("/clients/{id}/client-secret", realmId)
                .headers(h -> h.setBearerAuth(token()))
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
            call(() -> admin.delete()
                    .uri("/clients/{id}", realmId)
                    .headers(h -> h.setBearerAuth(token()))
                    .retrieve()
                    .toBodilessEntity());
        } catch (NotThere e) {
            // gone already: what was asked is true
        }
    }

    /**
     * When the client was last issued a token, from the realm's login events ({@code CLIENT_LOGIN}, kept as long as
     * the realm keeps events); empty if it never was, or the events cannot be read now.
     */
    public Optional<Instant> lastLogin(String clientId) {
        try {
            List<Map<String, Object>> events = call(() -> admin.get()
                    .uri(b -> b.path("/events")
                            .queryParam("client", clientId)
                            .queryParam("type", "CLIENT_LOGIN")
                            .queryParam("max", 1)
                            .build())
                    .headers(h -> h.setBearerAuth(token()))
                    .retrieve()
                    .body(LIST));
            if (events == null || events.isEmpty() || !(events.get(0).get("time") instanceof Number time)) {
                return Optional.empty();
            }
            return Optional.of(Instant.ofEpochMilli(time.longValue()));
        } catch (RealmUnavailable | NotThere e) {
            return Optional.empty();
        }
    }

    private String secret(String realmId) {
        Map<String, Object> answer = call(() -> admin.get()
                .uri("/clients/{id}/client-secret", realmId)
                .headers(h -> h.setBearerAuth(token()))
                .retrieve()
                .body(OBJECT));
        if (answer == null || !(answer.get("value") instanceof String value)) {
            throw new RealmUnavailable("The identity provider gave the new client no secret");
        }
        return value;
    }

    /** The registry's own access token, fetched again shortly before it expires. */
    private synchronized String token() {
        Instant now = clock.instant();
        String current = token;
        if (current != null && now.isBefore(tokenUntil)) {
            return current;
        }
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", settings.clientId());
        form.add("client_secret", settings.clientSecret());
        Map<String, Object> answer;
        try {
            answer = tokens.post()
                    .uri(settings.tokenUri())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(OBJECT);
        } catch (RestClientResponseException | ResourceAccessException e) {
            throw new RealmUnavailable("The registry could not sign in to the identity provider");
        }
        if (answer == null || !(answer.get("access_token") instanceof String fresh)) {
            throw new RealmUnavailable("The identity provider gave the registry no access token");
        }
        long lifetime = answer.get("expires_in") instanceof Number n ? n.longValue() : 60;
        token = fresh;
        tokenUntil = now.plusSeconds(Math.max(5, lifetime - 30));
        return fresh;
    }

    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (HttpClientErrorException e) {
            int status = e.getStatusCode().value();
            if (status == 401) {
                synchronized (this) {
                    token = null;
                }
            }
            if (status == 404) {
                throw new NotThere();
            }
            throw new Refused(status);
        } catch (RestClientResponseException | ResourceAccessException e) {
            throw new RealmUnavailable("The identity provider could not be reached or failed");
        }
    }

    /** The admin API has no such record. */
    static final class NotThere extends RuntimeException {
        NotThere() {
            super(null, null, false, false);
        }
    }

    /** The admin API refused the registry's request; 503 unless a caller gives the status a meaning. */
    static final class Refused extends RealmUnavailable {
        final int status;

        Refused(int status) {
            super("The identity provider refused the change (" + status + ")");
            this.status = status;
        }
    }
}
