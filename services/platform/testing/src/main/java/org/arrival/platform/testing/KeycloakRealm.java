package org.arrival.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's realm on a running Keycloak, driven over its admin REST API: test users with the organisation and
 * realm roles a test asks for, their access tokens by password grant through the end-to-end client, and an extra
 * signing key published in the realm's JWKS for the tokens a test forges on purpose.
 */
final class KeycloakRealm {

    static final String REALM = "arrival";
    static final String E2E_CLIENT = "arrival-e2e";
    static final String E2E_SECRET = "arrival-e2e-secret";
    static final String ORG_ATTRIBUTE = "org_id";
    /** Password of the users made here (they exist only in a test's Keycloak). */
    static final String USER_PASSWORD = "arrival-test-password";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String adminUser;
    private final String adminPassword;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private @Nullable String adminToken;
    private Instant adminTokenExpires = Instant.EPOCH;
    /** What each user was last given, to skip the admin calls when a test asks for the same again. */
    private final Map<String, Account> accounts = new HashMap<>();

    private final Map<Account, CachedToken> tokens = new HashMap<>();

    KeycloakRealm(String baseUrl, String adminUser, String adminPassword) {
        this.baseUrl = baseUrl.replaceAll("/$", "");
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    String issuer() {
        return baseUrl + "/realms/" + REALM;
    }

    String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** The user's id (the tokens' {@code sub}), after giving the user exactly this organisation and these roles. */
    synchronized String userId(String username, @Nullable UUID organisation, List<String> roles) {
        Account wanted = new Account(username.toLowerCase(java.util.Locale.ROOT), organisation, Set.copyOf(roles));
        Account known = accounts.get(wanted.username());
        if (known != null && known.sameGrants(wanted)) {
            return known.appliedId();
        }
        String id = known != null ? known.appliedId() : findOrCreate(wanted);
        update(id, wanted);
        grantExactly(id, wanted.roles());
        Account applied = wanted.withId(id);
        accounts.put(applied.username(), applied);
        return id;
    }

