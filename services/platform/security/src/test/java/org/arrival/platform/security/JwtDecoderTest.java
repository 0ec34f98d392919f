package org.arrival.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The decoder the auto-configuration builds, against the test issuer's real JWKS endpoint: each check refuses
 * for its own reason (the web test only sees the resulting 401).
 */
class JwtDecoderTest {

    private static final TestTokenIssuer ISSUER = TestTokenIssuer.instance();
    private static final UUID ORG = UUID.randomUUID();

    /** Only the issuer is configured: the JWKS location is derived from it as for a real Keycloak realm. */
    private final JwtDecoder decoder = new ArrivalSecurityAutoConfiguration()
            .jwtDecoder(new SecurityProperties(ISSUER.issuer(), null, null, null));

    @Test
    void acceptsAValidTokenWithKeysFromTheDerivedJwksUri() {
        TestTokenIssuer.Token token = ISSUER.user("amina", ORG, "member");

        Jwt jwt = decoder.decode(token.encode());

        assertThat(jwt.getSubject()).isEqualTo(token.subject());
        assertThat(jwt.getAudience()).contains("arrival-api");
        assertThat(jwt.getClaimAsString("org_id")).isEqualTo(ORG.toString());
    }

    @Test
    void acceptsATokenWithoutOrganisation() {
        Jwt jwt = decoder.decode(ISSUER.user("root", null, "platform-admin").encode());

        assertThat(jwt.hasClaim("org_id")).isFalse();
    }

    @Test
    void acceptsAnAudienceListThatIncludesTheApi() {
        assertThat(decoder.decode(ISSUER.user("amina", ORG)
                        .audience("account", "arrival-api")
                        .encode()))
                .isNotNull();
    }

    @Test
    void refusesAnExpiredToken() {
        refusedFor(
                ISSUER.user("amina", ORG)
                        // issued 20 minutes ago, expired 10 minutes ago: well past the decoder's 60 s clock skew
                        .claim("iat", java.util.Date.from(Instant.now().minusSeconds(1200)))
                        .expiresAt(Instant.now().minusSeconds(600))
                        .encode(),
                "expired");
    }

    @Test
    void refusesAnotherIssuer() {
        refusedFor(
                ISSUER.user("amina", ORG)
                        .issuer("http://127.0.0.1:1/realms/elsewhere")
                        .encode(),
                "iss");
    }

    @Test
    void refusesAnotherAudience() {
        refusedFor(ISSUER.user("amina", ORG).audience("account").encode(), "aud");
    }

    @Test
    void refusesAnOrganisationThatIsNotAUuid() {
        refusedFor(ISSUER.user("amina", null).claim("org_id", "acme-ngo").encode(), "org_id");
    }

    @Test
    void refusesAForgedSignature() {
        assertThatThrownBy(() -> decoder.decode(
                        ISSUER.user("amina", ORG).signedByStranger().encode()))
                .isInstanceOf(BadJwtException.class)
                .isNotInstanceOf(JwtValidationException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void refusesGarbage() {
        assertThatThrownBy(() -> decoder.decode("not.a.jwt")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void refusesToStartWithoutIssuer() {
        assertThatThrownBy(() -> new ArrivalSecurityAutoConfiguration()
                        .jwtDecoder(new SecurityProperties(" ", null, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("arrival.security.issuer-uri");
    }

    private void refusedFor(String token, String reason) {
        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOfSatisfying(
                        JwtValidationException.class,
                        e -> assertThat(e.getErrors())
                                .extracting(OAuth2Error::getDescription)
                                .anySatisfy(d -> assertThat(d).containsIgnoringCase(reason)));
    }
}
