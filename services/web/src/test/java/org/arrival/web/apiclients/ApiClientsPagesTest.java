package org.arrival.web.apiclients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API clients page against a stub registry: the list with when each client was last used, the empty state, the
 * JSON a new client sends, the secret shown once on the answering page (never in the session), rotating and revoking on
 * the version shown, a client changed meanwhile reloading with a notice, and the registry's 403 on the error page.
 */
class ApiClientsPagesTest extends WebTest {

    static final UUID NGO = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID POLICE = UUID.fromString("36a3661b-d8a6-43b5-b587-53b4568b2d04");
    static final UUID CLIENT = UUID.fromString("0c1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    static final SignedIn ADMIN = SignedIn.as("ngo-admin", NGO, "org-admin", "member");
    static final SignedIn POLICE_ADMIN = SignedIn.as("dcic-officer", POLICE, "org-admin");
    static final String CLIENTS = "/stakeholders/" + NGO + "/api-clients";
    static final String PAGE = "/organisations/" + NGO + "/api-clients";
    static final String ONE = """
            {"id":"%s","organisationId":"%s","name":"M&E database","clientId":"org-825d3feb-m-e-database",
             "roles":["org-editor"],"createdBy":"u-1","createdByUsername":"ngo-admin","createdAt":"2026-12-01T09:30:00Z",
             "lastUsedAt":"2026-12-05T14:00:00Z","version":%d}""";

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void registry() {
        SERVICES.reset();
        SERVICES.answer("GET", "/stakeholders/" + NGO, 200, """
                {"id":"%s","version":3,"name":"Hope for Refugees Initiative","type":"NGO","status":"ACTIVE"}""".formatted(NGO));
        SERVICES.answer("GET", CLIENTS, 200, "[" + ONE.formatted(CLIENT, NGO, 1) + "]");
        SERVICES.answer("GET", CLIENTS + "/history", 200, """
                [{"organisationId":"%s","apiClientId":"%s","clientId":"org-825d3feb-m-e-database","name":"M&E database",
                  "change":"CREATED","roles":["org-editor"],"actorUserId":"u-1","actorUsername":"ngo-admin",
                  "at":"2026-12-01T09:30:00Z"}]""".formatted(NGO, CLIENT));
    }

    @Test
    void anAdministratorSeesTheClientsWhenEachWasLastUsedAndWhoChangedWhat() throws Exception {
        String page = html(get(PAGE).with(as(ADMIN)), 200);
        assertThat(page)
                .contains("API clients of Hope for Refugees Initiative")
                .contains("org-825d3feb-m-e-database", "M&amp;E database", "Editor")
                .contains("Last used", "class=\"last-used\">Dec 5, 2026")
                .contains("id=\"rotate-" + CLIENT + "\"", "id=\"revoke-" + CLIENT + "\"")
                .contains("name=\"version\" value=\"1\"")
                .contains("Created org-825d3feb-m-e-database (Editor)", "ngo-admin")
                .contains("id=\"create-form\"", "id=\"nav-apiclients\"")
                .doesNotContain("id=\"secret-once\"", "value=\"org-admin\"", "value=\"platform-admin\"");

        String arabic =
                html(get(PAGE).cookie(new Cookie(Languages.COOKIE, "ar")).with(as(ADMIN)), 200);
        assertThat(arabic).contains("dir=\"rtl\"", "عملاء الواجهة البرمجية لـ Hope for Refugees Initiative");

        mvc.perform(get("/organisations/api-clients").with(as(ADMIN))).andExpect(redirectedUrl(PAGE));
    }

    @Test
    void withoutClientsThePageSaysSo() throws Exception {
        SERVICES.answer("GET", CLIENTS, 200, "[]");
        SERVICES.answer("GET", CLIENTS + "/history", 200, "[]");
        assertThat(html(get(PAGE).with(as(ADMIN)), 200)).contains("id=\"no-apiclients\"", "has no API client yet");
    }

    @Test
    void aNewClientSendsNameAndRolesAndItsSecretIsShownOnceOnTheAnsweringPage() throws Exception {
        SERVICES.answer("POST", CLIENTS, 201, """
                {"client":%s,"clientSecret":"s3cr3t-shown-once"}""".formatted(ONE.formatted(CLIENT, NGO, 1)));
        var result = mvc.perform(post(PAGE)
                        .with(csrf())
                        .with(as(ADMIN))
                        .param("name", " M&E database ")
                        .param("roles", "org-editor"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String page = result.getResponse().getContentAsString();
        assertThat(page)
                .contains("id=\"secret-once\"", "value=\"s3cr3t-shown-once\"")
                .contains("It is not shown again")
                .contains("The API client org-825d3feb-m-e-database is ready.");
        assertThat(result.getFlashMap().isEmpty()).isTrue();
        assertThat(
                        result.getRequest().getSession(false) == null
                                ? ""
                                : String.valueOf(
                                        java.util.Collections.list(result.getRequest()
                                                        .getSession()
                                                        .getAttributeNames())
                                                .stream()
                                                .map(n -> String.valueOf(result.getRequest()
                                                        .getSession()
                                                        .getAttribute(n)))
                                                .toList()))
                .doesNotContain("s3cr3t-shown-once");
        StubServices.Request sent = SERVICES.requests().stream()
                .filter(r -> r.method().equals("POST"))
                .findFirst()
                .orElseThrow();
        assertThat(sent.path()).isEqualTo(CLIENTS);
        assertThat(sent.authorization()).isEqualTo(ADMIN.bearer());
        assertThat(sent.body())
                .contains("\"name\":\"M&E database\"", "\"roles\":[\"org-editor\"]")
                .doesNotContain("org_id", "organisation");

        // the next visit shows no secret
        assertThat(html(get(PAGE).with(as(ADMIN)), 200)).doesNotContain("s3cr3t-shown-once");
    }

    @Test
    void aClientWithoutRoleComesBackAtItsField() throws Exception {
        SERVICES.answer("POST", CLIENTS, 400, """
                {"status":400,"title":"Bad Request","detail":"An API client needs at least one role",
                 "errors":[{"field":"roles","message":"must name at least one role","code":"api-clients.no-role"}]}""");
        String page = html(post(PAGE).with(csrf()).with(as(ADMIN)).param("name", "Payroll"), 200);
        assertThat(page).contains("id=\"error-summary\"", "Choose at least one role.", "value=\"Payroll\"");
    }

    @Test
    void rotatingAndRevokingSendTheVersionShownAndAStaleOneReloadsWithANotice() throws Exception {
        SERVICES.answer("POST", CLIENTS + "/" + CLIENT + "/secret", 200, """
                {"client":%s,"clientSecret":"new-secret-once"}""".formatted(ONE.formatted(CLIENT, NGO, 2)));
        String rotated = html(
                post(PAGE + "/" + CLIENT + "/secret")
                        .with(csrf())
                        .with(as(ADMIN))
                        .param("version", "1"),
                200);
        assertThat(rotated).contains("value=\"new-secret-once\"", "has a new secret");

        SERVICES.answer("DELETE", CLIENTS + "/" + CLIENT, 200, ONE.formatted(CLIENT, NGO, 3));
        mvc.perform(post(PAGE + "/" + CLIENT + "/revoke")
                        .with(csrf())
                        .with(as(ADMIN))
                        .param("version", "2"))
                .andExpect(redirectedUrl(PAGE))
                .andExpect(flash().attribute(
                                "notice",
                                "The API client org-825d3feb-m-e-database is revoked; it gets no more tokens."));
        assertThat(SERVICES.requests())
                .anySatisfy(r -> {
                    assertThat(r.method() + " " + r.path()).isEqualTo("POST " + CLIENTS + "/" + CLIENT + "/secret");
                    assertThat(r.ifMatch()).isEqualTo("\"1\"");
                })
                .anySatisfy(r -> {
                    assertThat(r.method() + " " + r.path()).isEqualTo("DELETE " + CLIENTS + "/" + CLIENT);
                    assertThat(r.ifMatch()).isEqualTo("\"2\"");
                });

        SERVICES.answer("DELETE", CLIENTS + "/" + CLIENT, 412, """
                {"status":412,"title":"Precondition failed","detail":"no longer at version 1"}""");
        mvc.perform(post(PAGE + "/" + CLIENT + "/revoke")
                        .with(csrf())
                        .with(as(ADMIN))
                        .param("version", "1"))
                .andExpect(redirectedUrl(PAGE))
                .andExpect(
                        flash().attribute("refused", org.hamcrest.Matchers.containsString("changed by someone else")));
    }

    @Test
    void anotherOrganisationsAdministratorIsRefusedByTheRegistry() throws Exception {
        SERVICES.answer("GET", CLIENTS, 403, """
                {"status":403,"title":"Forbidden","detail":"Only the organisation's own administrators"}""");
        html(get(PAGE).with(as(POLICE_ADMIN)), 403);
        SERVICES.answer("DELETE", CLIENTS + "/" + CLIENT, 403, """
                {"status":403,"title":"Forbidden","detail":"Only the organisation's own administrators"}""");
        html(
                post(PAGE + "/" + CLIENT + "/revoke")
                        .with(csrf())
                        .with(as(POLICE_ADMIN))
                        .param("version", "1"),
                403);
        // without the form's token nothing is sent
        html(post(PAGE + "/" + CLIENT + "/revoke").with(as(ADMIN)).param("version", "1"), 403);
        assertThat(SERVICES.requests())
                .noneMatch(r -> r.method().equals("DELETE") && r.authorization().equals(ADMIN.bearer()));
    }
}
