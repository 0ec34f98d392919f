package org.arrival.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.arrival.web.signin.SignInConfiguration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A person signed in to the web application in a test: their session's authentication and, beside it, an access
 * token naming their organisation and realm roles, as Keycloak would issue it (unsigned: the stub services do not
 * check it, and the web application reads it only for who the person is).
 */
public record SignedIn(String username, UUID organisation, String accessToken, String... roles) {

    public static SignedIn as(String username, UUID organisation, String... roles) {
        String claims = """
                {"sub":"%s","preferred_username":"%s","org_id":"%s","realm_access":{"roles":[%s]}}""".formatted(
                        username,
                        username,
                        organisation,
                        Stream.of(roles).map(r -> "\"" + r + "\"").collect(Collectors.joining(",")));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String token = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
        return new SignedIn(username, organisation, token, roles);
    }

    /** The request as this person's, through the web application's Keycloak registration. */
    public RequestPostProcessor on(ClientRegistration keycloak) {
        return request -> {
            oidcLogin()
                    .clientRegistration(keycloak)
                    .idToken(t -> t.subject(username)
                            .claim("org_id", organisation.toString())
                            .claim("preferred_username", username)
                            .claim("name", username)
                            .claim("email", username + "@demo.arrival.example")
                            // the test's client reaches the service calls, not the session the page reads the
                            // person from: the ID token carries the roles the access token has
                            .claim("realm_access", java.util.Map.of("roles", java.util.List.of(roles))))
                    .postProcessRequest(request);
            OAuth2AccessToken token = new OAuth2AccessToken(
                    OAuth2AccessToken.TokenType.BEARER,
                    accessToken,
                    Instant.now(),
                    Instant.now().plusSeconds(300));
            return oauth2Client(SignInConfiguration.REGISTRATION)
                    .clientRegistration(keycloak)
                    .principalName(username)
                    .accessToken(token)
                    .postProcessRequest(request);
        };
    }

    public String bearer() {
        return "Bearer " + accessToken;
    }
}
