package org.arrival.registry.apiclients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.registry.RegistryIntegrationTest;
import org.arrival.registry.people.FakeRealm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An organisation's administrators make API clients for its own systems in the realm (here {@link FakeRealm}): a
 * confidential client with only the client-credentials grant, a hard-coded {@code org_id} of the organisation and the
 * platform's audience in its tokens, the chosen roles on its service account; the secret is answered once; rotating
 * and revoking need the version; every change is logged with who made it. The real realm is proven by the end-to-end
 * {@code ApiClientJourneyTest}.
 */
class ApiClientsTest extends RegistryIntegrationTest {

    private final FakeRealm realm = FakeRealm.instance();

    @Autowired
    JdbcTemplate jdbc;

    private static String input(String name, String... roles) {
        return """
                {"name":"%s","roles":[%s]}""".formatted(
                name,
                String.join(
                        ",", List.of(roles).stream().map(r -> "\"" + r + "\"").toList()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorCreatesRotatesAndRevokesAClient() throws Exception {
        String t = tag();
        String ngo = registerActive(ngoJson(t));
        Token admin = user("irc-admin-" + t, ngo, "org-admin", "member");
        String clients = "/stakeholders/" + ngo + "/api-clients";
        String expectedClientId = "org-" + ngo.substring(0, 8) + "-m-e-database-" + t;

        var created = perform(
                        postJson(clients, input("M&E database " + t, "org-editor", "member"))
                                .header("Idempotency-Key", "create-" + t),
                        admin)
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.client.clientId").value(expectedClientId))
                .andExpect(jsonPath("$.client.organisationId").value(ngo))
                .andExpect(jsonPath("$.client.roles[0]").value("member"))
                .andExpect(jsonPath("$.client.roles[1]").value("org-editor"))
                .andExpect(jsonPath("$.client.createdByUsername").value("irc-admin-" + t))
                .andExpect(jsonPath("$.client.version").value(1));
        String id = json(created, "$.client.id");
        String secret = json(created, "$.clientSecret");

        FakeRealm.Client made = realm.clientById(expectedClientId);
        assertThat(made).isNotNull();
        assertThat(made.secret).isEqualTo(secret);
        assertThat(made.representation)
                .containsEntry("serviceAccountsEnabled", true)
                .containsEntry("standardFlowEnabled", false)
                .containsEntry("directAccessGrantsEnabled", false)
                .containsEntry("publicClient", false);
        List<Map<String, Object>> mappers = (List<Map<String, Object>>) made.representation.get("protocolMappers");
        assertThat(mappers).anySatisfy(m -> {
            Map<Object, Object> config = (Map<Object, Object>) m.get("config");
            assertThat(m.get("protocolMapper")).isEqualTo("oidc-hardcoded-claim-mapper");
            assertThat(config)
                    .containsEntry("claim.name", "org_id")
                    .containsEntry("claim.value", ngo)
                    .containsEntry("access.token.claim", "true");
        });
        assertThat(mappers)
                .anySatisfy(m -> assertThat((Map<Object, Object>) m.get("config"))
                        .containsEntry("included.client.audience", "arrival-api"));
        assertThat(realm.rolesOfClient(expectedClientId))
                .contains("org-editor", "member")
                .doesNotContain("org-admin", "platform-admin", "forum-coordinator");
        // the secret is kept by the realm only: not in the client's row, its history or the answer kept for retries
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM idempotent_request WHERE idem_key = ?", Integer.class, "create-" + t))
                .isOne();
        assertThat(jdbc.queryForObject("""
                        SELECT (SELECT count(*) FROM api_client c WHERE c::text LIKE '%' || ? || '%')
                             + (SELECT count(*) FROM api_client_change h WHERE h::text LIKE '%' || ? || '%')
                             + (SELECT count(*) FROM idempotent_request r
                                WHERE convert_from(r.body, 'UTF8') LIKE '%' || ? || '%')
                        """, Integer.class, secret, secret, secret))
                .isZero();

        // last used: the time of the client's latest token in the realm's events
        Instant used = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        realm.loggedIn(expectedClientId, used);
        perform(get(clients), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].clientId").value(expectedClientId))
                .andExpect(jsonPath("$[0].lastUsedAt").value(used.toString()))
                .andExpect(jsonPath("$[0].clientSecret").doesNotExist());

        // rotate: needs the version, answers the new secret once
        perform(postStep(clients + "/" + id + "/secret", null), admin).andExpect(status().isPreconditionRequired());
        perform(postStep(clients + "/" + id + "/secret", "\"7\""), admin).andExpect(status().isPreconditionFailed());
        String rotated = json(
                perform(postStep(clients + "/" + id + "/secret", "\"1\""), admin)
                        .andExpect(status().isOk())
                        .andExpect(header().string("ETag", "\"2\""))
                        .andExpect(jsonPath("$.client.rotatedAt").isNotEmpty()),
                "$.clientSecret");
        assertThat(rotated).isNotEqualTo(secret).isEqualTo(realm.clientById(expectedClientId).secret);

        // revoke: the realm's client is gone, the record stays
        perform(delete(clients + "/" + id).header("If-Match", "\"1\""), admin)
                .andExpect(status().isPreconditionFailed());
        assertThat(realm.clientById(expectedClientId)).isNotNull();
        perform(delete(clients + "/" + id).header("If-Match", "\"2\""), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedAt").isNotEmpty())
                .andExpect(jsonPath("$.version").value(3));
        assertThat(realm.clientById(expectedClientId)).isNull();
        perform(postStep(clients + "/" + id + "/secret", "\"3\""), admin).andExpect(status().isConflict());
        perform(get(clients), admin)
                .andExpect(jsonPath("$[0].revokedAt").isNotEmpty())
                .andExpect(jsonPath("$[0].lastUsedAt").value(used.toString()));

        perform(get(clients + "/history"), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].change").value("REVOKED"))
                .andExpect(jsonPath("$[1].change").value("SECRET_ROTATED"))
                .andExpect(jsonPath("$[2].change").value("CREATED"))
                .andExpect(jsonPath("$[2].clientId").value(expectedClientId))
                .andExpect(jsonPath("$[2].actorUsername").value("irc-admin-" + t));

        // the same name again gets a client id of its own
        perform(postJson(clients, input("M&E database " + t, "member")), admin)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.client.clientId").value(expectedClientId + "-2"));
    }

    @Test
    void administratorsRolesOtherOrganisationsAndEnforcementBodiesAreRefused() throws Exception {
        String t = tag();
        String city = registerActive(cityAuthorityJson(t));
        String ngo = registerActive(ngoJson(t));
        String police = registerActive(policeJson(t));
        Token admin = user("kcca-admin-" + t, city, "org-admin", "member");
        String clients = "/stakeholders/" + city + "/api-clients";

        perform(postJson(clients, input("Payroll " + t, "platform-admin")), admin)
                .andExpect(status().isForbidden());
        perform(postJson(clients, input("Payroll " + t, "org-admin", "member")), admin)
                .andExpect(status().isForbidden());
        perform(postJson(clients, input("Payroll " + t, "chief")), admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles[0]"));
        perform(postJson(clients, input(" ", "member")), admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        for (Token refused : List.of(
                user("irc-admin-" + t, ngo, "org-admin"),
                user("dcic-admin-" + t, police, "org-admin"),
                user("kcca-editor-" + t, city, "org-editor", "member"))) {
            perform(postJson(clients, input("Payroll " + t, "member")), refused).andExpect(status().isForbidden());
            perform(get(clients), refused).andExpect(status().isForbidden());
        }
        assertThat(realm.clients.values()).noneMatch(c -> c.clientId().contains("payroll-" + t));

        // the realm failing leaves nothing behind
        realm.clientsFail = true;
        try {
            perform(postJson(clients, input("Payroll " + t, "member")), admin)
                    .andExpect(status().isServiceUnavailable());
        } finally {
            realm.clientsFail = false;
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM api_client WHERE organisation_id = ?::uuid", Integer.class, city))
                .isZero();

        // a platform administrator may, for any organisation
        perform(postJson(clients, input("Payroll " + t, "forum-coordinator")), platformAdmin())
                .andExpect(status().isCreated());
        perform(get(clients), platformAdmin()).andExpect(jsonPath("$.length()").value(1));
    }
}
