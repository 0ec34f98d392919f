package org.arrival.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for Keycloak's token endpoint in integration tests: it signs Keycloak-shaped access tokens with a
 * test key and serves that key as a JWKS over real HTTP, so services validate tokens exactly as in production.
 * <p>
 * With {@link Infrastructure#CONTAINERS} (or {@value #KEYCLOAK_URL_PROPERTY} naming a running Keycloak) the issuer is
 * a Keycloak with the platform's realm: a token that only names a user, an organisation and roles is a real one, for a
 * realm user given exactly that organisation and those roles, obtained by password grant. A token a test alters
 * (issuer, audience, expiry, extra claims, a stranger's key) is still forged here, signed with a key the realm
 * publishes beside its own, so it is accepted or refused for the same reason as in the embedded mode.
 */
public final class TestTokenIssuer {

    public static final String REALM_PATH = "/realms/arrival";
    public static final String JWKS_PATH = REALM_PATH + "/protocol/openid-connect/certs";
    public static final String AUDIENCE = "arrival-api";
    /** The client the tokens were issued to ({@code azp}): the web application. */
    public static final String CLIENT = "arrival-bff";
    /** A running Keycloak to take tokens from instead of signing them here, e.g. {@code http://127.0.0.1:8180}. */
    public static final String KEYCLOAK_URL_PROPERTY = "arrival.keycloak.url";

    private static @Nullable TestTokenIssuer instance;

    private final RSAKey key;
    private final RSAKey strangerKey;
    /** The local JWKS server of the embedded mode; null with a realm. */
    private final @Nullable HttpServer server;
    /** The Keycloak realm that issues the real tokens; null when every token is signed here. */
    private final @Nullable KeycloakRealm realm;

    private @Nullable TestOpenIdProvider openIdProvider;

    private TestTokenIssuer(@Nullable KeycloakRealm realm) {
        this.realm = realm;
        RSAKey generated;
        RSAKey stranger;
        try {
            generated = new RSAKeyGenerator(2048).keyID("arrival-test").generate();
            stranger = new RSAKeyGenerator(2048).keyID("arrival-test").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        if (realm != null) {
            // a stranger's token names the published key's id, so it fails on its signature and nothing else
            String kid = realm.publishKey(generated, "arrival-test-forgeries");
            key = new RSAKey.Builder(generated).keyID(kid).build();
            strangerKey = new RSAKey.Builder(stranger).keyID(kid).build();
            server = null;
            return;
        }
        key = generated;
        strangerKey = stranger;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext(JWKS_PATH, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static synchronized TestTokenIssuer instance() {
        if (instance == null) {
            TestTokenIssuer created = new TestTokenIssuer(realm());
            HttpServer jwks = created.server;
            if (jwks != null) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> jwks.stop(0)));
            }
            instance = created;
        }
        return instance;
    }

    /**
     * The Keycloak container in container mode; else a Keycloak already running with the realm imported, if
     * {@value #KEYCLOAK_URL_PROPERTY} names one (bootstrap admin {@code admin}/{@code admin}); else none.
     */
    private static @Nullable KeycloakRealm realm() {
        if (Infrastructure.current() == Infrastructure.CONTAINERS) {
            return ContainerInfrastructure.keycloak();
        }
        String url = System.getProperty(KEYCLOAK_URL_PROPERTY);
        return url == null || url.isBlank() ? null : new KeycloakRealm(url, "admin", "admin");
    }

    /**
     * The OpenID provider on this issuer's server, for browser sign-in with the authorization code flow and PKCE;
     * started on first use.
     */
    public synchronized TestOpenIdProvider openIdProvider() {
        if (server == null) {
            throw new IllegalStateException("the test OpenID provider runs on the embedded issuer only; with a real "
                    + "Keycloak, sign in through Keycloak itself");
        }
        if (openIdProvider == null) {
            openIdProvider = new TestOpenIdProvider(this, server);
        }
        return openIdProvider;
    }

    public String issuer() {
        if (realm != null) {
            return realm.issuer();
        }
        return "http://127.0.0.1:" + embeddedServer().getAddress().getPort() + REALM_PATH;
    }

    public String jwkSetUri() {
        if (realm != null) {
            return realm.jwkSetUri();
        }
        return "http://127.0.0.1:" + embeddedServer().getAddress().getPort() + JWKS_PATH;
    }

    /** The server of the embedded mode, which every issuer without a realm has. */
    private HttpServer embeddedServer() {
        return Objects.requireNonNull(server, "an issuer without a Keycloak realm serves its keys itself");
    }

    /** Starts a token for a user of an organisation. */
    public Token user(String username, @Nullable UUID organisationId, String... roles) {
        return new Token(username, organisationId, List.of(roles));
    }

    /** A token builder; defaults are those of a valid Keycloak access token for the platform's audience. */
    public final class Token {
        private final String username;
        private final @Nullable UUID organisationId;
        private final List<String> roles;
        private String subject;
        private String issuer = TestTokenIssuer.this.issuer();
        private List<String> audience = List.of(AUDIENCE);
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(10));
        private boolean foreignKey;
        private final Map<String, Object> extra = new java.util.LinkedHashMap<>();
        /** Altered by the test: never a real realm token. */
        private boolean forged;

        private Token(String username, @Nullable UUID organisationId, List<String> roles) {
            this.username = username;
            this.organisationId = organisationId;
            this.roles = new ArrayList<>(roles);
            this.subject = UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8))
                    .toString();
        }

        public Token issuer(String value) {
            this.issuer = value;
            this.forged = true;
            return this;
        }

        public Token audience(String... values) {
            this.audience = List.of(values);
            this.forged = true;
            return this;
        }

        public Token expiresAt(Instant value) {
            this.expiresAt = value;
            this.forged = true;
            return this;
        }

        /** Signs with a key the issuer never published, as a forger would. */
        public Token signedByStranger() {
            this.foreignKey = true;
            this.forged = true;
            return this;
        }

        public Token claim(String name, @Nullable Object value) {
            extra.put(name, value);
            this.forged = true;
            return this;
        }

        public String subject() {
            KeycloakRealm issuing = issuingRealm();
            if (issuing != null) {
                return issuing.userId(username, organisationId, roles);
            }
            return subject;
        }

        /** Whether this token comes from the Keycloak realm (container mode, not altered by the test). */
        boolean fromRealm() {
            return issuingRealm() != null;
        }

        /** The Keycloak realm this token comes from; null when it is signed here (no realm, or altered by the test). */
        private @Nullable KeycloakRealm issuingRealm() {
            return forged ? null : realm;
        }

        /** Whether the test altered it (issuer, audience, expiry, claims or key), which makes it a forgery. */
        boolean altered() {
            return forged;
        }

        public String encode() {
            KeycloakRealm issuing = issuingRealm();
            if (issuing != null) {
                return issuing.accessToken(username, organisationId, roles);
            }
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(subject)
                    .audience(audience)
                    // issued before it expires, so an expired token is refused for expiry and nothing else
                    .issueTime(Date.from(earliest(now.minusSeconds(5), expiresAt.minusSeconds(60))))
                    .expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("typ", "Bearer")
                    .claim("azp", CLIENT)
                    .claim("preferred_username", username)
                    .claim("realm_access", Map.of("roles", roles));
            if (organisationId != null) {
                claims.claim("org_id", organisationId.toString());
            }
            extra.forEach(claims::claim);
            RSAKey signingKey = foreignKey ? strangerKey : key;
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signingKey.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims.build());
            try {
                jwt.sign(new RSASSASigner(signingKey));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        private static Instant earliest(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }

        /** The value of an {@code Authorization} header. */
        public String bearer() {
            return "Bearer " + encode();
        }
    }
}
