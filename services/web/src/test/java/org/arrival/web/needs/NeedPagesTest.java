package org.arrival.web.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
 * The needs pages against stub services: the list's filters reach the assessments service as its parameters, a
 * need's page offers each reader only what the service would accept, lifecycle steps and edits go with If-Match,
 * and refusals come back to the form at their fields, in the reader's language.
 */
class NeedPagesTest extends WebTest {

    static final UUID CITY = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");
    static final UUID NGO = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID DONOR = UUID.fromString("67c67961-7942-4b1a-925e-f332d4cbdb1b");
    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID NEED = UUID.fromString("a3c4e5f6-7081-4b2c-9d3e-4f5061728394");
    static final UUID LINKED = UUID.fromString("0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final UUID HIDDEN_ACTION = UUID.fromString("1c8f3a5d-9e2b-4d4f-8a6c-7b3e2f1d0c99");
    static final UUID OTHER_ACTION = UUID.fromString("2d9a4b6e-0f3c-4e5a-9b7d-8c4f3a2e1d00");

    static final SignedIn CITY_EDITOR = SignedIn.as("kcca-coordinator", CITY, "org-editor", "org-admin");
    static final SignedIn NGO_EDITOR = SignedIn.as("ngo-editor", NGO, "org-editor");
    static final SignedIn DONOR_VIEWER = SignedIn.as("donor-viewer", DONOR);

    static final String NEED_JSON = """
            {"id":"%s","version":%d,"ownerId":"%s",
             "statement":"The one public water point serving Kisenyi III works half the week",
             "sector":"BASIC_SERVICES","populationGroups":["REFUGEES","HOST_COMMUNITY"],
             "area":{"country":"UG","subdivision":"UG-C","areaCode":"KLA-KISENYI","areaName":"Kisenyi"},
             "severity":"HIGH","barriers":["DISTANCE","CAPACITY"],
             "evidenceReferences":["KCCA and HRI neighbourhood assessment, Kisenyi, March 2026"],
             "status":"%s","statusReason":"Confirmed at the neighbourhood validation meeting",
             "actionIds":["%s","%s"],"classification":"FORUM","sharedWithForums":["%s"],
             "createdAt":"2026-03-20T10:00:00Z","updatedAt":"2026-10-15T10:00:00Z","unknownField":true}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void services() {
        SERVICES.reset();
        organisation(CITY, "Kampala Capital City Authority");
        organisation(NGO, "Horizon Relief International");
        organisation(DONOR, "Lakeside Development Fund");
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum","type":"COORDINATION_FORUM","status":"ACTIVE",
                  "area":"Kampala","seat":"MEMBER"}]""".formatted(FORUM));
        need(3, "VALIDATED");
        SERVICES.answer("GET", "/actions/" + LINKED, 200, """
                {"id":"%s","version":2,"ownerId":"%s","title":"Second tap stand for Kisenyi III","status":"IN_PROGRESS"}""".formatted(LINKED, CITY));
        SERVICES.answer("GET", "/actions", 200, """
                {"items":[{"id":"%s","version":2,"ownerId":"%s","title":"Second tap stand for Kisenyi III"},
                          {"id":"%s","version":1,"ownerId":"%s","title":"Water committee for Kisenyi"}],
                 "page":0,"size":200,"totalItems":2,"totalPages":1}""".formatted(LINKED, CITY, OTHER_ACTION, CITY));
        SERVICES.answer("GET", "/needs/" + NEED + "/inputs", 200, """
                {"items":[{"id":"%s","contributorId":"%s","subjectType":"NEED","subjectId":"%s",
                  "kind":"TESTIMONY_SUMMARY","summary":"Households queue two to three hours on the days it works",
                  "provenance":"Members' meeting in Kisenyi","collectedOn":"2026-07-12",
                  "participants":{"suppressed":"<5"},"classification":"FORUM","createdAt":"2026-07-13T08:00:00Z"}],
                 "page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(UUID.randomUUID(), NGO, NEED));
    }

    private static void organisation(UUID id, String name) {
        SERVICES.answer("GET", "/stakeholders/" + id, 200, """
                {"id":"%s","version":1,"name":"%s","type":"NGO","jurisdiction":{"country":"UG","subdivision":"UG-C"}}""".formatted(id, name));
    }

    private static void need(int version, String status) {
        SERVICES.answer(
                "GET",
                "/needs/" + NEED,
                200,
                NEED_JSON.formatted(NEED, version, CITY, status, LINKED, HIDDEN_ACTION, FORUM));
    }

    @Test
    void theListsFiltersReachTheServiceAsItsParametersAndEachNeedLinksToItsPage() throws Exception {
        SERVICES.answer("GET", "/needs", 200, """
                {"items":[%s],"page":1,"size":25,"totalItems":27,"totalPages":2}""".formatted(
                        NEED_JSON.formatted(NEED, 3, CITY, "PRIORITISED", LINKED, HIDDEN_ACTION, FORUM)));
        String page = html(
                get("/needs")
                        .param("area", " Kisenyi ")
                        .param("sector", "basic_services")
                        .param("group", "not-a-group")
                        .param("status", "PRIORITISED")
                        .param("sort", "-severity")
                        .param("page", "1")
                        .with(as(NGO_EDITOR)),
                200);
        assertThat(page)
                .contains("<a href=\"/needs/" + NEED
                        + "\">The one public water point serving Kisenyi III works half the week</a>")
                .contains(
                        "▲ Prioritised",
                        "Kisenyi",
                        "Basic services",
                        "Refugees and Host community",
                        "High",
                        "Kampala Capital City Authority",
                        "27 needs",
                        "Page 2 of 2",
                        "Previous page")
                .contains(
                        "value=\"Kisenyi\"",
                        "<option value=\"BASIC_SERVICES\" selected>",
                        "<option value=\"-severity\" selected>")
                .contains("href=\"/needs/new\"", "aria-current=\"page\"");
        // an unknown group is dropped, not sent; the page size is the page's own
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().equals("/needs"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.query())
                            .contains(
                                    "sector=BASIC_SERVICES",
                                    "area=Kisenyi",
                                    "status=PRIORITISED",
                                    "sort=-severity",
                                    "page=1",
                                    "size=25")
                            .doesNotContain("group=", "owner=");
                    assertThat(r.authorization()).isEqualTo(NGO_EDITOR.bearer());
                });

        // only my organisation's: the owner is the person's organisation
        SERVICES.answer(
                "GET", "/needs", 200, "{\"items\":[],\"page\":0,\"size\":25,\"totalItems\":0,\"totalPages\":0}");
        assertThat(html(get("/needs").param("mine", "true").with(as(NGO_EDITOR)), 200))
                .contains("No need matches the filters.", "Clear filters");
        assertThat(SERVICES.requests())
                .anyMatch(r -> r.path().equals("/needs") && r.query().contains("owner=" + NGO));
        // nothing at all yet, and a reader who records nothing is not offered to
        assertThat(html(get("/needs").with(as(DONOR_VIEWER)), 200))
                .contains("No needs are recorded that your organisation may see yet.")
                .doesNotContain("href=\"/needs/new\"", "Clear filters");
    }

    @Test
    void theOwnersEditorIsOfferedTheNextStepsEditingAndLinkingAndSeesEvidenceAndInputs() throws Exception {
        String page = html(get("/needs/" + NEED).with(as(CITY_EDITOR)), 200);
        assertThat(page)
                .contains(
                        "<h1 id=\"record-title\">The one public water point serving Kisenyi III works half the week</h1>")
                .contains(
                        "◔ Validated",
                        "Why: Confirmed at the neighbourhood validation meeting",
                        "KCCA and HRI neighbourhood assessment, Kisenyi, March 2026",
                        "Distance and Capacity",
                        "Kampala coordination forum")
                // the steps a validated need may take; ADDRESSED is not one of them
                .contains("value=\"PRIORITISED\"", "value=\"RESOLVED\"", "value=\"DEPRIORITISED\"")
                .doesNotContain("value=\"ADDRESSED\"", "value=\"IDENTIFIED\"")
                .contains("name=\"version\" value=\"3\"", "href=\"/needs/" + NEED + "/edit\"")
                // linked actions by title, one hidden from the reader; the other action of the city may be linked
                .contains(
                        "<a href=\"/actions/" + LINKED + "\">Second tap stand for Kisenyi III</a>",
                        "1 more action that your organisation may not see.")
                .contains("<option value=\"" + OTHER_ACTION + "\">Water committee for Kisenyi</option>")
                .doesNotContain("<option value=\"" + LINKED + "\"")
                // the inputs others contributed, by name, with counts as the service shows them
                .contains(
                        "Summary of testimonies",
                        "Horizon Relief International",
                        "Households queue two to three hours on the days it works",
                        "fewer than 5")
                .doesNotContain("id=\"contribute\"");
    }

    @Test
    void anotherOrganisationsEditorMayContributeAndAReaderOnlyReads() throws Exception {
        assertThat(html(get("/needs/" + NEED).with(as(NGO_EDITOR)), 200))
                .contains("href=\"/needs/" + NEED + "/inputs/new\"")
                .doesNotContain("id=\"status-form\"", "id=\"edit-need\"", "id=\"link-form\"");
        assertThat(html(get("/needs/" + NEED).with(as(DONOR_VIEWER)), 200))
                .doesNotContain("id=\"contribute\"", "id=\"status-form\"", "id=\"edit-need\"");
        // a need the reader may not see is not found, in plain words
        SERVICES.answer("GET", "/needs/" + NEED, 404, "{\"status\":404,\"title\":\"Not Found\"}");
        assertThat(html(get("/needs/" + NEED).with(as(DONOR_VIEWER)), 404))
                .contains("does not exist, or your organisation may not see it");
    }

    @Test
    void aLifecycleStepGoesWithTheVersionReadAndAStaleOneShowsTheNeedAsItIsNow() throws Exception {
        SERVICES.answer(
                "POST",
                "/needs/" + NEED + "/status",
                200,
                NEED_JSON.formatted(NEED, 4, CITY, "PRIORITISED", LINKED, HIDDEN_ACTION, FORUM));
        mvc.perform(post("/needs/" + NEED + "/status")
                        .param("version", "3")
                        .param("status", "PRIORITISED")
                        .param("reason", "")
                        .with(csrf())
                        .with(as(CITY_EDITOR)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/needs/" + NEED))
                .andExpect(flash().attribute("notice", "The need is now Prioritised."));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().endsWith("/status"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.ifMatch()).isEqualTo("\"3\"");
                    assertThat(r.body()).isEqualTo("{\"status\":\"PRIORITISED\"}");
                });

        // someone else moved it meanwhile: the page says so, shows it as it is now, and keeps the reason typed
        SERVICES.answer("POST", "/needs/" + NEED + "/status", 412, """
                {"status":412,"title":"Precondition failed","detail":"need changed: version 5 is current"}""");
        need(5, "PRIORITISED");
        String page = html(
                post("/needs/" + NEED + "/status")
                        .param("version", "3")
                        .param("status", "DEPRIORITISED")
                        .param("reason", "Covered by the national programme")
                        .with(csrf())
                        .with(as(CITY_EDITOR)),
                200);
        assertThat(page)
                .contains(
                        "Someone else changed this record",
                        "▲ Prioritised",
                        "name=\"version\" value=\"5\"",
                        "Covered by the national programme");

        // no step chosen: refused at the field, nothing sent
        int before = SERVICES.requests().size();
        assertThat(html(
                        post("/needs/" + NEED + "/status")
                                .param("version", "5")
                                .with(csrf())
                                .with(as(CITY_EDITOR)),
                        200))
                .contains("id=\"field-status-error\"", "This is required.");
        assertThat(SERVICES.requests().subList(before, SERVICES.requests().size()))
                .noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void linkingAnActionToAPrioritisedNeedAlsoMarksItAsBeingAddressed() throws Exception {
        need(4, "PRIORITISED");
        SERVICES.answer(
                "POST",
                "/needs/" + NEED + "/actions",
                200,
                NEED_JSON.formatted(NEED, 5, CITY, "PRIORITISED", LINKED, OTHER_ACTION, FORUM));
        SERVICES.answer(
                "POST",
                "/needs/" + NEED + "/status",
                200,
                NEED_JSON.formatted(NEED, 6, CITY, "ADDRESSED", LINKED, OTHER_ACTION, FORUM));
        mvc.perform(post("/needs/" + NEED + "/actions")
                        .param("version", "4")
                        .param("actionId", OTHER_ACTION.toString())
                        .param("address", "true")
                        .with(csrf())
                        .with(as(CITY_EDITOR)))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "The action is linked and the need is being addressed."));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.method().equals("POST"))
                .extracting(StubServices.Request::path, StubServices.Request::ifMatch, StubServices.Request::body)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "/needs/" + NEED + "/actions", "\"4\"", "{\"actionId\":\"" + OTHER_ACTION + "\"}"),
                        org.assertj.core.groups.Tuple.tuple(
                                "/needs/" + NEED + "/status", "\"5\"", "{\"status\":\"ADDRESSED\"}"));
    }

    @Test
    void recordingANeedSendsTheApisFieldsAndAPersonalDataRefusalIsShownAtItsFieldInFrench() throws Exception {
        String form = html(get("/needs/new").with(as(CITY_EDITOR)), 200);
        // the organisation's country and subdivision, shared with its forum, for its members
        assertThat(form)
                .contains(
                        "name=\"area.country\" type=\"text\" value=\"UG\"",
                        "name=\"area.subdivision\" type=\"text\" value=\"UG-C\"",
                        "name=\"sharedWithForums\" type=\"checkbox\" value=\"" + FORUM + "\"",
                        "checked");

        SERVICES.answer("POST", "/needs", 400, """
                {"status":400,"title":"Invalid input","detail":"statement: looks like a phone number",
                 "errors":[{"field":"statement","message":"looks like a phone number of a person; remove it",
                            "code":"personal-data.phone"},
                           {"field":"populationGroups[1]","message":"is not a population group"}]}""");
        String refused = html(
                post("/needs/new")
                        .with(csrf())
                        .with(as(CITY_EDITOR))
                        .cookie(new Cookie(Languages.COOKIE, "fr"))
                        .param("statement", "Call the water committee on 0772 123456 about the broken tap")
                        .param("sector", "BASIC_SERVICES")
                        .param("populationGroups", "REFUGEES", "HOST_COMMUNITY")
                        .param("area.country", "ug")
                        .param("area.subdivision", "UG-C")
                        .param("area.areaName", "Kisenyi")
                        .param("severity", "HIGH")
                        .param("barriers", "DISTANCE")
                        .param("evidenceReferences", "Water point log, July 2026\n\nDivision report")
                        .param("classification", "FORUM")
                        .param("sharedWithForums", FORUM.toString()),
                200);
        assertThat(refused)
                .contains("<html lang=\"fr\" dir=\"ltr\">", "Il y a un problème")
                .contains(
                        "<div id=\"field-statement-error\">",
                        "Cela ressemble au numéro de téléphone d’une personne. Arrival ne conserve aucune donnée personnelle")
                .contains("aria-describedby=\"field-statement-hint field-statement-error\"", "aria-invalid=\"true\"")
                // an item of a list is shown at the list's field, in the service's words when it gives no code
                .contains("<div id=\"field-populationGroups-error\">", "is not a population group")
                // what the person typed is kept
                .contains(
                        ">Call the water committee on 0772 123456 about the broken tap</textarea>",
                        "value=\"Kisenyi\"",
                        "Water point log, July 2026");
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.method().equals("POST"))
                .singleElement()
                .extracting(StubServices.Request::body)
                .asString()
                .contains(
                        "\"populationGroups\":[\"REFUGEES\",\"HOST_COMMUNITY\"]",
                        "\"area\":{\"country\":\"UG\",\"subdivision\":\"UG-C\",\"areaName\":\"Kisenyi\"}",
                        "\"evidenceReferences\":[\"Water point log, July 2026\",\"Division report\"]",
                        "\"sharedWithForums\":[\"" + FORUM + "\"]")
                .doesNotContain("roundId", "areaCode");

        SERVICES.answer(
                "POST", "/needs", 201, NEED_JSON.formatted(NEED, 1, CITY, "IDENTIFIED", LINKED, HIDDEN_ACTION, FORUM));
        mvc.perform(post("/needs/new")
                        .with(csrf())
                        .with(as(CITY_EDITOR))
                        .param("statement", "Water point")
                        .param("sector", "BASIC_SERVICES"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/needs/" + NEED));
    }

    @Test
    void anEditGoesWithIfMatchAndAConflictShowsWhereTheNeedNowDiffersWithItsNewVersion() throws Exception {
        String form = html(get("/needs/" + NEED + "/edit").with(as(CITY_EDITOR)), 200);
        assertThat(form)
                .contains(
                        "name=\"version\" value=\"3\"",
                        ">The one public water point serving Kisenyi III works half the week</textarea>",
                        "name=\"severity\" type=\"radio\" value=\"HIGH\"");
        SERVICES.answer("PUT", "/needs/" + NEED, 412, "{\"status\":412,\"title\":\"Precondition failed\"}");
        need(4, "VALIDATED");
        String conflict = html(
                post("/needs/" + NEED + "/edit")
                        .with(csrf())
                        .with(as(CITY_EDITOR))
                        .param("version", "3")
                        .param("statement", "The water point works two days a week")
                        .param("sector", "BASIC_SERVICES")
                        .param("populationGroups", "REFUGEES", "HOST_COMMUNITY")
                        .param("area.country", "UG")
                        .param("area.subdivision", "UG-C")
                        .param("area.areaCode", "KLA-KISENYI")
                        .param("area.areaName", "Kisenyi")
                        .param("severity", "CRITICAL")
                        .param("barriers", "DISTANCE", "CAPACITY")
                        .param("evidenceReferences", "KCCA and HRI neighbourhood assessment, Kisenyi, March 2026")
                        .param("classification", "FORUM")
                        .param("sharedWithForums", FORUM.toString()),
                200);
        assertThat(conflict)
                .contains(
                        "Someone else changed this record",
                        "The need as it is now",
                        "name=\"version\" value=\"4\"",
                        ">The water point works two days a week</textarea>");
        // where it differs from what was typed: the statement and the severity, nothing else
        String current = conflict.substring(conflict.indexOf("id=\"current\""), conflict.indexOf("id=\"need-form\""));
        assertThat(current)
                .contains("What is the need?", "The one public water point serving Kisenyi III", "High")
                .doesNotContain("Barriers", "Sector");
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.method().equals("PUT"))
                .singleElement()
                .extracting(StubServices.Request::ifMatch)
                .isEqualTo("\"3\"");

        // someone else's need is not offered for editing
        assertThat(html(get("/needs/" + NEED + "/edit").with(as(NGO_EDITOR)), 403))
                .contains("You may not do this");
    }
}
