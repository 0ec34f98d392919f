package org.arrival.platform.security.realm;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrival.platform.security.KeycloakTokenConverter;
import org.arrival.platform.security.Roles;
import org.arrival.platform.security.SecurityProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Keycloak realm in {@code infra/keycloak/arrival-realm.json} must issue the tokens this library accepts: the
 * realm roles of {@link Roles}, {@code org_id} declared in the user profile and mapped into the access token, the
 * audience of {@link SecurityProperties}, and demo users a password grant can log in.
 */
class RealmExportTest {

    /** The module directory is the test working directory. */
    static final Path REALM = Path.of("../../../infra/keycloak/arrival-realm.json");

    static final String PLATFORM_ADMIN_USER = "platform-admin";
    static final String ENFORCEMENT_USER = "dcic-officer";

    static final JsonMapper JSON = JsonMapper.builder().build();
    static JsonNode realm;

    @BeforeAll
    static void readRealm() throws Exception {
        assertThat(REALM)
                .as("realm export at %s", REALM.toAbsolutePath().normalize())
                .isRegularFile();
        realm = JSON.readTree(Files.readString(REALM));
    }

    @Test
    void isTheArrivalRealmForLocalUse() {
        assertThat(realm.path("realm").asString()).isEqualTo("arrival");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(300);
        assertThat(realm.path("sslRequired").asString()).isEqualTo("none");
    }

    @Test
    void realmRolesAreExactlyTheRolesTheServicesKnow() {
        String defaultRole = realm.path("defaultRole").path("name").asString();
        List<String> declared = new ArrayList<>();
        for (JsonNode role : realm.path("roles").path("realm").values()) {
            if (!role.path("name").asString().equals(defaultRole)) {
                declared.add(role.path("name").asString());
                assertThat(role.path("description").asString())
                        .as("description of %s", role.path("name"))
                        .isNotBlank()
                        .doesNotStartWith("${");
            }
        }

        assertThat(declared).containsExactlyInAnyOrderElementsOf(roleConstants());
    }

    @Test
    void newUsersAreMembersByDefault() {
        String defaultRole = realm.path("defaultRole").path("name").asString();
        assertThat(defaultRole).isNotBlank();

        JsonNode composite = realmRole(defaultRole);
        assertThat(composite.path("composite").asBoolean()).isTrue();
        assertThat(strings(composite.path("composites").path("realm"))).contains(Roles.MEMBER);
        // Imported users get no default roles on their own: each must carry the default role.
        for (JsonNode user : users()) {
            assertThat(strings(user.path("realmRoles")))
                    .as("roles of %s", user.path("username"))
                    .contains(defaultRole);
        }
    }

    @Test
    void userProfileDeclaresOrgIdAsAnAdminEditedUuid() {
        JsonNode providers = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider");
        assertThat(providers.isArray()).isTrue();
        JsonNode provider = providers.values().stream()
                .filter(p -> p.path("providerId").asString().equals("declarative-user-profile"))
                .findFirst()
                .orElseThrow();
        JsonNode config = JSON.readTree(
                provider.path("config").path("kc.user.profile.config").path(0).asString());

        List<JsonNode> attributes = List.copyOf(config.path("attributes").values());
        assertThat(attributes)
                .extracting(a -> a.path("name").asString())
                .contains("username", "email", "firstName", "lastName", KeycloakTokenConverter.ORG_CLAIM);
        JsonNode orgId = attributes.stream()
                .filter(a -> a.path("name").asString().equals(KeycloakTokenConverter.ORG_CLAIM))
                .findFirst()
                .orElseThrow();
        assertThat(strings(orgId.path("permissions").path("edit"))).containsExactly("admin");
        String pattern =
                orgId.path("validations").path("pattern").path("pattern").asString();
        assertThat(UUID.randomUUID().toString()).matches(pattern);
        assertThat("not-a-uuid").doesNotMatch(pattern);
    }

