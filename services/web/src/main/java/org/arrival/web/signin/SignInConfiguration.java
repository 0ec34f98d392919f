package org.arrival.web.signin;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sign-in as a backend-for-frontend: the authorization code flow with PKCE against the realm, as its confidential
 * client. Access and refresh tokens stay in the server-side session (stored in PostgreSQL by Spring Session, so any
 * instance serves any user); the browser holds only the HttpOnly session cookie. Every form carries a CSRF token.
 * Signing out ends the Keycloak session too (OpenID Connect RP-initiated logout).
 */
@Configuration
public class SignInConfiguration {

    public static final String REGISTRATION = "keycloak";
    public static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION;

    /**
     * The realm as a client registration, from Keycloak's fixed endpoint paths: nothing is fetched at start-up (the
     * service starts while Keycloak still does), and the browser-facing and server-facing addresses may differ.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(SignInSettings settings) {
        String front = settings.issuerUri() + "/protocol/openid-connect";
        String back = settings.backchannelUri() + "/protocol/openid-connect";
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(front + "/auth")
                .tokenUri(back + "/token")
                .jwkSetUri(back + "/certs")
                .userInfoUri(back + "/userinfo")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .issuerUri(settings.issuerUri())
                .providerConfigurationMetadata(Map.of("end_session_endpoint", front + "/logout"))
                .clientName("Arrival")
                .build();
        return new InMemoryClientRegistrationRepository(keycloak);
    }

    public static final String SESSION_COOKIE = "ARRIVAL_SESSION";

    /**
     * The one cookie the browser holds: out of scripts' reach, not sent on cross-site requests other than top-level
     * navigation, and Secure whenever the request came over HTTPS (behind a proxy, as X-Forwarded-Proto says).
     */
    @Bean
    DefaultCookieSerializer sessionCookie() {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(SESSION_COOKIE);
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        return cookie;
    }

    /** Authorized clients (the user's tokens) live in the HTTP session, never in one instance's memory. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Gives the signed-in user's access token to API calls, refreshing it with the refresh token when it is due. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository clients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    @Bean
    SecurityFilterChain signInFilterChain(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository clients,
            LocaleResolver locales)
            throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(builder -> builder.additionalParameters(params -> {
                    // Keycloak's login page in the language the person reads here
                    var request = currentRequest();
                    if (request != null) {
                        params.put("ui_locales", locales.resolveLocale(request).getLanguage());
                    }
                })));
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");

        // after signing in, back to the page asked for, at its own address (no "?continue" marker)
        HttpSessionRequestCache savedPages = withoutContinueMarker(new HttpSessionRequestCache());
        // only whole pages: never a part asked by htmx, a live stream or a file
        savedPages.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && request.getHeader("HX-Request") == null
                && (request.getHeader("Accept") == null
                        || !request.getHeader("Accept").contains("text/event-stream"))
                && !request.getRequestURI().contains("/parts/")
                && !request.getRequestURI().endsWith("/live")
                && !request.getRequestURI().startsWith("/static/")
                && !request.getRequestURI().startsWith("/webjars/"));

        http.requestCache(cache -> cache.requestCache(savedPages))
                .authorizeHttpRequests(pages -> pages.requestMatchers(
                                "/static/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/actuator/health/**",
                                "/actuator/info",
                                // scraped inside the cluster; an ingress must not route it
                                "/actuator/prometheus",
                                "/signed-out",
                                "/language",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2Login(
                        login -> login.authorizationEndpoint(a -> a.authorizationRequestResolver(authorizationRequests))
                                .authorizedClientRepository(clients))
                .oauth2Client(client -> client.authorizedClientRepository(clients))
                .logout(logout -> logout.logoutSuccessHandler(signedOut))
                .exceptionHandling(e -> e
                        // a partial page asked by htmx cannot follow a redirect to Keycloak: it reloads the whole page
                        .defaultAuthenticationEntryPointFor(
                                (request, response, ex) -> {
                                    response.setHeader("HX-Refresh", "true");
                                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED).commence(request, response, ex);
                                },
                                new RequestHeaderRequestMatcher("HX-Request"))
                        .defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                new RequestHeaderRequestMatcher("Accept", "text/event-stream"))
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(SIGN_IN_PATH), request -> true))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                        + "connect-src 'self'; form-action 'self' " + originOf(registrations)
                                        + "; frame-ancestors 'none'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** The saved pages' cache, matching a saved page by its own address rather than by a "?continue" marker. */
    // Spring Security documents null as "no marker parameter", but its setter's signature does not say @Nullable
    @SuppressWarnings("NullAway")
    private static HttpSessionRequestCache withoutContinueMarker(HttpSessionRequestCache savedPages) {
        savedPages.setMatchingRequestParameterName(null);
        return savedPages;
    }

    /** The issuer's origin: the sign-out form goes on to it. */
    private static String originOf(ClientRegistrationRepository registrations) {
        ClientRegistration registration = Objects.requireNonNull(
                registrations.findByRegistrationId(REGISTRATION),
                "the application's own client registration is configured");
        String issuer = registration.getProviderDetails().getIssuerUri();
        java.net.URI uri = java.net.URI.create(issuer);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static jakarta.servlet.http.@Nullable HttpServletRequest currentRequest() {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        return attributes instanceof org.springframework.web.context.request.ServletRequestAttributes s
                ? s.getRequest()
                : null;
    }
}
