package org.arrival.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from and whom they must be for.
 *
 * @param issuerUri the realm's issuer, e.g. {@code http://127.0.0.1:8180/realms/arrival}; tokens must carry it as {@code iss}
 * @param jwkSetUri where the signing keys are; defaults to Keycloak's certs endpoint under the issuer
 * @param audience the {@code aud} every token must name
 * @param publicPaths paths served without a token (health, API description, and the metrics for the scraper inside
 *        the cluster: an ingress must not route {@code /actuator/prometheus})
 *
 */
@ConfigurationProperties("arrival.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, String audience, List<String> publicPaths) {

    public SecurityProperties {
        if (audience == null || audience.isBlank()) {
            audience = "arrival-api";
        }
        if (publicPaths == null) {
            publicPaths = List.of(
                    "/actuator/health/**",
                    "/actuator/info",
                    // scraped inside the cluster, like the probes; not routed by the ingress
                    "/actuator/prometheus",
                    "/v3/api-docs/**",
                    "/swagger-ui/**",
                    "/swagger-ui.html");
        }
    }

    public String effectiveJwkSetUri() {
        if (jwkSetUri != null && !jwkSetUri.isBlank()) {
            return jwkSetUri;
        }
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalStateException(
                    "arrival.security.issuer-uri is not set: the token issuer (Keycloak realm) must be configured");
        }
        return issuerUri.replaceAll("/$", "") + "/protocol/openid-connect/certs";
    }
}
