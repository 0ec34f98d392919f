package org.arrival.platform.testing;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A small OpenID provider on the {@link TestTokenIssuer}'s HTTP server, for browser tests of pages that sign in the
 * way they do against Keycloak: discovery, the authorization code flow for public clients with PKCE (S256 only; the
 * token endpoint checks the code verifier against the challenge), refresh tokens and logout. Users sign in on a
 * plain login form (fields {@code username} and {@code password}, button {@code kc-login}, as Keycloak names them),
 * or are approved at once when auto-approval is set. Tokens are the issuer's, so services accept them.
 *
 * <p>Get it with {@link TestTokenIssuer#openIdProvider()}; register the client's redirect URIs and the users first.
 */
public final class TestOpenIdProvider {

    public static final String DISCOVERY_PATH = TestTokenIssuer.REALM_PATH + "/.well-known/openid-configuration";
    public static final String AUTHORIZATION_PATH = TestTokenIssuer.REALM_PATH + "/protocol/openid-connect/auth";
    public static final String TOKEN_PATH = TestTokenIssuer.REALM_PATH + "/protocol/openid-connect/token";
    public static final String LOGOUT_PATH = TestTokenIssuer.REALM_PATH + "/protocol/openid-connect/logout";

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    private static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    private static final Duration SESSION_LIFETIME = Duration.ofMinutes(30);

    private final TestTokenIssuer issuer;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, List<String>> clients = new ConcurrentHashMap<>();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Session> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> endedSessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger codesExchanged = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private volatile Duration accessTokenLifetime = Duration.ofMinutes(5);
    private volatile @Nullable String autoApprove;

    private record User(
            String username, String password, @Nullable UUID organisationId, List<String> roles) {}

    private record Grant(
            String clientId,
            String redirectUri,
            String challenge,
            @Nullable String nonce,
            String username,
            Instant expiresAt) {}

    private record Session(String id, String clientId, String username, Instant expiresAt) {}

    TestOpenIdProvider(TestTokenIssuer issuer, HttpServer server) {
        this.issuer = issuer;
        server.createContext(DISCOVERY_PATH, this::discovery);
        server.createContext(AUTHORIZATION_PATH, this::authorization);
        server.createContext(TOKEN_PATH, this::token);
        server.createContext(LOGOUT_PATH, this::logout);
    }

    /**
     * Registers a public client and the redirect URIs it may use; a pattern ending in {@code *} allows every URI that
     * starts with the rest (as Keycloak's {@code http://127.0.0.1:8085/*}). The origins of the patterns may call the
     * token endpoint from a browser (Keycloak's web origins {@code +}).
     */
    public TestOpenIdProvider client(String clientId, String... redirectUris) {
        clients.put(clientId, List.of(redirectUris));
        return this;
    }

    /** Registers a user who may sign in with the password, for an organisation with realm roles. */
    public TestOpenIdProvider user(String username, String password, @Nullable UUID organisationId, String... roles) {
        users.put(username, new User(username, password, organisationId, List.of(roles)));
        return this;
    }

    /** Signs the user in at once, without the login form (null: show the form). */
    public TestOpenIdProvider autoApprove(@Nullable String username) {
        this.autoApprove = username;
        return this;
    }

    /** How long access tokens live (Keycloak's realm: 5 minutes). */
    public TestOpenIdProvider accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
        return this;
    }

    public String discoveryUri() {
        return issuer.issuer() + "/.well-known/openid-configuration";
    }

    /** Codes exchanged for tokens, each after a successful PKCE check. */
    public int codesExchanged() {
        return codesExchanged.get();
    }

    /** Access tokens renewed with a refresh token. */
    public int refreshes() {
        return refreshes.get();
    }

    /** What the provider refused, in order (e.g. {@code invalid_grant: PKCE verification failed}). */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    // ---- endpoints

    private void discovery(HttpExchange exchange) throws IOException {
        if (preflight(exchange)) {
            return;
        }
        String base = issuer.issuer();
        String origin = base.substring(0, base.length() - TestTokenIssuer.REALM_PATH.length());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", base);
        document.put("authorization_endpoint", origin + AUTHORIZATION_PATH);
        document.put("token_endpoint", origin + TOKEN_PATH);
        document.put("end_session_endpoint", origin + LOGOUT_PATH);
        document.put("jwks_uri", issuer.jwkSetUri());
        document.put("response_types_supported", List.of("code"));
        document.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("scopes_supported", List.of("openid", "profile", "email", "roles"));
        document.put("token_endpoint_auth_methods_supported", List.of("none"));
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        json(exchange, 200, document);
    }

    private void authorization(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>(query(exchange.getRequestURI()));
        boolean post = "POST".equals(exchange.getRequestMethod());
        if (post) {
            params.putAll(form(exchange));
        }
        String clientId = params.get("client_id");
        String redirectUri = params.get("redirect_uri");
        if (clientId == null || !clients.containsKey(clientId)) {
            refuse("invalid_client: " + clientId);
            page(exchange, 400, "Invalid parameter: client_id", "<p>Client not found.</p>");
            return;
        }
        if (redirectUri == null || !allowed(clientId, redirectUri)) {
            refuse("invalid_redirect_uri: " + redirectUri);
            page(exchange, 400, "Invalid parameter: redirect_uri", "<p>Invalid parameter: redirect_uri</p>");
            return;
        }
        String state = params.get("state");
        if (!"code".equals(params.get("response_type"))) {
            redirectError(exchange, redirectUri, state, "unsupported_response_type", "Only the code flow is allowed");
            return;
        }
        if (!"S256".equals(params.get("code_challenge_method"))
                || params.get("code_challenge") == null
                || params.get("code_challenge").isBlank()) {
            redirectError(
                    exchange,
                    redirectUri,
                    state,
                    "invalid_request",
                    "Missing parameter: code_challenge_method (S256 required)");
            return;
        }
        String signedIn = null;
        String problem = null;
        if (autoApprove != null && users.containsKey(autoApprove)) {
            signedIn = autoApprove;
        } else if (post) {
            User user = users.get(params.getOrDefault("username", ""));
            if (user != null && user.password().equals(params.get("password"))) {
                signedIn = user.username();
            } else {
                problem = "Invalid username or password.";
                refuse("invalid_credentials: " + params.get("username"));
            }
        }
        if (signedIn == null) {
            loginForm(exchange, params, problem);
            return;
        }
        String code = token(32);
        codes.put(
                code,
                new Grant(
                        clientId,
                        redirectUri,
                        params.get("code_challenge"),
                        params.get("nonce"),
                        signedIn,
                        Instant.now().plus(CODE_LIFETIME)));
        Map<String, String> answer = new LinkedHashMap<>();
        if (state != null) {
            answer.put("state", state);
        }
        answer.put("session_state", UUID.randomUUID().toString());
        answer.put("iss", issuer.issuer());
        answer.put("code", code);
        redirect(exchange, redirectUri, answer);
    }

    private void token(HttpExchange exchange) throws IOException {
        if (preflight(exchange)) {
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            json(exchange, 405, Map.of("error", "invalid_request", "error_description", "POST only"));
            return;
        }
        Map<String, String> params = form(exchange);
        String clientId = params.get("client_id");
        if (clientId == null || !clients.containsKey(clientId)) {
            tokenError(exchange, 401, "invalid_client", "Invalid client or Invalid client credentials");
            return;
        }
        allowOrigin(exchange, clientId);
        switch (String.valueOf(params.get("grant_type"))) {
            case "authorization_code" -> exchangeCode(exchange, clientId, params);
            case "refresh_token" -> refresh(exchange, clientId, params);
            default -> tokenError(exchange, 400, "unsupported_grant_type", "Unsupported grant_type");
        }
    }

    private void exchangeCode(HttpExchange exchange, String clientId, Map<String, String> params) throws IOException {
        Grant grant = params.get("code") == null ? null : codes.remove(params.get("code"));
        if (grant == null || grant.expiresAt().isBefore(Instant.now())) {
            tokenError(exchange, 400, "invalid_grant", "Code not valid");
            return;
        }
        if (!grant.clientId().equals(clientId) || !grant.redirectUri().equals(params.get("redirect_uri"))) {
            tokenError(exchange, 400, "invalid_grant", "Incorrect redirect_uri or client");
            return;
        }
        String verifier = params.get("code_verifier");
        if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
            tokenError(exchange, 400, "invalid_grant", "PKCE code verifier not specified or malformed");
            return;
        }
        if (!s256(verifier).equals(grant.challenge())) {
            tokenError(exchange, 400, "invalid_grant", "PKCE verification failed: Code mismatch");
            return;
        }
        codesExchanged.incrementAndGet();
        Session session = new Session(
                UUID.randomUUID().toString(),
                clientId,
                grant.username(),
                Instant.now().plus(SESSION_LIFETIME));
        json(exchange, 200, tokens(session, grant.nonce()));
    }

    private void refresh(HttpExchange exchange, String clientId, Map<String, String> params) throws IOException {
        String presented = params.get("refresh_token");
        Session session = presented == null ? null : refreshTokens.get(presented);
        if (session == null
                || endedSessions.contains(session.id())
                || session.expiresAt().isBefore(Instant.now())
                || !session.clientId().equals(clientId)
                || !users.containsKey(session.username())) {
            tokenError(exchange, 400, "invalid_grant", "Invalid refresh token");
            return;
        }
        refreshes.incrementAndGet();
        json(exchange, 200, tokens(session, null));
    }

    private void logout(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>(query(exchange.getRequestURI()));
        if ("POST".equals(exchange.getRequestMethod())) {
            params.putAll(form(exchange));
        }
        String clientId = params.get("client_id");
        String hint = params.get("id_token_hint");
        if (hint != null) {
            try {
                var claims = SignedJWT.parse(hint).getJWTClaimsSet();
                Object sid = claims.getClaim("sid");
                if (sid != null) {
                    endedSessions.add(sid.toString());
                }
                if (clientId == null && !claims.getAudience().isEmpty()) {
                    clientId = claims.getAudience().get(0);
                }
            } catch (ParseException e) {
                page(exchange, 400, "Invalid parameter: id_token_hint", "<p>Invalid parameter: id_token_hint</p>");
                return;
            }
        }
        String target = params.get("post_logout_redirect_uri");
        if (target == null) {
            page(exchange, 200, "Signed out", "<p>You are signed out.</p>");
            return;
        }
        if (clientId == null || !clients.containsKey(clientId) || !allowed(clientId, target)) {
            refuse("invalid_post_logout_redirect_uri: " + target);
            page(exchange, 400, "Invalid redirect uri", "<p>Invalid redirect uri</p>");
            return;
        }
        redirect(exchange, target, Map.of());
    }

    // ---- tokens

    private Map<String, Object> tokens(Session session, @Nullable String nonce) {
        User user = Objects.requireNonNull(
                users.get(session.username()),
                "users are never removed, and sessions are only made for users who signed in");
        Instant now = Instant.now();
        String refreshToken = token(48);
        refreshTokens.put(refreshToken, session);
        String access = issuer.user(
                        user.username(), user.organisationId(), user.roles().toArray(String[]::new))
                .expiresAt(now.plus(accessTokenLifetime))
                .claim("azp", session.clientId())
                .claim("sid", session.id())
                .claim("scope", "openid profile email")
                .encode();
        TestTokenIssuer.Token id = issuer.user(
                        user.username(), user.organisationId(), user.roles().toArray(String[]::new))
                .audience(session.clientId())
                .expiresAt(now.plus(accessTokenLifetime))
                .claim("typ", "ID")
                .claim("azp", session.clientId())
                .claim("sid", session.id());
        if (nonce != null) {
            id.claim("nonce", nonce);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access);
        body.put("expires_in", accessTokenLifetime.toSeconds());
        body.put(
                "refresh_expires_in", Duration.between(now, session.expiresAt()).toSeconds());
        body.put("refresh_token", refreshToken);
        body.put("token_type", "Bearer");
        body.put("id_token", id.encode());
        body.put("not-before-policy", 0);
        body.put("session_state", session.id());
        body.put("scope", "openid profile email");
        return body;
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private boolean allowed(String clientId, String uri) {
        for (String pattern : clients.getOrDefault(clientId, List.of())) {
            if (pattern.endsWith("*")
                    ? uri.startsWith(pattern.substring(0, pattern.length() - 1))
                    : uri.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    private void refuse(String what) {
        refusals.add(what);
    }

    // ---- HTTP

    private boolean preflight(HttpExchange exchange) throws IOException {
        if (!"OPTIONS".equals(exchange.getRequestMethod())) {
            return false;
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().add("Vary", "Origin");
        }
        exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type, Authorization");
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
        return true;
    }

    /** Lets the browser read the answer when the request comes from one of the client's redirect origins. */
    private void allowOrigin(HttpExchange exchange, String clientId) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null) {
            return;
        }
        boolean known = clients.getOrDefault(clientId, List.of()).stream()
                .map(TestOpenIdProvider::originOf)
                .anyMatch(origin::equals);
        if (known) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().add("Vary", "Origin");
        }
    }

    private static String originOf(String uri) {
        URI u = URI.create(uri.replace("*", ""));
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    private void tokenError(HttpExchange exchange, int status, String error, String description) throws IOException {
        refuse(error + ": " + description);
        json(exchange, status, Map.of("error", error, "error_description", description));
    }

    private void loginForm(HttpExchange exchange, Map<String, String> params, @Nullable String problem)
            throws IOException {
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of(
                "client_id",
                "redirect_uri",
                "response_type",
                "scope",
                "state",
                "nonce",
                "code_challenge",
                "code_challenge_method",
                "ui_locales")) {
            if (params.get(name) != null) {
                hidden.append("<input type=\"hidden\" name=\"")
                        .append(name)
                        .append("\" value=\"")
                        .append(escape(params.get(name)))
                        .append("\">");
            }
        }
        String body = (problem == null ? "" : "<p id=\"input-error\" role=\"alert\">" + escape(problem) + "</p>")
                + "<form id=\"kc-form-login\" method=\"post\" action=\"" + AUTHORIZATION_PATH + "\">" + hidden
                + "<p><label for=\"username\">Username</label> <input id=\"username\" name=\"username\" "
                + "autocomplete=\"username\" autofocus></p>"
                + "<p><label for=\"password\">Password</label> <input id=\"password\" name=\"password\" "
                + "type=\"password\" autocomplete=\"current-password\"></p>"
                + "<p><button id=\"kc-login\" type=\"submit\">Sign In</button></p></form>";
        page(exchange, 200, "Sign in to arrival", body);
    }

    private static void page(HttpExchange exchange, int status, String title, String body) throws IOException {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><link rel=\"icon\" href=\"data:,\"></head><body><main><h1>" + escape(title) + "</h1>" + body
                + "</main></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange exchange, String target, Map<String, String> params) throws IOException {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String location = query.isEmpty() ? target : target + (target.contains("?") ? "&" : "?") + query;
        exchange.getResponseHeaders().add("Location", location);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void redirectError(
            HttpExchange exchange, String redirectUri, @Nullable String state, String error, String description)
            throws IOException {
        refuse(error + ": " + description);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        if (state != null) {
            params.put("state", state);
        }
        redirect(exchange, redirectUri, params);
    }

    private static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSONObjectUtils.toJSONString(new LinkedHashMap<String, Object>(body))
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(URI uri) {
        return parse(uri.getRawQuery());
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
