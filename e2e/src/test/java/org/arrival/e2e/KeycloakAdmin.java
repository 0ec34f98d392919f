package org.arrival.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.arrival.local.PlatformClient;
import org.arrival.local.StackSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Keycloak's admin REST API and token endpoints, for what the tests need beyond the services' APIs. */
final class KeycloakAdmin {

    private final StackSettings settings;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    KeycloakAdmin(StackSettings settings) {
        this.settings = settings;
        this.base = "http://" + StackSettings.HOST + ":" + settings.keycloakPort();
    }

    /** A token for the master realm's administrator: real Keycloak, right signature algorithm, wrong issuer. */
    String masterRealmToken() {
        return token(
                base + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin");
    }

    /** Shortens the realm's access-token lifetime to one second for one password grant, then puts it back. */
    String tokenWithLifetimeOfOneSecond(String username, String password) {
        String admin = masterRealmToken();
        URI realm = URI.create(base + "/admin/realms/arrival");
        ObjectNode representation = (ObjectNode) PlatformClient.json()
                .readTree(send(
                        HttpRequest.newBuilder(realm)
                                .header("Authorization", "Bearer " + admin)
                                .GET()
                                .build(),
                        200));
        int lifespan = representation.get("accessTokenLifespan").asInt();
        setLifespan(realm, admin, 1);
        try {
            return token(
                    settings.issuer() + "/protocol/openid-connect/token",
                    "grant_type=password&client_id=" + PlatformClient.CLIENT_ID + "&client_secret="
                            + PlatformClient.CLIENT_SECRET + "&username=" + enc(username) + "&password="
                            + enc(password));
        } finally {
            setLifespan(realm, admin, lifespan);
        }
    }

    /** Creates a user of the realm acting for an organisation with these realm roles; the password never expires. */
    void createUser(String username, String password, String organisationId, String... roles) {
        String admin = masterRealmToken();
        String users = base + "/admin/realms/arrival/users";
        String user = """
                {"username":"%s","enabled":true,"email":"%s@demo.arrival.example","emailVerified":true,
                 "firstName":"%s","lastName":"Test","attributes":{"org_id":["%s"]},
                 "credentials":[{"type":"password","value":"%s","temporary":false}]}""".formatted(username, username, username, organisationId, password);
        send(
                HttpRequest.newBuilder(URI.create(users))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(user))
                        .build(),
                201);
        JsonNode found = PlatformClient.json()
                .readTree(send(
                        HttpRequest.newBuilder(URI.create(users + "?exact=true&username=" + enc(username)))
                                .header("Authorization", "Bearer " + admin)
                                .GET()
                                .build(),
                        200));
        String id = found.get(0).get("id").asString();
        StringBuilder representations = new StringBuilder("[");
        for (String role : roles) {
            if (representations.length() > 1) {
                representations.append(',');
            }
            representations.append(send(
                    HttpRequest.newBuilder(URI.create(base + "/admin/realms/arrival/roles/" + role))
                            .header("Authorization", "Bearer " + admin)
                            .GET()
                            .build(),
                    200));
        }
        representations.append(']');
        send(
                HttpRequest.newBuilder(URI.create(users + "/" + id + "/role-mappings/realm"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(representations.toString()))
                        .build(),
                204);
    }

    /**
     * Sets how long the access tokens of one client live (the realm's own setting when {@code seconds} is null);
     * returns what it was, for putting it back.
     */
    String clientAccessTokenLifespan(String clientId, String seconds) {
        String admin = masterRealmToken();
        JsonNode found = PlatformClient.json()
                .readTree(send(
                        HttpRequest.newBuilder(
                                        URI.create(base + "/admin/realms/arrival/clients?clientId=" + enc(clientId)))
                                .header("Authorization", "Bearer " + admin)
                                .GET()
                                .build(),
                        200));
        URI client = URI.create(
                base + "/admin/realms/arrival/clients/" + found.get(0).get("id").asString());
        ObjectNode representation = (ObjectNode) PlatformClient.json()
                .readTree(send(
                        HttpRequest.newBuilder(client)
                                .header("Authorization", "Bearer " + admin)
                                .GET()
                                .build(),
                        200));
        ObjectNode attributes = (ObjectNode) representation.get("attributes");
        String before = attributes.has("access.token.lifespan")
                ? attributes.get("access.token.lifespan").asString()
                : null;
        if (seconds == null) {
            attributes.remove("access.token.lifespan");
        } else {
            attributes.put("access.token.lifespan", seconds);
        }
        send(
                HttpRequest.newBuilder(client)
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(representation.toString()))
                        .build(),
                204);
        return before;
    }

    private void setLifespan(URI realm, String admin, int seconds) {
        send(
                HttpRequest.newBuilder(realm)
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"accessTokenLifespan\":" + seconds + "}"))
                        .build(),
                204);
    }

    private String token(String endpoint, String form) {
        JsonNode body = PlatformClient.json()
                .readTree(send(
                        HttpRequest.newBuilder(URI.create(endpoint))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        200));
        return body.get("access_token").asString();
    }

    private String send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(request, (k, v) -> true)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(
                        request.method() + " " + request.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
