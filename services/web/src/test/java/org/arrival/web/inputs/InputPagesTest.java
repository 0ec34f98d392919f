package org.arrival.web.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * Contributing an input against stub services: the form says whose record it is and that it never changes the
 * other's, the body is the API's, refusals come back at their fields in the reader's language with what was typed,
 * and the owner of a need is not offered to contribute to it.
 */
class InputPagesTest extends WebTest {

    static final UUID CITY = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");
    static final UUID RLO = UUID.fromString("5fdf833c-73d9-4274-b65b-49a42520c0a1");
    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID OTHER_FORUM = UUID.fromString("7a2d1b4f-3e7c-4c8a-8b64-3c2e8d1f0b22");
    static final UUID NEED = UUID.fromString("a3c4e5f6-7081-4b2c-9d3e-4f5061728394");
    static final UUID ROUND = UUID.fromString("b4d5f607-8192-4c3d-8e4f-506172839405");
    static final UUID INPUT = UUID.fromString("c5e60718-92a3-4d4e-9f50-617283940516");

    static final SignedIn ASSOCIATION = SignedIn.as("rlo-editor", RLO, "org-editor");
    static final SignedIn CITY_EDITOR = SignedIn.as("kcca-coordinator", CITY, "org-editor");
    static final SignedIn READER = SignedIn.as("rlo-reader", RLO);

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer("GET", "/stakeholders/" + CITY, 200, """
                {"id":"%s","version":1,"name":"Kampala Capital City Authority"}""".formatted(CITY));
        SERVICES.answer("GET", "/stakeholders/" + RLO, 200, """
                {"id":"%s","version":1,"name":"Umoja Refugee Association"}""".formatted(RLO));
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum"},{"forumId":"%s","name":"Nakawa division forum"}]""".formatted(FORUM, OTHER_FORUM));
        SERVICES.answer("GET", "/needs/" + NEED, 200, """
                {"id":"%s","version":2,"ownerId":"%s","statement":"Primary schools in Katwe are full",
                 "sector":"EDUCATION","populationGroups":["REFUGEES"],"severity":"HIGH","status":"VALIDATED",
                 "classification":"FORUM","sharedWithForums":["%s"]}""".formatted(NEED, CITY, FORUM));
        SERVICES.answer("GET", "/rounds/" + ROUND, 200, """
                {"id":"%s","version":3,"title":"Kampala readiness self-assessment 2026","convenorId":"%s",
                 "respondentIds":["%s","%s"],"status":"CLOSED","sharedWithForums":["%s"]}""".formatted(ROUND, CITY, CITY, RLO, FORUM));
    }

    @Test
    void theFormSaysTheInputIsOursAndNeverChangesTheirNeedAndIsSharedWithTheNeedsForums() throws Exception {
        String form = html(get("/needs/" + NEED + "/inputs/new").with(as(ASSOCIATION)), 200);
        assertThat(form)
                .contains("This input will be Umoja Refugee Association’s own record. It is shown beside Kampala "
                        + "Capital City Authority’s need and never changes it")
                .contains("<a href=\"/needs/" + NEED + "\">Primary schools in Katwe are full</a>")
                .contains("method=\"post\" action=\"/needs/" + NEED + "/inputs\"", "name=\"_csrf\"")
                .contains(
                        "name=\"kind\" type=\"radio\" value=\"COMMUNITY_CONSULTATION\"",
                        "name=\"collectedOn\" type=\"date\"",
                        "name=\"participants\" type=\"number\"");
        // shared by default with the forum the need is shared with, not with the association's other forum
        assertThat(form)
                .containsPattern("value=\"" + FORUM + "\"\\s+checked")
                .doesNotContainPattern("value=\"" + OTHER_FORUM + "\"\\s+checked");
    }

    @Test
    void aPersonalDataRefusalIsShownAtItsFieldInFrenchAndWhatWasTypedIsKept() throws Exception {
        SERVICES.answer("POST", "/inputs", 400, """
                {"status":400,"title":"Invalid input",
                 "errors":[{"field":"summary","message":"looks like a phone number of a person; remove it",
                            "code":"personal-data.phone"},
                           {"field":"provenance","message":"size must be between 0 and 1000","code":"validation.Size",
                            "parameters":{"min":0,"max":1000}}]}""");
        String page = html(
                post("/needs/" + NEED + "/inputs")
                        .with(csrf())
                        .with(as(ASSOCIATION))
                        .cookie(new Cookie(Languages.COOKIE, "fr"))
                        .param("kind", "TESTIMONY_SUMMARY")
                        .param("summary", "Parents can be reached on +256 772 123456")
                        .param("provenance", "Volunteers")
                        .param("collectedOn", "2026-10-02")
                        .param("participants", "3")
                        .param("classification", "FORUM")
                        .param("sharedWithForums", FORUM.toString()),
                200);
        assertThat(page)
                .contains(
                        "<div id=\"field-summary-error\">",
                        "Cela ressemble au numéro de téléphone d’une personne. Arrival ne conserve aucune donnée "
                                + "personnelle : retirez-le.")
                .contains(
                        "<div id=\"field-provenance-error\">",
                        "C’est trop long ou il y a trop d’éléments : 1\u202f000 au plus.")
                .contains(
                        ">Parents can be reached on +256 772 123456</textarea>", "value=\"2026-10-02\"", "value=\"3\"")
                .containsPattern("value=\"TESTIMONY_SUMMARY\"\\s+checked");
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.method().equals("POST"))
                .singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("""
                        {"subjectType":"NEED","subjectId":"%s","kind":"TESTIMONY_SUMMARY",\
                        "summary":"Parents can be reached on +256 772 123456","provenance":"Volunteers",\
                        "collectedOn":"2026-10-02","participants":3,"classification":"FORUM",\
                        "sharedWithForums":["%s"]}""".formatted(NEED, FORUM)));
    }

    @Test
    void anUnreadableCountIsRefusedHereAndAnAcceptedInputLeadsBackToTheNeed() throws Exception {
        String page = html(
                post("/needs/" + NEED + "/inputs")
                        .with(csrf())
                        .with(as(ASSOCIATION))
                        .param("kind", "FIELD_OBSERVATION")
                        .param("summary", "Classes of 90 children")
                        .param("provenance", "Volunteers' visit")
                        .param("collectedOn", "2026-10-02")
                        .param("participants", "about ten"),
                200);
        assertThat(page).contains("<div id=\"field-participants-error\">", "Enter a whole number, for example 3.");
        assertThat(SERVICES.requests()).noneMatch(r -> r.method().equals("POST"));

        SERVICES.answer("POST", "/inputs", 201, """
                {"id":"%s","contributorId":"%s","subjectType":"NEED","subjectId":"%s","kind":"FIELD_OBSERVATION"}""".formatted(INPUT, RLO, NEED));
        mvc.perform(post("/needs/" + NEED + "/inputs")
                        .with(csrf())
                        .with(as(ASSOCIATION))
                        .param("kind", "FIELD_OBSERVATION")
                        .param("summary", "Classes of 90 children")
                        .param("provenance", "Volunteers' visit")
                        .param("collectedOn", "2026-10-02"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/needs/" + NEED + "#input-" + INPUT));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.method().equals("POST"))
                .singleElement()
                .extracting(StubServices.Request::authorization)
                .isEqualTo(ASSOCIATION.bearer());
    }

    @Test
    void theOwnerIsToldToChangeItsOwnNeedAndAReaderMayNotContribute() throws Exception {
        assertThat(html(get("/needs/" + NEED + "/inputs/new").with(as(CITY_EDITOR)), 200))
                .contains("This need is your organisation’s own")
                .doesNotContain("id=\"input-form\"");
        assertThat(html(get("/needs/" + NEED + "/inputs/new").with(as(READER)), 403))
                .contains("You may not do this");
    }

    @Test
    void aRoundsInputGoesToItsRoundAndOurInputsAreListedWithTheRoundsWeMayAddTo() throws Exception {
        assertThat(html(get("/rounds/" + ROUND + "/inputs/new").with(as(ASSOCIATION)), 200))
                .contains(
                        "About this assessment round of Kampala Capital City Authority",
                        "Kampala readiness self-assessment 2026",
                        "action=\"/rounds/" + ROUND + "/inputs\"");
        SERVICES.answer("POST", "/inputs", 201, """
                {"id":"%s","contributorId":"%s","subjectType":"ROUND","subjectId":"%s","kind":"DATA_CONTRIBUTION"}""".formatted(INPUT, RLO, ROUND));
        mvc.perform(post("/rounds/" + ROUND + "/inputs")
                        .with(csrf())
                        .with(as(ASSOCIATION))
                        .param("kind", "DATA_CONTRIBUTION")
                        .param("summary", "Members counted by division")
                        .param("provenance", "Membership register")
                        .param("collectedOn", "2026-09-30"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/inputs"));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.method().equals("POST"))
                .singleElement()
                .extracting(StubServices.Request::body)
                .asString()
                .contains("\"subjectType\":\"ROUND\",\"subjectId\":\"" + ROUND + "\"");

        SERVICES.answer("GET", "/rounds", 200, """
                {"items":[{"id":"%s","version":3,"title":"Kampala readiness self-assessment 2026","convenorId":"%s",
                  "status":"CLOSED"}],"page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(ROUND, CITY));
        SERVICES.answer("GET", "/inputs", 200, """
                {"items":[{"id":"%s","contributorId":"%s","subjectType":"NEED","subjectId":"%s",
                  "kind":"TESTIMONY_SUMMARY","summary":"Mothers were asked for a refugee ID",
                  "provenance":"Volunteers","collectedOn":"2026-09-20","participants":{"value":3},
                  "shownToOthers":{"participants":{"suppressed":"<5"}}}],
                 "page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(INPUT, RLO, NEED));
        assertThat(html(get("/inputs").with(as(ASSOCIATION)), 200))
                .contains(
                        "Mothers were asked for a refugee ID",
                        "<a href=\"/needs/" + NEED + "\">Primary schools in Katwe are full</a>",
                        "People who took part:",
                        "Others see:",
                        "fewer than 5")
                .contains("href=\"/rounds/" + ROUND + "/inputs/new\"", "Kampala Capital City Authority · Closed");
        assertThat(SERVICES.requests())
                .anyMatch(r -> r.method().equals("GET")
                        && r.path().equals("/inputs")
                        && r.query().contains("contributor=" + RLO));
    }
}
