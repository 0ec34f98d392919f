package org.arrival.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the platform's public APIs as a signed-in person would: tokens from Keycloak by password grant through the
 * realm's {@code arrival-e2e} client, JSON in and out, any unexpected status an error naming the call.
 */
public final class PlatformClient {

    public static final String CLIENT_ID = "arrival-e2e";
    public static final String CLIENT_SECRET = "arrival-e2e-secret";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StackSettings settings;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    public PlatformClient(StackSettings settings) {
        this.settings = settings;
    }

    /** An access token for a realm user, reused until shortly before it expires. */
    public String token(String username, String password) {
        CachedToken cached = tokens.get(username);
        if (cached != null && cached.expires().isAfter(Instant.now().plusSeconds(30))) {
            return cached.value();
        }
        Map<String, String> form = Map.of(
                "grant_type",
                "password",
                "client_id",
                CLIENT_ID,
                "client_secret",
                CLIENT_SECRET,
                "username",
                username,
                "password",
                password,
                "scope",
                "openid");
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
                .timeout(Duration.ofSeconds(30))
                .build();
        Response r = send(request);
        if (r.status() != 200) {
            throw new IllegalStateException(
                    "Keycloak refused a token for " + username + ": " + r.status() + " " + r.body());
        }
        JsonNode body = r.json();
        CachedToken token = new CachedToken(
                body.get("access_token").asString(),
                Instant.now().plusSeconds(body.get("expires_in").asLong()));
        tokens.put(username, token);
        return token.value();
    }

    public Response call(
            String method,
            PlatformService service,
            String path,
            @Nullable String token,
            @Nullable Object body,
            Map<String, String> headers) {
        return call(method, settings.baseUrl(service), path, token, body, headers);
    }

    /** A call to one instance of a service, by its base URL ({@link StackSettings#baseUrl(PlatformService, int)}). */
    public Response call(
            String method,
            String baseUrl,
            String path,
            @Nullable String token,
            @Nullable Object body,
            Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(
                            method,
                            HttpRequest.BodyPublishers.ofString(
                                    body instanceof String s ? s : JSON.writeValueAsString(body)));
        }
        return send(b.build());
    }

    /** A call that must answer {@code expected}; otherwise fails with the problem the service gave. */
    public JsonNode expect(
            int expected,
            String method,
            PlatformService service,
            String path,
            @Nullable String token,
            @Nullable Object body,
            Map<String, String> headers) {
        return expect(expected, method, settings.baseUrl(service), path, token, body, headers);
    }

    /** A call to one instance of a service that must answer {@code expected}. */
    public JsonNode expect(
            int expected,
            String method,
            String baseUrl,
            String path,
            @Nullable String token,
            @Nullable Object body,
            Map<String, String> headers) {
        Response r = call(method, baseUrl, path, token, body, headers);
        if (r.status() != expected) {
            throw new IllegalStateException(method + " " + baseUrl + path + " answered " + r.status() + " (expected "
                    + expected + "): " + r.body());
        }
        return r.body().isEmpty() ? JSON.createObjectNode() : r.json();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            // a polite client waits as long as the service asks when it was told to slow down
            for (int attempt = 0; r.statusCode() == 429 && attempt < 5; attempt++) {
                long wait = r.headers()
                        .firstValue("Retry-After")
                        .map(Long::parseLong)
                        .orElse(1L);
                Thread.sleep(Duration.ofSeconds(Math.min(60, Math.max(1, wait))));
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            return new Response(
                    r.statusCode(), r.body(), r.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static JsonMapper json() {
        return JSON;
    }

    /** A response: status, body and ETag. */
    public record Response(
            int status, String body, @Nullable String etag) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private record CachedToken(String value, Instant expires) {}
}
