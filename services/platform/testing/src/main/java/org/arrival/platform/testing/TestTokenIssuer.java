package org.arrival.platform.testing;

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
import java.util.UUID;

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

/**
 * A stand-in for Keycloak's token endpoint in integration tests: it signs Keycloak-shaped access tokens with a
 * test key and serves that key as a JWKS over real HTTP, so services validate tokens exactly as in production.
 */
public final class TestTokenIssuer {

    public static final String REALM_PATH = "/realms/arrival";
    public static final String JWKS_PATH = REALM_PATH + "/protocol/openid-connect/certs";
    public static final String AUDIENCE = "arrival-api";
    public static final String CLIENT = "arrival-web";

    private static TestTokenIssuer instance;

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final HttpServer server;
    private TestOpenIdProvider openIdProvider;

    private TestTokenIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("arrival-test").generate();
            strangerKey = new RSAKeyGenerator(2048).keyID("arrival-test").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
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
            instance = new TestTokenIssuer();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> instance.server.stop(0)));
        }
        return instance;
    }

    /**
     * The OpenID provider on this issuer's server, for browser sign-in with the authorization code flow and PKCE;
     * started on first use.
     */
    public synchronized TestOpenIdProvider openIdProvider() {
        if (openIdProvider == null) {
            openIdProvider = new TestOpenIdProvider(this, server);
        }
        return openIdProvider;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + JWKS_PATH;
    }

    /** Starts a token for a user of an organisation. */
    public Token user(String username, UUID organisationId, String... roles) {
        return new Token(username, organisationId, List.of(roles));
    }

    /** A token builder; defaults are those of a valid Keycloak access token for the platform's audience. */
    public final class Token {
        private final String username;
        private final UUID organisationId;
        private final List<String> roles;
        private String subject;
        private String issuer = TestTokenIssuer.this.issuer();
        private List<String> audience = List.of(AUDIENCE);
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(10));
        private boolean foreignKey;
        private final Map<String, Object> extra = new java.util.LinkedHashMap<>();

        private Token(String username, UUID organisationId, List<String> roles) {
            this.username = username;
            this.organisationId = organisationId;
            this.roles = new ArrayList<>(roles);
            this.subject = UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
        }

        public Token issuer(String value) {
            this.issuer = value;
            return this;
        }

        public Token audience(String... values) {
            this.audience = List.of(values);
            return this;
        }

        public Token expiresAt(Instant value) {
            this.expiresAt = value;
            return this;
        }

        /** Signs with a key the issuer never published, as a forger would. */
        public Token signedByStranger() {
            this.foreignKey = true;
            return this;
        }

        public Token claim(String name, Object value) {
            extra.put(name, value);
            return this;
        }

        public String subject() {
            return subject;
        }

        public String encode() {
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
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
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
