package org.arrival.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityPropertiesTest {

    @Test
    void defaultsAudienceAndPublicPaths() {
        SecurityProperties p = new SecurityProperties("http://kc/realms/arrival", null, null, null);

        assertThat(p.audience()).isEqualTo("arrival-api");
        assertThat(p.publicPaths())
                .contains("/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**")
                .noneMatch(path -> path.startsWith("/api"));
    }

    @Test
    void blankAudienceFallsBackToDefault() {
        assertThat(new SecurityProperties("http://kc/realms/arrival", null, " ", List.of()).audience())
                .isEqualTo("arrival-api");
    }

    @Test
    void explicitValuesAreKept() {
        SecurityProperties p =
                new SecurityProperties("http://kc/realms/arrival", "http://keys/jwks", "other-api", List.of("/open"));

        assertThat(p.audience()).isEqualTo("other-api");
        assertThat(p.publicPaths()).containsExactly("/open");
        assertThat(p.effectiveJwkSetUri()).isEqualTo("http://keys/jwks");
    }

    @Test
    void jwkSetUriIsDerivedFromIssuer() {
        assertThat(new SecurityProperties("http://kc:8180/realms/arrival", null, null, null).effectiveJwkSetUri())
                .isEqualTo("http://kc:8180/realms/arrival/protocol/openid-connect/certs");
        assertThat(new SecurityProperties("http://kc:8180/realms/arrival/", "", null, null).effectiveJwkSetUri())
                .isEqualTo("http://kc:8180/realms/arrival/protocol/openid-connect/certs");
    }

    @Test
    void missingIssuerIsAClearConfigurationError() {
        assertThatThrownBy(() -> new SecurityProperties(null, null, null, null).effectiveJwkSetUri())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("arrival.security.issuer-uri");
    }
}
