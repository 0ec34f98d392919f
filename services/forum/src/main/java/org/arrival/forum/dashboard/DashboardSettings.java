package org.arrival.forum.dashboard;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the browser dashboard needs to sign its user in; served to the page by {@link DashboardController}.
 *
 * @param issuer the OpenID provider (Keycloak realm) the page signs in with; the services' token issuer by default
 * @param clientId the public client of the realm the page is, {@code arrival-web}
 * @param scope the scopes the page asks for
 * @param languages the languages the page has message bundles for, the first being the fallback
 */
@ConfigurationProperties("arrival.forum.dashboard")
public record DashboardSettings(String issuer, String clientId, String scope, List<String> languages) {

    public DashboardSettings {
        clientId = clientId == null || clientId.isBlank() ? "arrival-web" : clientId;
        scope = scope == null || scope.isBlank() ? "openid" : scope;
        languages = languages == null || languages.isEmpty() ? List.of("en", "fr") : List.copyOf(languages);
        issuer = issuer == null ? null : issuer.replaceAll("/+$", "");
    }

    /** The issuer's origin ({@code scheme://host:port}), which the page's content security policy lets it reach. */
    public String issuerOrigin() {
        if (issuer == null || issuer.isBlank()) {
            return "";
        }
        java.net.URI uri = java.net.URI.create(issuer);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
