package org.arrival.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrival.web.signin.SignInConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * The web application with its sessions in a real PostgreSQL (embedded) and every service answered by
 * {@link StubServices}. Sign-in itself is tested through Keycloak in the end-to-end tests; here a request carries a
 * signed-in user and their tokens as Spring Security's test support sets them up.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class WebTest {

    protected static final StubServices SERVICES = new StubServices();
    private static final EmbeddedPostgres POSTGRES;

    static {
        try {
            POSTGRES = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SERVICES.close();
            try {
                POSTGRES.close();
            } catch (IOException e) {
                // stopping
            }
        }));
    }

    @Autowired
    private ClientRegistrationRepository registrations;

    @Autowired
    private MockMvc pages;

    /**
     * A person signed in through Keycloak, acting for the organisation with the realm roles: their session's
     * authentication and, beside it, the access token the services are called with ({@link #accessToken}).
     */
    protected RequestPostProcessor signedIn(String subject, String username, UUID organisation, String... roles) {
        var keycloak = registrations.findByRegistrationId(SignInConfiguration.REGISTRATION);
        String token = accessToken(subject, username, organisation, roles);
        return request -> {
            oidcLogin()
                    .clientRegistration(keycloak)
                    // the pages read the roles from the access token, which the test client keeps out of the
                    // session: the ID token carries them too here
                    .idToken(t -> t.subject(subject)
                            .claim("org_id", organisation.toString())
                            .claim("preferred_username", username)
                            .claim("name", username)
                            .claim("realm_access", java.util.Map.of("roles", List.of(roles))))
                    .postProcessRequest(request);
            return oauth2Client(SignInConfiguration.REGISTRATION)
                    .clientRegistration(keycloak)
                    .principalName(subject)
                    .accessToken(new OAuth2AccessToken(
                            OAuth2AccessToken.TokenType.BEARER,
                            token,
                            Instant.now(),
                            Instant.now().plusSeconds(300)))
                    .postProcessRequest(request);
        };
    }

    /** A request as the person, signed in. */
    protected RequestPostProcessor as(SignedIn person) {
        return person.on(registrations.findByRegistrationId(SignInConfiguration.REGISTRATION));
    }

    /** The page the request is answered with, after checking its status. */
    protected String html(MockHttpServletRequestBuilder request, int status) throws Exception {
        return pages.perform(request)
                .andExpect(MockMvcResultMatchers.status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The (unsigned: the services are stubs) access token of a person, with their organisation and roles. */
    protected static String accessToken(String subject, String username, UUID organisation, String... roles) {
        String claims = """
                {"sub":"%s","preferred_username":"%s","org_id":"%s","realm_access":{"roles":[%s]}}""".formatted(
                        subject,
                        username,
                        organisation,
                        Arrays.stream(roles).map(r -> "\"" + r + "\"").collect(Collectors.joining(",")));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        for (String service : new String[] {"registry", "assessments", "action-plans", "notifications", "forum"}) {
            registry.add("arrival.web.services." + service, SERVICES::url);
        }
        // nothing listens here: the client registration is built without asking it
        registry.add("arrival.web.sign-in.issuer-uri", () -> "http://127.0.0.1:1/realms/arrival");
    }
}