    /** A real access token of the realm for the user, who is given this organisation and these roles first. */
    synchronized String accessToken(String username, @Nullable UUID organisation, List<String> roles) {
        String id = userId(username, organisation, roles);
        Account account = Objects.requireNonNull(
                accounts.get(username.toLowerCase(java.util.Locale.ROOT)), "userId remembers the account it applied");
        CachedToken cached = tokens.get(account);
        if (cached != null && Instant.now().isBefore(cached.refreshAfter())) {
            return cached.token();
        }
        JsonNode response = send(
                HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(form(Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                E2E_CLIENT,
                                "client_secret",
                                E2E_SECRET,
                                "username",
                                account.username(),
                                "password",
                                USER_PASSWORD,
                                "scope",
                                "openid"))),
                "password grant for " + username + " (" + id + ")");
        String token = response.path("access_token").asString();
        long lifetime = response.path("expires_in").asLong(60);
        tokens.put(account, new CachedToken(token, Instant.now().plusSeconds(Math.max(0, lifetime - 30))));
        return token;
    }

    /**
     * Adds the key to the realm's keys (below the realm's own, which keeps signing Keycloak's tokens) and returns
     * the key id Keycloak publishes it under.
     */
    synchronized String publishKey(RSAKey key, String name) {
        String pem;
        try {
            pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(key.toPrivateKey().getEncoded())
                    + "\n-----END PRIVATE KEY-----";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        String realmId = send(admin("").GET(), "realm").path("id").asString();
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("name", name);
        component.put("providerId", "rsa");
        component.put("providerType", "org.keycloak.keys.KeyProvider");
        component.put("parentId", realmId);
        component.put(
                "config",
                Map.of(
                        "priority",
                        List.of("10"),
                        "enabled",
                        List.of("true"),
                        "active",
                        List.of("true"),
                        "algorithm",
                        List.of("RS256"),
                        "privateKey",
                        List.of(pem)));
        send(admin("/components").header("Content-Type", "application/json").POST(json(component)), "key " + name);
        String modulus = key.getModulus().toString();
        for (JsonNode published : send(
                        HttpRequest.newBuilder(URI.create(jwkSetUri())).GET(), "JWKS")
                .path("keys")
                .values()) {
            if (modulus.equals(published.path("n").asString())) {
                return published.path("kid").asString();
            }
        }
        throw new IllegalStateException("Keycloak does not publish the key " + name + " at " + jwkSetUri());
    }

    private String findOrCreate(Account account) {
        String query = "/users?exact=true&username=" + URLEncoder.encode(account.username(), StandardCharsets.UTF_8);
        JsonNode found = send(admin(query).GET(), "user " + account.username());
        if (found.size() > 0) {
            return found.get(0).path("id").asString();
        }
        Map<String, Object> user = representation(account);
        user.put("credentials", List.of(Map.of("type", "password", "value", USER_PASSWORD, "temporary", false)));
        HttpResponse<String> created = exchange(
                admin("/users").header("Content-Type", "application/json").POST(json(user)),
                "new user " + account.username());
        String location = created.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(
                        "Keycloak created user " + account.username() + " without a Location"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private void update(String id, Account account) {
        send(
                admin("/users/" + id).header("Content-Type", "application/json").PUT(json(representation(account))),
                "user " + account.username());
    }

    /** First and last name and e-mail are set because the password grant refuses an account without them. */
    private static Map<String, Object> representation(Account account) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", account.username());
        user.put("enabled", true);
        user.put("emailVerified", true);
        user.put("firstName", "Test");
        user.put("lastName", account.username());
        user.put("email", account.username() + "@test.arrival.example");
        user.put("requiredActions", List.of());
        user.put(
                "attributes",
                account.organisation() == null
                        ? Map.of(ORG_ATTRIBUTE, List.of())
                        : Map.of(ORG_ATTRIBUTE, List.of(account.organisation().toString())));
        return user;
    }

    /** Direct realm roles become exactly these: the default role is taken away too, so no role comes unasked. */
    private void grantExactly(String id, Set<String> roles) {
        String path = "/users/" + id + "/role-mappings/realm";
        List<JsonNode> current = new ArrayList<>();
        send(admin(path).GET(), "roles of " + id).values().forEach(current::add);
        Set<String> currentNames =
                current.stream().map(r -> r.path("name").asString()).collect(Collectors.toSet());
        List<JsonNode> remove = current.stream()
                .filter(r -> !roles.contains(r.path("name").asString()))
                .toList();
        List<JsonNode> add = new ArrayList<>();
        for (String role : new LinkedHashSet<>(roles)) {
            if (!currentNames.contains(role)) {
                add.add(role(role));
            }
        }
        if (!remove.isEmpty()) {
            send(
                    admin(path).header("Content-Type", "application/json").method("DELETE", json(remove)),
                    "roles of " + id);
        }
        if (!add.isEmpty()) {
            send(admin(path).header("Content-Type", "application/json").POST(json(add)), "roles of " + id);
        }
    }

    /** A realm role; one the realm does not have (a test's made-up role) is created, as a token could carry it. */
    private JsonNode role(String name) {
        String path =
                "/roles/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<String> found = exchange(admin(path).GET(), null);
        if (found.statusCode() == 404) {
            send(
                    admin("/roles").header("Content-Type", "application/json").POST(json(Map.of("name", name))),
                    "role " + name);
            found = exchange(admin(path).GET(), "role " + name);
        }
        return JSON.readTree(found.body());
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + REALM + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken());
    }

    private String adminToken() {
        if (adminToken == null || Instant.now().isAfter(adminTokenExpires)) {
            JsonNode response = send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(form(Map.of(
                                    "grant_type",
                                    "password",
                                    "client_id",
                                    "admin-cli",
                                    "username",
                                    adminUser,
                                    "password",
                                    adminPassword))),
                    "admin login");
            adminToken = response.path("access_token").asString();
            adminTokenExpires = Instant.now()
                    .plusSeconds(Math.max(0, response.path("expires_in").asLong(60) - 10));
        }
        return adminToken;
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        String body = exchange(request, what).body();
        return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }

    /** Sends; with a description, anything but 2xx is an error that names it. */
    private HttpResponse<String> exchange(HttpRequest.Builder request, @Nullable String what) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (what != null && response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak refused " + what + ": " + built.method() + " " + built.uri()
                        + " answered " + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + baseUrl + " did not answer (" + what + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher json(Object value) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private record Account(
            String username,
            @Nullable UUID organisation,
            Set<String> roles,
            @Nullable String id) {
        Account(String username, @Nullable UUID organisation, Set<String> roles) {
            this(username, organisation, roles, null);
        }

        /** The user's id in Keycloak: the accounts remembered are the ones applied there, which have one. */
        String appliedId() {
            return Objects.requireNonNull(id, "only accounts applied to Keycloak are remembered");
        }

        Account withId(String value) {
            return new Account(username, organisation, roles, value);
        }

        boolean sameGrants(Account other) {
            return Objects.equals(organisation, other.organisation) && roles.equals(other.roles);
        }
    }

    private record CachedToken(String token, Instant refreshAfter) {}
}
