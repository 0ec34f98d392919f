package org.arrival.web.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.arrival.web.SignedIn;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.arrival.web.layout.Languages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The people page, the joining form and the platform administrators' queue against a stub registry: what is shown,
 * the JSON sent, and the registry's refusals (a taken address at its field with what was typed kept, 403 on the
 * error page).
 */
class PeoplePagesTest extends WebTest {

    static final UUID CITY = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");
    static final UUID POLICE = UUID.fromString("36a3661b-d8a6-43b5-b587-53b4568b2d04");
    static final UUID JOINING = UUID.fromString("0d7e4d1c-7a55-4d9e-9d0b-51c7e1f0a001");
    static final SignedIn ADMIN = SignedIn.as("kcca-coordinator", CITY, "org-admin", "forum-coordinator");
    static final SignedIn POLICE_ADMIN = SignedIn.as("dcic-officer", POLICE, "org-admin");
    static final SignedIn PLATFORM = SignedIn.as("platform-admin", CITY, "platform-admin");
    static final String PEOPLE = "/stakeholders/" + CITY + "/people";

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void registry() {
        SERVICES.reset();
        SERVICES.answer("GET", "/stakeholders/" + CITY, 200, """
                {"id":"%s","version":3,"name":"Kampala Capital City Authority","acronym":"KCCA",
                 "type":"LOCAL_GOVERNMENT","status":"ACTIVE"}""".formatted(CITY));
        SERVICES.answer("GET", PEOPLE, 200, """
                [{"id":"u-1","email":"sarah@kcca.example","firstName":"Sarah","lastName":"Akello",
                  "organisationId":"%s","roles":["member","org-editor"],"enabled":true,"invitationPending":true}]""".formatted(CITY));
        SERVICES.answer("GET", PEOPLE + "/history", 200, """
                [{"organisationId":"%s","personId":"u-1","personEmail":"sarah@kcca.example","change":"INVITED",
                  "roles":["member","org-editor"],"actorUserId":"x","actorUsername":"kcca-coordinator",
                  "at":"2026-12-01T09:30:00Z"}]""".formatted(CITY));
    }

    @Test
    void anAdministratorSeesTheirPeopleTheirRolesAndWhoChangedWhat() throws Exception {
        String page = html(get("/organisations/" + CITY + "/people").with(as(ADMIN)), 200);
        assertThat(page)
                .contains("People of Kampala Capital City Authority")
                .contains("sarah@kcca.example", "Invited, password not set yet")
                .contains("id=\"role-u-1-org-editor\" name=\"roles\" type=\"checkbox\" value=\"org-editor\" checked")
                .contains("Invited sarah@kcca.example (Member, Editor)", "kcca-coordinator")
                .contains("id=\"invite-form\"", "id=\"nav-people\"");
        assertThat(page).doesNotContain("platform-admin\"");

        String arabic = html(
                get("/organisations/" + CITY + "/people")
                        .cookie(new Cookie(Languages.COOKIE, "ar"))
                        .with(as(ADMIN)),
                200);
        assertThat(arabic).contains("dir=\"rtl\"", "أشخاص Kampala Capital City Authority", "دعوة زميل");

        mvc.perform(get("/organisations/people").with(as(ADMIN)))
                .andExpect(redirectedUrl("/organisations/" + CITY + "/people"));
    }

    @Test
    void anInvitationSendsTheAddressAndRolesButNeverTheOrganisation() throws Exception {
        SERVICES.answer("POST", PEOPLE, 201, """
                {"id":"u-2","email":"joseph@kcca.example","roles":["member"],"invitationPending":true}""");
        mvc.perform(post("/organisations/" + CITY + "/people")
                        .with(csrf())
                        .with(as(ADMIN))
                        .param("email", " joseph@kcca.example ")
                        .param("firstName", "Joseph")
                        .param("lastName", "")
                        .param("roles", "member"))
                .andExpect(redirectedUrl("/organisations/" + CITY + "/people"))
                .andExpect(flash().attribute("notice", "An invitation went to joseph@kcca.example."));
        StubServices.Request sent = SERVICES.requests().stream()
                .filter(r -> r.method().equals("POST"))
                .findFirst()
                .orElseThrow();
        assertThat(sent.path()).isEqualTo(PEOPLE);
        assertThat(sent.authorization()).isEqualTo(ADMIN.bearer());
        assertThat(sent.body())
                .contains("\"email\":\"joseph@kcca.example\"", "\"firstName\":\"Joseph\"", "\"roles\":[\"member\"]")
                .doesNotContain("org_id", "organisation");
    }

    @Test
    void aTakenAddressComesBackAtItsFieldWithWhatWasTyped() throws Exception {
        SERVICES.answer("POST", PEOPLE, 409, """
                {"status":409,"title":"Conflict","detail":"A person with this e-mail address already has an account",
                 "errors":[{"field":"email","message":"already has an account","code":"people.email-taken"}]}""");
        String page = html(
                post("/organisations/" + CITY + "/people")
                        .with(csrf())
                        .with(as(ADMIN))
                        .param("email", "sarah@kcca.example")
                        .param("firstName", "Sarah")
                        .param("roles", "org-editor"),
                200);
        assertThat(page)
                .contains("id=\"error-summary\"")
                .contains("Someone with this address already has an account on the platform.")
                .contains("value=\"sarah@kcca.example\"", "value=\"Sarah\"")
                .contains("value=\"org-editor\"\n               checked");
    }

