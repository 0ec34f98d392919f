package org.arrival.web.notifications;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.arrival.web.signin.SignInConfiguration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A member signed in to the web application in its tests: their session and, beside it, their access token. */
public final class SignedInMember {

    public static final UUID ORG = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");

    private SignedInMember() {
    }

    /** A member of the NGO with the given realm roles. */
    public static RequestPostProcessor of(ClientRegistrationRepository registrations, String... roles) {
        var keycloak = registrations.findByRegistrationId(SignInConfiguration.REGISTRATION);
        String token = unsignedJwt("""
                {"sub":"u-1","preferred_username":"ngo-editor","org_id":"%s","realm_access":{"roles":[%s]}}"""
                .formatted(ORG, String.join(",", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList())));
        return request -> {
            oidcLogin().clientRegistration(keycloak)
                    .idToken(t -> t.subject("u-1").claim("org_id", ORG.toString())
                            .claim("preferred_username", "ngo-editor").claim("name", "Nora Editor")
                            .claim("email", "ngo-editor@demo.arrival.example")
                            .claim("realm_access", java.util.Map.of("roles", java.util.List.of(roles))))
                    .postProcessRequest(request);
            return oauth2Client(SignInConfiguration.REGISTRATION).clientRegistration(keycloak).principalName("u-1")
                    .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, Instant.now(),
                            Instant.now().plusSeconds(300)))
                    .postProcessRequest(request);
        };
    }

    static String unsignedJwt(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
