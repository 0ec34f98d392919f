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
 *
 * <p>A token the realm issued to a client for itself (client credentials: an organisation's API client) is recorded as
 * that client: its user id is {@code client:<clientId>} and its username the client id, so the changes it makes and
 * the events' {@link org.arrival.contracts.common.Actor} say which client wrote; its {@code org_id} is the organisation
 * the client was made for. Keycloak marks such a token by naming the client ({@code client_id}, else {@code azp}) and
 * giving {@code preferred_username} {@code service-account-<clientId>}.
 */
public class KeycloakTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String ORG_CLAIM = "org_id";

    /** The user id prefix of a change made through a client's own token (an organisation's API client). */
    public static final String CLIENT_PREFIX = "client:";

    private static final String SERVICE_ACCOUNT = "service-account-";

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
        String serviceClient = serviceAccountClient(jwt, username);
        Caller caller = serviceClient != null
                ? new Caller(CLIENT_PREFIX + serviceClient, serviceClient, organisation(jwt), roles)
                : new Caller(subject, username != null ? username : subject, organisation(jwt), roles);
        return new CallerAuthentication(jwt, authorities, caller);
    }

    /** The client a service account's token was issued to, or null for a person's token. */
    private static @Nullable String serviceAccountClient(Jwt jwt, @Nullable String username) {
        if (username == null || !username.startsWith(SERVICE_ACCOUNT)) {
            return null;
        }
        String client = jwt.getClaimAsString("client_id");
        if (client == null || client.isBlank()) {
            client = jwt.getClaimAsString("azp");
        }
        if (client == null || client.isBlank()) {
            return null;
        }
        // Keycloak lower-cases the service account's name
        return username.equalsIgnoreCase(SERVICE_ACCOUNT + client) ? client : null;
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
