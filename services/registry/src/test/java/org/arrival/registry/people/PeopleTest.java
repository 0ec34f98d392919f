package org.arrival.registry.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An organisation's administrators invite colleagues, set their roles and remove them, through the realm's admin API
 * (here {@link FakeRealm}); the organisation comes from the path, never from what is typed, and every change is
 * logged with who made it.
 */
class PeopleTest extends RegistryIntegrationTest {

    private final FakeRealm realm = FakeRealm.instance();

    @Autowired
    JdbcTemplate jdbc;

    private static String invitation(String email, String... roles) {
        return """
                {"email":"%s","firstName":"Sarah","lastName":"Akello","roles":[%s]}""".formatted(
                email,
                String.join(
                        ",", List.of(roles).stream().map(r -> "\"" + r + "\"").toList()));
    }

    @Test
    void anAdministratorInvitesAColleagueChangesTheirRolesAndRemovesThem() throws Exception {
        String t = tag();
        String city = registerActive(cityAuthorityJson(t));
        Token admin = user("kcca-admin-" + t, city, "org-admin", "member");
        String email = "sarah." + t + "@kcca.example";

        String id = json(
                perform(postJson("/stakeholders/" + city + "/people", invitation(email.toUpperCase(), "member")), admin)
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.email").value(email))
                        .andExpect(jsonPath("$.organisationId").value(city))
                        .andExpect(jsonPath("$.roles[0]").value("member"))
                        .andExpect(jsonPath("$.invitationPending").value(true)),
                "$.id");
        FakeRealm.User account = realm.byEmail(email);
        assertThat(account.representation.get("attributes")).isEqualTo(java.util.Map.of("org_id", List.of(city)));
        assertThat(realm.sentTo(email)).singleElement().satisfies(s -> {
            assertThat(s.actions()).containsExactly("UPDATE_PASSWORD");
            assertThat(s.clientId()).isEqualTo("arrival-bff");
        });

        perform(get("/stakeholders/" + city + "/people"), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$.length()").value(1));

        perform(
                        put("/stakeholders/" + city + "/people/" + id + "/roles")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"roles\":[\"org-editor\",\"forum-coordinator\"]}"),
                        admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles.length()").value(2));
        assertThat(realm.rolesOf(email))
                .contains("org-editor", "forum-coordinator")
                .doesNotContain("member");

        perform(delete("/stakeholders/" + city + "/people/" + id), admin).andExpect(status().isNoContent());
        assertThat(realm.byEmail(email)).isNull();

        perform(get("/stakeholders/" + city + "/people/history"), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].change").value("REMOVED"))
                .andExpect(jsonPath("$[1].change").value("ROLES_CHANGED"))
                .andExpect(jsonPath("$[1].roles[0]").value("forum-coordinator"))
                .andExpect(jsonPath("$[2].change").value("INVITED"))
                .andExpect(jsonPath("$[2].personEmail").value(email))
                .andExpect(jsonPath("$[2].actorUsername").value("kcca-admin-" + t));
    }

    @Test
    void aPlatformAdministratorInvitesAnOrganisationsFirstAdministrator() throws Exception {
        String t = tag();
        String ngo = registerActive(ngoJson(t));
        String email = "first-admin." + t + "@irc.example";
        perform(postJson("/stakeholders/" + ngo + "/people", invitation(email, "org-admin", "member")), platformAdmin())
                .andExpect(status().isCreated());
        assertThat(realm.rolesOf(email)).contains("org-admin", "member");
        assertThat(realm.sentTo(email)).hasSize(1);
    }

    @Test
    void refusedInvitationsLeaveNoAccountBehind() throws Exception {
        String t = tag();
        String city = registerActive(cityAuthorityJson(t));
        String other = registerActive(ngoJson(t));
        String police = registerActive(policeJson(t));
        Token admin = user("kcca-admin-" + t, city, "org-admin", "member");
        String people = "/stakeholders/" + city + "/people";
        String email = "nobody." + t + "@kcca.example";

        perform(postJson(people, invitation(email, "platform-admin")), admin).andExpect(status().isForbidden());
        perform(postJson(people, invitation(email, "chief")), admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles[0]"));
        perform(postJson(people, invitation("not-an-address", "member")), admin)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        perform(postJson(people, invitation(email, "member")), user("irc-admin-" + t, other, "org-admin"))
                .andExpect(status().isForbidden());
        perform(postJson(people, invitation(email, "member")), user("dcic-admin-" + t, police, "org-admin"))
                .andExpect(status().isForbidden());
        perform(postJson(people, invitation(email, "member")), user("kcca-editor-" + t, city, "org-editor"))
                .andExpect(status().isForbidden());
        realm.mailFails = true;
        try {
            perform(postJson(people, invitation(email, "member")), admin).andExpect(status().isServiceUnavailable());
        } finally {
            realm.mailFails = false;
        }
        assertThat(realm.byEmail(email)).isNull();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM people_change WHERE organisation_id = ?::uuid", Integer.class, city))
                .isZero();

        perform(postJson(people, invitation(email, "member")), admin).andExpect(status().isCreated());
        perform(postJson(people, invitation(email, "member")), admin)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void peopleOfAnotherOrganisationAndPlatformAdministratorsAreOutOfReach() throws Exception {
        String t = tag();
        String city = registerActive(cityAuthorityJson(t));
        String other = registerActive(ngoJson(t));
        Token admin = user("kcca-admin-" + t, city, "org-admin", "member");
        String outsider = realm.add("someone." + t + "@irc.example", UUID.fromString(other), "member");
        String chief = realm.add("chief." + t + "@kcca.example", UUID.fromString(city), "platform-admin");

        perform(delete("/stakeholders/" + city + "/people/" + outsider), admin).andExpect(status().isNotFound());
        perform(
                        put("/stakeholders/" + city + "/people/" + outsider + "/roles")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"roles\":[\"org-admin\"]}"),
                        admin)
                .andExpect(status().isNotFound());
        perform(delete("/stakeholders/" + city + "/people/" + chief), admin).andExpect(status().isForbidden());
        assertThat(realm.users).containsKeys(outsider, chief);
        perform(get("/stakeholders/" + other + "/people"), admin).andExpect(status().isForbidden());
    }
}
