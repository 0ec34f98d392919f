package org.arrival.web.signin;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/** Who is signed in on a request: from the session's authentication and the access token kept beside it. */
@Component
public class SignedInUsers {

    private final OAuth2AuthorizedClientRepository clients;

    public SignedInUsers(OAuth2AuthorizedClientRepository clients) {
        this.clients = clients;
    }

    /** The signed-in person, or null when nobody is. */
    public @Nullable SignedInUser current(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof OAuth2AuthenticationToken token) || !(token.getPrincipal() instanceof OidcUser oidc)) {
            return null;
        }
        OAuth2AuthorizedClient client =
                clients.loadAuthorizedClient(token.getAuthorizedClientRegistrationId(), token, request);
        Map<String, Object> claims = client == null ? oidc.getClaims() : accessTokenClaims(client, oidc.getClaims());
        String org = claims.get("org_id") instanceof String s && !s.isBlank() ? s : oidc.getClaimAsString("org_id");
        @Nullable UUID orgId = null;
        if (org != null) {
            try {
                orgId = UUID.fromString(org);
            } catch (IllegalArgumentException e) {
                orgId = null;
            }
        }
        String name = oidc.getFullName() != null ? oidc.getFullName() : oidc.getPreferredUsername();
        String subject = Objects.requireNonNull(oidc.getSubject(), "an ID token always names its subject");
        return new SignedInUser(subject, oidc.getPreferredUsername(), name, orgId, roles(claims));
    }

    /** The access token's claims: the token came straight from the issuer's token endpoint to this server. */
    private static Map<String, Object> accessTokenClaims(OAuth2AuthorizedClient client, Map<String, Object> fallback) {
        try {
            JWTClaimsSet set =
                    JWTParser.parse(client.getAccessToken().getTokenValue()).getJWTClaimsSet();
            return set.getClaims();
        } catch (ParseException e) {
            return fallback;
        }
    }

    private static Set<String> roles(Map<String, Object> claims) {
        Set<String> roles = new LinkedHashSet<>();
        if (claims.get("realm_access") instanceof Map<?, ?> realm
                && realm.get("roles") instanceof Collection<?> names) {
            names.forEach(n -> roles.add(String.valueOf(n)));
        }
        return Set.copyOf(roles);
    }
}
