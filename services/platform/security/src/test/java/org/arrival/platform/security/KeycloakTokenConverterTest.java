package org.arrival.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class KeycloakTokenConverterTest {

    private static final String SUBJECT = "5b0c6f8e-2f7e-4b43-9d7a-1f1c0e6a2b11";
    private static final UUID ORG = UUID.fromString("0b7f3c1e-8a53-4c55-b6a4-5d2e7f9a1c33");

    private final KeycloakTokenConverter converter = new KeycloakTokenConverter();

    private static Jwt jwt(Consumer<Map<String, Object>> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600))
                .subject(SUBJECT)
                .claim("azp", "arrival-web");
        builder.claims(claims);
        return builder.build();
    }

    private Caller caller(AbstractAuthenticationToken auth) {
        assertThat(auth).isInstanceOf(CallerAuthentication.class);
        return ((CallerAuthentication) auth).caller();
    }

    private static List<String> authorities(AbstractAuthenticationToken auth) {
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }

    @Test
    void realmRolesBecomeRoleAuthoritiesAndCallerRoles() {
        AbstractAuthenticationToken auth =
                converter.convert(jwt(c -> c.put("realm_access", Map.of("roles", List.of("org-admin", "member")))));

        assertThat(authorities(auth)).containsExactlyInAnyOrder("ROLE_org-admin", "ROLE_member");
        assertThat(caller(auth).roles()).containsExactlyInAnyOrder("org-admin", "member");
        assertThat(caller(auth).hasRole("org-admin")).isTrue();
        assertThat(caller(auth).isPlatformAdmin()).isFalse();
        assertThat(auth.isAuthenticated()).isTrue();
    }

    @Test
    void clientRolesOfTheAuthorisedPartyAreIncludedButNotThoseOfOtherClients() {
        AbstractAuthenticationToken auth = converter.convert(jwt(c -> {
            c.put("realm_access", Map.of("roles", List.of("member")));
            c.put(
                    "resource_access",
                    Map.of(
                            "arrival-web", Map.of("roles", List.of("forum-coordinator")),
                            "some-other-client", Map.of("roles", List.of("platform-admin"))));
        }));

        assertThat(authorities(auth)).containsExactlyInAnyOrder("ROLE_member", "ROLE_forum-coordinator");
        assertThat(caller(auth).roles()).containsExactlyInAnyOrder("member", "forum-coordinator");
        assertThat(caller(auth).isPlatformAdmin()).isFalse();
    }

    @Test
    void clientRolesAreIgnoredWithoutAzp() {
        Jwt jwt = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject(SUBJECT)
                .claim("resource_access", Map.of("arrival-web", Map.of("roles", List.of("platform-admin"))))
                .build();

        assertThat(authorities(converter.convert(jwt))).isEmpty();
    }

    @Test
    void missingRealmAccessMeansNoRoles() {
        AbstractAuthenticationToken auth = converter.convert(jwt(c -> c.put("preferred_username", "amina")));

        assertThat(auth.getAuthorities()).isEmpty();
        assertThat(caller(auth).roles()).isEmpty();
    }

    @Test
    void realmAccessWithoutRolesOrWithNonStringRolesGivesOnlyTheStrings() {
        assertThat(authorities(converter.convert(jwt(c -> c.put("realm_access", Map.of("other", "x"))))))
                .isEmpty();
        assertThat(authorities(converter.convert(jwt(c ->
                        c.put("realm_access", Map.of("roles", List.of("member", 42, Map.of("x", "y"))))))))
                .containsExactly("ROLE_member");
    }

    @Test
    void orgIdIsTheCallersOrganisation() {
        Caller caller = caller(converter.convert(jwt(c -> c.put("org_id", ORG.toString()))));

        assertThat(caller.organisationId()).isEqualTo(ORG);
        assertThat(caller.actsFor(ORG)).isTrue();
        assertThat(caller.actsFor(UUID.randomUUID())).isFalse();
        assertThat(caller.toActor().organisationId()).isEqualTo(ORG);
    }

    @Test
    void missingOrBlankOrgIdMeansNoOrganisation() {
        Caller missing = caller(converter.convert(jwt(c -> c.put("preferred_username", "amina"))));
        Caller blank = caller(converter.convert(jwt(c -> c.put("org_id", "  "))));

        assertThat(missing.organisationId()).isNull();
        assertThat(missing.actsFor(ORG)).isFalse();
        assertThat(blank.organisationId()).isNull();
    }

    @Test
    void usernameComesFromPreferredUsernameAndUserIdFromSubject() {
        AbstractAuthenticationToken auth = converter.convert(jwt(c -> c.put("preferred_username", "amina")));

        assertThat(caller(auth).username()).isEqualTo("amina");
        assertThat(caller(auth).userId()).isEqualTo(SUBJECT);
        assertThat(auth.getName()).isEqualTo("amina");
        assertThat(caller(auth).toActor().userId()).isEqualTo(SUBJECT);
    }

    @Test
    void aTokenWithoutSubjectIsRefusedInsteadOfGivingACallerWithoutUser() {
        Jwt jwt = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .claim("azp", "arrival-web")
                .claim("preferred_username", "amina")
                .claim("org_id", ORG.toString())
                .claim("realm_access", Map.of("roles", List.of("member")))
                .build();

        assertThatThrownBy(() -> converter.convert(jwt))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("subject");
    }

    @Test
    void usernameFallsBackToSubject() {
        Caller caller = caller(converter.convert(jwt(c -> c.put("org_id", ORG.toString()))));

        assertThat(caller.username()).isEqualTo(SUBJECT);
    }

    @Test
    void aClientsOwnTokenIsRecordedAsTheClientOfItsOrganisation() {
        AbstractAuthenticationToken auth = converter.convert(jwt(c -> {
            c.put("azp", "org-825d3feb-m-e-database");
            c.put("client_id", "org-825d3feb-m-e-database");
            c.put("preferred_username", "service-account-org-825d3feb-m-e-database");
            c.put("org_id", ORG.toString());
            c.put("realm_access", Map.of("roles", List.of("org-editor", "default-roles-arrival")));
        }));

        Caller caller = caller(auth);
        assertThat(caller.userId()).isEqualTo("client:org-825d3feb-m-e-database");
        assertThat(caller.username()).isEqualTo("org-825d3feb-m-e-database");
        assertThat(caller.organisationId()).isEqualTo(ORG);
        assertThat(caller.hasRole("org-editor")).isTrue();
        assertThat(caller.toActor().userId()).isEqualTo("client:org-825d3feb-m-e-database");
        assertThat(caller.toActor().organisationId()).isEqualTo(ORG);
    }

    @Test
    void aPersonWhoseNameMerelyLooksLikeAServiceAccountStaysThePerson() {
        AbstractAuthenticationToken auth = converter.convert(jwt(c -> {
            c.put("azp", "arrival-bff");
            c.put("preferred_username", "service-account-someone-else");
        }));

        assertThat(caller(auth).userId()).isEqualTo(SUBJECT);
        assertThat(caller(auth).username()).isEqualTo("service-account-someone-else");
    }
}