    @Test
    void theOnlyBrowserClientIsTheWebApplication() {
        List<String> clients = realm.path("clients").values().stream()
                .map(c -> c.path("clientId").asString())
                .toList();
        assertThat(clients)
                .containsExactlyInAnyOrder(
                        "arrival-bff", "arrival-api", "arrival-swagger", "arrival-e2e", "arrival-registry");
        for (JsonNode client : realm.path("clients").values()) {
            if (!client.path("clientId").asString().equals("arrival-swagger")) {
                assertThat(client.path("publicClient").asBoolean())
                        .as("%s is public", client.path("clientId"))
                        .isFalse();
            }
        }
    }

    /** Swagger UI runs in the browser and can keep no secret: public, PKCE, back only to the services' own pages. */
    @Test
    void theApiExplorerIsAPublicClientWithPkceThatReturnsOnlyToSwaggerUi() {
        JsonNode swagger = client("arrival-swagger");
        assertThat(swagger.path("publicClient").asBoolean()).isTrue();
        assertThat(swagger.path("attributes").path("pkce.code.challenge.method").asString())
                .isEqualTo("S256");
        assertThat(swagger.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(swagger.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(swagger.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(swagger.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(strings(swagger.path("redirectUris")))
                .hasSize(10)
                .allMatch(uri ->
                        uri.matches("http://(127\\.0\\.0\\.1|localhost):808[1-5]/swagger-ui/oauth2-redirect\\.html"));
        assertThat(strings(swagger.path("webOrigins"))).containsExactly("+");
    }

    @Test
    void webApplicationIsAConfidentialClientWithPkceThatReturnsOnlyToItsOwnPages() {
        JsonNode bff = client("arrival-bff");

        assertThat(bff.path("publicClient").asBoolean()).isFalse();
        assertThat(bff.path("clientAuthenticatorType").asString()).isEqualTo("client-secret");
        assertThat(bff.path("secret").asString()).isNotBlank();
        assertThat(bff.path("attributes").path("pkce.code.challenge.method").asString())
                .isEqualTo("S256");
        assertThat(bff.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(bff.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(bff.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(bff.path("serviceAccountsEnabled").asBoolean()).isFalse();
        // exact addresses: the sign-in callback and the signed-out page, nothing else
        assertThat(strings(bff.path("redirectUris")))
                .containsExactlyInAnyOrder(
                        "http://127.0.0.1:8080/login/oauth2/code/keycloak",
                        "http://localhost:8080/login/oauth2/code/keycloak");
        assertThat(bff.path("attributes")
                        .path("post.logout.redirect.uris")
                        .asString()
                        .split("##"))
                .containsExactlyInAnyOrder("http://127.0.0.1:8080/signed-out", "http://localhost:8080/signed-out");
        assertThat(strings(bff.path("webOrigins"))).isEmpty();
    }

    @Test
    void theRegistrysClientOnlyManagesUsersAndApiClientsThroughItsServiceAccount() {
        JsonNode registry = client("arrival-registry");
        assertThat(registry.path("publicClient").asBoolean()).isFalse();
        assertThat(registry.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(registry.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(registry.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(registry.path("implicitFlowEnabled").asBoolean()).isFalse();
        List<JsonNode> accounts = realm.path("users").values().stream()
                .filter(u -> u.path("serviceAccountClientId").asString().equals("arrival-registry"))
                .toList();
        assertThat(accounts).hasSize(1);
        JsonNode account = accounts.get(0);
        assertThat(strings(account.path("clientRoles").path("realm-management")))
                .containsExactlyInAnyOrder(
                        "manage-users", "view-users", "query-users", "manage-clients", "view-events");
        assertThat(strings(account.path("realmRoles"))).doesNotContain(Roles.PLATFORM_ADMIN, Roles.ORG_ADMIN);
        // an API client's "last used" is its latest CLIENT_LOGIN event, kept 90 days
        assertThat(realm.path("eventsEnabled").asBoolean()).isTrue();
        assertThat(strings(realm.path("enabledEventTypes"))).contains("CLIENT_LOGIN");
        assertThat(realm.path("eventsExpiration").asLong()).isEqualTo(90L * 24 * 3600);
        // invitations leave through the local stack's mail catcher
        assertThat(realm.path("smtpServer").path("host").asString()).isEqualTo("127.0.0.1");
        assertThat(realm.path("smtpServer").path("port").asString()).isEqualTo("2525");
    }

    @Test
    void descriptionsFitKeycloaksColumns() {
        for (JsonNode client : realm.path("clients").values()) {
            assertThat(client.path("description").asString().length())
                    .as("description of %s", client.path("clientId"))
                    .isLessThanOrEqualTo(255);
        }
    }

    @Test
    void loginAndAccountPagesSpeakThePlatformsLanguages() {
        assertThat(realm.path("internationalizationEnabled").asBoolean()).isTrue();
        assertThat(strings(realm.path("supportedLocales"))).containsExactlyInAnyOrder("en", "fr", "es", "ar");
        assertThat(realm.path("defaultLocale").asString()).isEqualTo("en");
    }

    @Test
    void apiClientIsOnlyAnAudience() {
        JsonNode api = client(new SecurityProperties(null, null, null, null).audience());

        assertThat(api.path("publicClient").asBoolean()).isFalse();
        assertThat(api.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(api.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(api.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(api.path("serviceAccountsEnabled").asBoolean()).isFalse();
    }

    @Test
    void endToEndClientIsConfidentialWithPasswordGrant() {
        JsonNode e2e = client("arrival-e2e");

        assertThat(e2e.path("publicClient").asBoolean()).isFalse();
        assertThat(e2e.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(e2e.path("secret").asString()).isEqualTo("arrival-e2e-secret");
    }

    @Test
    void loginClientsPutOrgIdRolesAndAudienceInTheAccessToken() {
        String audience = new SecurityProperties(null, null, null, null).audience();
        for (String clientId : List.of("arrival-bff", "arrival-swagger", "arrival-e2e")) {
            JsonNode client = client(clientId);
            List<JsonNode> mappers = List.copyOf(client.path("protocolMappers").values());

            JsonNode orgId = mappers.stream()
                    .filter(m -> m.path("protocolMapper").asString().equals("oidc-usermodel-attribute-mapper"))
                    .filter(m ->
                            m.path("config").path("user.attribute").asString().equals(KeycloakTokenConverter.ORG_CLAIM))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(clientId + " has no org_id mapper"));
            assertThat(orgId.path("config").path("claim.name").asString()).isEqualTo(KeycloakTokenConverter.ORG_CLAIM);
            assertThat(orgId.path("config").path("access.token.claim").asString())
                    .isEqualTo("true");
            assertThat(orgId.path("config").path("jsonType.label").asString()).isEqualTo("String");

            JsonNode aud = mappers.stream()
                    .filter(m -> m.path("protocolMapper").asString().equals("oidc-audience-mapper"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(clientId + " has no audience mapper"));
            assertThat(aud.path("config").path("included.client.audience").asString())
                    .isEqualTo(audience);
            assertThat(aud.path("config").path("access.token.claim").asString()).isEqualTo("true");

            // realm_access.roles comes from the "roles" client scope; "basic" carries sub.
            assertThat(strings(client.path("defaultClientScopes")))
                    .as("default scopes of %s", clientId)
                    .contains("roles", "basic", "profile", "email");
            assertThat(client.path("fullScopeAllowed").asBoolean()).isTrue();
        }
    }

    @Test
    void demoUsersCanUseAPasswordGrant() {
        assertThat(users()).isNotEmpty();
        for (JsonNode user : users()) {
            String name = user.path("username").asString();
            assertThat(user.path("enabled").asBoolean()).as("%s enabled", name).isTrue();
            assertThat(user.path("emailVerified").asBoolean())
                    .as("%s email verified", name)
                    .isTrue();
            assertThat(user.path("firstName").asString())
                    .as("%s first name", name)
                    .isNotBlank();
            assertThat(user.path("lastName").asString())
                    .as("%s last name", name)
                    .isNotBlank();
            assertThat(user.path("email").asString()).as("%s email", name).contains("@");
            assertThat(user.path("credentials").values())
                    .as("%s credentials", name)
                    .anySatisfy(c -> {
                        assertThat(c.path("type").asString()).isEqualTo("password");
                        assertThat(c.path("value").asString()).isNotBlank();
                        assertThat(c.path("temporary").asBoolean()).isFalse();
                    });
            assertThat(strings(user.path("requiredActions")))
                    .as("%s required actions", name)
                    .isEmpty();
        }
    }

    @Test
    void everyDemoUserButThePlatformAdminActsForAnOrganisation() {
        for (JsonNode user : users()) {
            String name = user.path("username").asString();
            List<String> orgIds = strings(user.path("attributes").path(KeycloakTokenConverter.ORG_CLAIM));
            if (name.equals(PLATFORM_ADMIN_USER)) {
                assertThat(orgIds).as("%s has no organisation", name).isEmpty();
                assertThat(strings(user.path("realmRoles"))).contains(Roles.PLATFORM_ADMIN);
            } else {
                assertThat(orgIds).as("%s org_id", name).hasSize(1);
                assertThat(UUID.fromString(orgIds.get(0)).toString()).isEqualTo(orgIds.get(0));
                assertThat(strings(user.path("realmRoles")))
                        .as("%s roles", name)
                        .doesNotContain(Roles.PLATFORM_ADMIN);
            }
        }
    }

    @Test
    void exactlyOneDemoUserBelongsToTheEnforcementUnit() {
        List<JsonNode> enforcement = users().stream()
                .filter(u -> u.path("username").asString().equals(ENFORCEMENT_USER))
                .toList();
        assertThat(enforcement).hasSize(1);
        String enforcementOrg = strings(enforcement.get(0).path("attributes").path(KeycloakTokenConverter.ORG_CLAIM))
                .get(0);

        assertThat(users())
                .filteredOn(u -> strings(u.path("attributes").path(KeycloakTokenConverter.ORG_CLAIM))
                        .contains(enforcementOrg))
                .hasSize(1);
        // An enforcement body reads; it edits nothing.
        assertThat(strings(enforcement.get(0).path("realmRoles")))
                .doesNotContain(Roles.ORG_EDITOR, Roles.ORG_ADMIN, Roles.FORUM_COORDINATOR, Roles.PLATFORM_ADMIN);
    }

    @Test
    void userNamesAndEmailsAreUnique() {
        List<String> names =
                users().stream().map(u -> u.path("username").asString()).toList();
        List<String> emails = users().stream()
                .map(u -> u.path("email").asString().toLowerCase())
                .toList();

        assertThat(names).doesNotHaveDuplicates();
        assertThat(emails).doesNotHaveDuplicates();
    }

    @Test
    void usersOnlyHoldRealmRolesThatExist() {
        Set<String> known = realm.path("roles").path("realm").values().stream()
                .map(r -> r.path("name").asString())
                .collect(Collectors.toSet());
        for (JsonNode user : users()) {
            assertThat(known).as("roles of %s", user.path("username")).containsAll(strings(user.path("realmRoles")));
        }
    }

    private static List<String> roleConstants() {
        return Arrays.stream(Roles.class.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers())
                        && Modifier.isStatic(f.getModifiers())
                        && Modifier.isFinal(f.getModifiers())
                        && f.getType() == String.class)
                .map(RealmExportTest::value)
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode client(String clientId) {
        return realm.path("clients").values().stream()
                .filter(c -> c.path("clientId").asString().equals(clientId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    private static JsonNode realmRole(String name) {
        return realm.path("roles").path("realm").values().stream()
                .filter(r -> r.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no realm role " + name));
    }

    /** The demo people (service accounts are the clients' own, not people). */
    private static List<JsonNode> users() {
        return realm.path("users").values().stream()
                .filter(u -> u.path("serviceAccountClientId").isMissingNode())
                .toList();
    }

    private static List<String> strings(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }
}