    @Test
    void anotherOrganisationsAdministratorIsRefusedByTheRegistry() throws Exception {
        SERVICES.answer("GET", PEOPLE, 403, """
                {"status":403,"title":"Forbidden","detail":"Only the organisation's own administrators"}""");
        html(get("/organisations/" + CITY + "/people").with(as(POLICE_ADMIN)), 403);
        SERVICES.answer("DELETE", PEOPLE + "/u-1", 403, """
                {"status":403,"title":"Forbidden","detail":"Only the organisation's own administrators"}""");
        html(
                post("/organisations/" + CITY + "/people/u-1/remove")
                        .with(csrf())
                        .with(as(POLICE_ADMIN))
                        .param("email", "sarah@kcca.example"),
                403);
        html(
                post("/organisations/" + CITY + "/people/u-1/remove")
                        .with(as(ADMIN))
                        .param("email", "sarah@kcca.example"),
                403);
    }

    @Test
    void rolesAreSetAndAPersonRemoved() throws Exception {
        SERVICES.answer("PUT", PEOPLE + "/u-1/roles", 200, """
                {"id":"u-1","email":"sarah@kcca.example","firstName":"Sarah","roles":["org-editor"],"invitationPending":false}""");
        SERVICES.answer("DELETE", PEOPLE + "/u-1", 204, "");
        mvc.perform(post("/organisations/" + CITY + "/people/u-1/roles")
                        .with(csrf())
                        .with(as(ADMIN))
                        .param("roles", "org-editor"))
                .andExpect(redirectedUrl("/organisations/" + CITY + "/people"));
        mvc.perform(post("/organisations/" + CITY + "/people/u-1/remove")
                        .with(csrf())
                        .with(as(ADMIN))
                        .param("email", "sarah@kcca.example"))
                .andExpect(redirectedUrl("/organisations/" + CITY + "/people"))
                .andExpect(flash().attribute("notice", "sarah@kcca.example no longer acts for this organisation."));
        assertThat(SERVICES.requests())
                .anySatisfy(r -> {
                    assertThat(r.method()).isEqualTo("PUT");
                    assertThat(r.body()).isEqualTo("{\"roles\":[\"org-editor\"]}");
                })
                .anySatisfy(r -> assertThat(r.method() + " " + r.path()).isEqualTo("DELETE " + PEOPLE + "/u-1"));
    }

    @Test
    void anOrganisationAsksToJoinAndThePlatformAdministratorActivatesIt() throws Exception {
        SERVICES.answer("POST", "/stakeholders", 201, """
                {"id":"%s","version":1,"name":"Kiryandongo Refugee Youth","type":"YOUTH_ORGANISATION",
                 "status":"PROPOSED"}""".formatted(JOINING));
        mvc.perform(post("/organisations/join")
                        .with(csrf())
                        .with(as(ADMIN))
                        .param("name", "Kiryandongo Refugee Youth")
                        .param("type", "YOUTH_ORGANISATION")
                        .param("governmentLevel", "")
                        .param("jurisdiction.country", "ug")
                        .param("sectors", "EDUCATION", "LIVELIHOODS")
                        .param("externalIdentifiers[0].scheme", "XI-IATI")
                        .param("externalIdentifiers[0].identifier", "UG-NGB-12345")
                        .param("contact.email", "office@kry.example"))
                .andExpect(redirectedUrl("/organisations/join"));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.method().equals("POST"))
                .singleElement()
                .extracting(StubServices.Request::body)
                .asString()
                .contains("\"jurisdiction\":{\"country\":\"UG\"}", "\"sectors\":[\"EDUCATION\",\"LIVELIHOODS\"]")
                .contains("{\"scheme\":\"XI-IATI\",\"identifier\":\"UG-NGB-12345\"}")
                .contains("\"contact\":{\"email\":\"office@kry.example\"}")
                .doesNotContain("governmentLevel");

        SERVICES.answer("GET", "/stakeholders", 200, """
                {"items":[{"id":"%s","version":2,"name":"Kiryandongo Refugee Youth","type":"YOUTH_ORGANISATION",
                 "status":"VERIFIED","contact":{"email":"office@kry.example"}}],"page":0,"totalPages":1}""".formatted(JOINING));
        String queue = html(get("/admin/organisations").with(as(PLATFORM)), 200);
        assertThat(queue).contains("Kiryandongo Refugee Youth", "office@kry.example", "id=\"activate-" + JOINING);
        html(get("/admin/organisations").with(as(ADMIN)), 403);

        SERVICES.answer("POST", "/stakeholders/" + JOINING + "/activate", 200, """
                {"id":"%s","version":3,"name":"Kiryandongo Refugee Youth","type":"YOUTH_ORGANISATION",
                 "status":"ACTIVE","contact":{"email":"office@kry.example"}}""".formatted(JOINING));
        mvc.perform(post("/admin/organisations/" + JOINING + "/activate")
                        .with(csrf())
                        .with(as(PLATFORM))
                        .param("version", "2"))
                .andExpect(
                        redirectedUrl("/organisations/" + JOINING + "/people?firstAdministrator=office%40kry.example"));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().endsWith("/activate"))
                .singleElement()
                .extracting(StubServices.Request::ifMatch)
                .isEqualTo("\"2\"");
    }
}
