package org.arrival.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The container mode's tokens against a real Keycloak with the platform's realm: the Keycloak container of
 * {@code -Ptestcontainers}, or one already running given as {@code -Darrival.keycloak.url=http://host:port} (bootstrap
 * admin {@code admin}/{@code admin}, realm imported). Without either it is skipped: the default build has no Keycloak.
 */
@EnabledIf(value = "keycloakGiven", disabledReason = "needs a Keycloak: -Ptestcontainers or -Darrival.keycloak.url")
class KeycloakRealmTest {

    static TestTokenIssuer issuer;

    static boolean keycloakGiven() {
        String url = System.getProperty(TestTokenIssuer.KEYCLOAK_URL_PROPERTY);
        return Infrastructure.current() == Infrastructure.CONTAINERS || (url != null && !url.isBlank());
    }

    @BeforeAll
    static void realm() {
        issuer = TestTokenIssuer.instance();
    }

    @Test
    void aPlainTokenIsTheRealmsOwnWithTheOrganisationAndExactlyTheRolesAskedFor() throws Exception {
        UUID org = UUID.randomUUID();
        String name = "grace-" + UUID.randomUUID().toString().substring(0, 8);
        TestTokenIssuer.Token token = issuer.user(name, org, "org-admin", "forum-coordinator");
        assertThat(token.fromRealm()).isTrue();

        SignedJWT jwt = SignedJWT.parse(token.encode());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(issuer.issuer());
        assertThat(claims.getAudience()).contains(TestTokenIssuer.AUDIENCE);
        assertThat(claims.getStringClaim("org_id")).isEqualTo(org.toString());
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(name);
        assertThat(claims.getSubject()).isEqualTo(token.subject());
        assertThat(roles(claims)).containsExactlyInAnyOrder("org-admin", "forum-coordinator");
        assertThat(verifiedByRealm(jwt))
                .as("signed with a key of the realm's JWKS")
                .isTrue();
        assertThat(jwt.getHeader().getKeyID())
                .as("Keycloak signs with its own key, not the one for forgeries")
                .isNotEqualTo(
                        SignedJWT.parse(issuer.user(name, org).claim("x", 1).encode())
                                .getHeader()
                                .getKeyID());
    }

    @Test
    void theSameUserAskedForAgainWithOtherGrantsGetsThem() throws Exception {
        String name = "joseph-" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        JWTClaimsSet a =
                SignedJWT.parse(issuer.user(name, first, "org-editor").encode()).getJWTClaimsSet();
        JWTClaimsSet b = SignedJWT.parse(
                        issuer.user(name, second, "member", "made-up-role").encode())
                .getJWTClaimsSet();
        JWTClaimsSet c = SignedJWT.parse(issuer.user(name, null).encode()).getJWTClaimsSet();

        assertThat(b.getSubject()).isEqualTo(a.getSubject());
        assertThat(a.getStringClaim("org_id")).isEqualTo(first.toString());
        assertThat(roles(a)).containsExactly("org-editor");
        assertThat(b.getStringClaim("org_id")).isEqualTo(second.toString());
        assertThat(roles(b)).containsExactlyInAnyOrder("member", "made-up-role");
        assertThat(c.getClaim("org_id")).isNull();
        assertThat(roles(c)).isEmpty();
    }

    @Test
    void alteredTokensAreForgedHereAndOnlyThePublishedKeyVerifies() throws Exception {
        UUID org = UUID.randomUUID();
        TestTokenIssuer.Token expired =
                issuer.user("amina", org, "member").expiresAt(Instant.now().minusSeconds(600));
        assertThat(expired.fromRealm()).isFalse();
        SignedJWT forged = SignedJWT.parse(expired.encode());
        assertThat(forged.getJWTClaimsSet().getIssuer()).isEqualTo(issuer.issuer());
        assertThat(verifiedByRealm(forged)).isTrue();
        assertThat(verifiedByRealm(SignedJWT.parse(
                        issuer.user("amina", org, "member").signedByStranger().encode())))
                .isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(JWTClaimsSet claims) throws Exception {
        Map<String, Object> access = claims.getJSONObjectClaim("realm_access");
        return access == null ? List.of() : (List<String>) access.get("roles");
    }

    private static boolean verifiedByRealm(SignedJWT jwt) throws Exception {
        JWKSet keys = JWKSet.load(URI.create(issuer.jwkSetUri()).toURL());
        var key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        return key != null && jwt.verify(new RSASSAVerifier((RSAKey) key));
    }
}
