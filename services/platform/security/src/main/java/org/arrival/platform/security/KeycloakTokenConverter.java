package org.arrival.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Reads a Keycloak access token: realm roles from {@code realm_access.roles} (and the calling client's roles
 * from {@code resource_access.<azp>.roles}) become {@code ROLE_*} authorities; {@code org_id} is the acting
 * organisation. A token without a subject is refused: it names no user to record changes under.
 */
public class KeycloakTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String ORG_CLAIM = "org_id";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<String> roles = new LinkedHashSet<>(rolesAt(jwt.getClaimAsMap("realm_access")));
        Map<String, Object> resourceAccess = jwt.getClaimAsMap("resource_access");
        String client = jwt.getClaimAsString("azp");
        if (resourceAccess != null && client != null && resourceAccess.get(client) instanceof Map<?, ?> clientAccess) {
            roles.addAll(rolesAt(clientAccess));
        }
        Collection<GrantedAuthority> authorities = roles.stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
        String subject = jwt.getSubject();
        if (subject == null) {
            // the user's id is what their changes are recorded under (created_by, the events' actor)
            throw new InvalidBearerTokenException("The token has no subject (sub claim), so it names no user");
        }
        String username = jwt.getClaimAsString("preferred_username");
        Caller caller = new Caller(subject, username != null ? username : subject, organisation(jwt), roles);
        return new CallerAuthentication(jwt, authorities, caller);
    }

    private static @Nullable UUID organisation(Jwt jwt) {
        String value = jwt.getClaimAsString(ORG_CLAIM);
        return value == null || value.isBlank() ? null : UUID.fromString(value.trim());
    }

    private static List<String> rolesAt(@Nullable Map<?, ?> access) {
        if (access == null || !(access.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .toList();
    }
}
