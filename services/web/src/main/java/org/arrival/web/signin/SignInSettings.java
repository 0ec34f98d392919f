package org.arrival.web.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where people sign in: the Keycloak realm's issuer as browsers reach it (the tokens name it), as this service
 * reaches it when that differs (inside a container network, say), and this application's confidential client.
 */
@ConfigurationProperties("arrival.web.sign-in")
public record SignInSettings(String issuerUri, String backchannelUri, String clientId, String clientSecret) {

    public SignInSettings {
        issuerUri = trimSlash(
                issuerUri == null || issuerUri.isBlank() ? "http://127.0.0.1:8180/realms/arrival" : issuerUri);
        backchannelUri = backchannelUri == null || backchannelUri.isBlank() ? issuerUri : trimSlash(backchannelUri);
        clientId = clientId == null || clientId.isBlank() ? "arrival-bff" : clientId;
    }

    private static String trimSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
