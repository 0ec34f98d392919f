package org.arrival.web.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.arrival.web.layout.Languages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A plan's page with its actions, a commitment's cascade page and the link from an action's form, against stub
 * services: what is asked (the plan's actions, paged and sorted by the service), how every organisation is named,
 * the weights and roll-up with their numbers, and that nothing the service left out shows up.
 */
class PlanPagesTest extends WebTest {

    static final UUID CITY = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");
    static final UUID NATIONAL = UUID.fromString("5fa5c6f4-c9f2-4701-8c9c-ad746e6de685");
    static final UUID TOWN = UUID.fromString("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    static final UUID HIDDEN = UUID.fromString("8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e");
    static final UUID PLAN = UUID.fromString("2d7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7baa");
    static final UUID COMMITMENT = UUID.fromString("1c7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b99");
    static final UUID ACTION = UUID.fromString("0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final UUID OTHER = UUID.fromString("3e7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7bbb");
    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void services() {
        SERVICES.reset();
        organisation(CITY, "Kampala Capital City Authority", "KCCA");
        organisation(NATIONAL, "Office of the Prime Minister, Department of Refugees", "OPM");
        organisation(TOWN, "Arua Municipal Council", "AMC");
        SERVICES.answer("GET", "/stakeholders", 200, """
                {"items":[%s,%s,%s],"page":0,"size":200,"totalItems":3,"totalPages":1}""".formatted(
                        org(CITY, "Kampala Capital City Authority", "KCCA"),
                        org(NATIONAL, "Office of the Prime Minister, Department of Refugees", "OPM"),
                        org(TOWN, "Arua Municipal Council", "AMC")));
        SERVICES.answer("GET", "/plans/" + PLAN, 200, """
                {"id":"%s","version":3,"ownerId":"%s","title":"National urban refugee response strategy",
                 "type":"NATIONAL_MIGRATION_STRATEGY","periodStart":"2026-01-01","periodEnd":"2030-12-31",
                 "status":"IN_IMPLEMENTATION"}""".formatted(PLAN, NATIONAL));
        SERVICES.answer("GET", "/actions/" + COMMITMENT, 200, commitment());
        SERVICES.answer(
                "GET", "/actions/" + COMMITMENT + "/reporting", 200, """
                {"actionId":"%s","status":"COMMITTED","asOf":"2026-12-06","reportsExpected":true,"graceDays":15,
                 "lastReport":{"id":"%s","periodStart":"2026-03-01","periodEnd":"2026-08-31","percentComplete":20,
                  "rag":"GREEN","reportedAt":"2026-09-02T08:00:00Z"},"overdue":false,"daysOverdue":0}""".formatted(COMMITMENT, UUID.randomUUID()));
        SERVICES.answer("GET", "/actions/" + OTHER + "/reporting", 200, """
                {"actionId":"%s","status":"PROPOSED","asOf":"2026-12-06","reportsExpected":false,"graceDays":15,
                 "overdue":false,"daysOverdue":0}""".formatted(OTHER));
        SERVICES.answer("GET", "/actions", 200, """
                {"items":[%s,%s],"page":0,"size":20,"totalItems":23,"totalPages":2}""".formatted(commitment(), other()));
        SERVICES.answer("GET", "/actions/" + COMMITMENT + "/cascade", 200, """
                {"actionId":"%s","children":[
                  {"id":"%s","ownerId":"%s","title":"Neighbourhood service plans for Kisenyi","status":"IN_PROGRESS",
                   "weight":3,"latestPercent":40},
                  {"id":"%s","ownerId":"%s","title":"Arua service plan","status":"PROPOSED","weight":1}],
                 "percentComplete":30.0,"missingImplementers":["%s"]}""".formatted(
                        COMMITMENT, ACTION, CITY, OTHER, TOWN, NATIONAL));
    }

    @Test
    void aPlanShowsTheActionsTheReaderMaySeeWithOwnerStatusAndLatestProgressPagedByTheService() throws Exception {
        String html = page(get("/plans/" + PLAN + "?sort=-updatedAt&status=committed"), CITY, "org-editor");
        StubServices.Request listed = last("GET", "/actions");
        assertThat(listed.query()).contains("plan=" + PLAN, "sort=-updatedAt", "status=COMMITTED", "page=0", "size=20");
        assertThat(listed.authorization()).startsWith("Bearer ");
        assertThat(html)
                .contains("National urban refugee response strategy")
                .contains("Office of the Prime Minister, Department of Refugees")
                .contains("In implementation")
                .contains("href=\"/actions/" + COMMITMENT + "\"")
                .contains("href=\"/actions/" + COMMITMENT + "/cascade\"")
                .contains("20%", "On track")
                .contains("Arua service plan", "Arua Municipal Council", "No report yet")
                .contains("23 actions you can see")
                // the next page keeps the order and the filter
                .contains("href=\"/plans/" + PLAN + "?status=COMMITTED&amp;sort=-updatedAt&amp;page=1#plan-actions\"")
                .doesNotContain(NATIONAL.toString());
        // no cascade link for an action that is no commitment
        assertThat(html).doesNotContain("/actions/" + OTHER + "/cascade");
    }

    @Test
    void aPlanTheServiceDoesNotShowIsNotFoundAndAnUnknownSortFallsBackToTitles() throws Exception {
        mvc.perform(get("/plans/" + UUID.randomUUID()).with(signedIn("u", "u", CITY, "member")))
                .andExpect(status().isNotFound());
        page(get("/plans/" + PLAN + "?sort=ownerId;drop&page=-3"), CITY, "member");
        assertThat(last("GET", "/actions").query())
                .contains("sort=title", "page=0")
                .doesNotContain("status=");
    }

    @Test
    void inArabicThePlanPageReadsRightToLeft() throws Exception {
        String html = mvc.perform(get("/plans/" + PLAN)
                        .cookie(new Cookie(Languages.COOKIE, "ar"))
                        .with(signedIn("u", "u", CITY, "member")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("dir=\"rtl\"", "إجراءات هذه الخطة", "آخر تقدّم");
    }

    @Test
    void aCommitmentsCascadeShowsWeightsSharesTheRollUpWithItsNumbersAndWhoIsMissing() throws Exception {
        String html = page(get("/actions/" + COMMITMENT + "/cascade"), NATIONAL, "org-editor");
        assertThat(html)
                .contains("Cities plan and budget services for all their residents")
                .contains("<dd id=\"rollup\">30%</dd>")
                .contains("Neighbourhood service plans for Kisenyi", "Kampala Capital City Authority")
                // weights 3 and 1: shares 75% and 25%, and what each adds to the roll-up
                .contains(
                        "class=\"weight\">3</td>",
                        "75%",
                        "25%",
                        "<td data-label=\"Adds to the progress (points)\">30</td>")
                .contains("id=\"cascade-chart\"", "Show the numbers")
                .contains("Neighbourhood service plans for Kisenyi (Kampala Capital City Authority), weight 3: 40%")
                .contains(
                        "id=\"missing-implementers\"", "<li>Office of the Prime Minister, Department of Refugees</li>");
    }

    @Test
    void theCascadeNamesOnlyWhatTheServiceShowsTheReader() throws Exception {
        // as the enforcement body gets it: the restricted child and the hidden expected implementer left out
        SERVICES.answer("GET", "/actions/" + COMMITMENT + "/cascade", 200, """
                {"actionId":"%s","children":[
                  {"id":"%s","ownerId":"%s","title":"Arua service plan","status":"PROPOSED","weight":1}],
                 "percentComplete":0.0,"missingImplementers":[]}""".formatted(COMMITMENT, OTHER, TOWN));
        SERVICES.answer("GET", "/stakeholders/" + HIDDEN, 404, """
                {"status":404,"title":"Not Found"}""");
        String html = page(get("/actions/" + COMMITMENT + "/cascade"), UUID.randomUUID(), "member");
        assertThat(html)
                .contains("Arua service plan", "<dd id=\"rollup\">0%</dd>")
                .contains("Every expected implementer you can see has linked an action.")
                .doesNotContain("Neighbourhood service plans for Kisenyi", HIDDEN.toString(), "not shared with your");
        // a record the reader may not see is not found
        mvc.perform(get("/actions/" + UUID.randomUUID() + "/cascade").with(signedIn("u", "u", CITY, "member")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theActionFormLinksToACommitmentWithItsWeightAndShowsTheServicesRefusalAtTheField() throws Exception {
        SERVICES.answer("GET", "/actions/" + OTHER, 200, other());
        SERVICES.answer("GET", "/plans", 200, """
                {"items":[],"page":0,"size":200,"totalItems":0,"totalPages":0}""");
        SERVICES.answer("GET", "/needs", 200, """
                {"items":[],"page":0,"size":200,"totalItems":0,"totalPages":0}""");
        SERVICES.answer("GET", "/rounds", 200, """
                {"items":[],"page":0,"size":50,"totalItems":0,"totalPages":0}""");
        // the checklist and the catalogue are kept for an hour by the application these tests share: the same as
        // the action pages' tests give
        SERVICES.answer("GET", "/checklist", 200, """
                {"id":"checklist","version":1,"recommendations":[{"code":"R9","title":"Services","actions":[
                 {"code":"9.1","title":"Access","questions":[{"code":"9.1.d",
                  "text":"Can people without documents use public health services?"}]}]}]}""");
        SERVICES.answer("GET", "/frameworks", 200, """
                {"frameworks":[{"id":"SDG","title":"Sustainable Development Goals"},{"id":"GCM","title":"Global Compact for Migration"}],
                 "items":[{"code":"SDG-3.8","framework":"SDG","title":"Universal health coverage"},
                  {"code":"GCM-15","framework":"GCM","title":"Provide access to basic services for migrants"}]}""");
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Uganda urban forum","type":"COORDINATION_FORUM","area":"Uganda"}]""".formatted(FORUM));
        String form = page(get("/actions/" + OTHER + "/edit"), TOWN, "org-editor");
        // only commitments that ask for local implementation are offered, as the service lists them, by title
        assertThat(last("GET", "/actions").query()).contains("requiresLocalImplementation=true", "sort=title");
        assertThat(form)
                .contains("<option value=\"" + COMMITMENT + "\"")
                .doesNotContain("<option value=\"" + OTHER + "\"");

        SERVICES.answer("PUT", "/actions/" + OTHER, 200, other());
        mvc.perform(link(COMMITMENT, "4")).andExpect(status().is3xxRedirection());
        StubServices.Request put = last("PUT", "/actions/" + OTHER);
        assertThat(put.ifMatch()).isEqualTo("\"1\"");
        assertThat(put.body()).contains("\"implementsActionId\":\"" + COMMITMENT + "\"", "\"weight\":4");

        SERVICES.answer("PUT", "/actions/" + OTHER, 422, """
                {"status":422,"title":"Unprocessable reference","detail":"no action",
                 "errors":[{"field":"implementsActionId","message":"commitment was cancelled"}]}""");
        String refused = mvc.perform(link(COMMITMENT, "4"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused)
                .contains("commitment was cancelled")
                .containsPattern("id=\"field-implementsActionId\"[^>]*aria-invalid=\"true\"")
                .containsPattern("value=\"" + COMMITMENT + "\"[^>]*selected")
                .contains("value=\"4\"");
    }

    private RequestBuilder link(UUID commitment, String weight) {
        return post("/actions/" + OTHER + "/edit")
                .with(signedIn("u-town", "u-town", TOWN, "org-editor"))
                .with(csrf())
                .param("version", "1")
                .param("title", "Arua service plan")
                .param("kind", "PROGRAMME")
                .param("sectors", "GOVERNANCE")
                .param("reportingCadence", "QUARTERLY")
                .param("classification", "FORUM")
                .param("sharedWithForums", FORUM.toString())
                .param("implementsActionId", commitment.toString())
                .param("weight", weight);
    }

    private String page(MockHttpServletRequestBuilder request, UUID organisation, String role) throws Exception {
        return mvc.perform(request.with(signedIn("u-" + role, "u-" + role, organisation, role)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static StubServices.Request last(String method, String path) {
        return SERVICES.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + method + " " + path));
    }

    private static String commitment() {
        return """
                {"id":"%s","version":2,"ownerId":"%s","planId":"%s",
                 "title":"Cities plan and budget services for all their residents","kind":"COMMITMENT",
                 "status":"COMMITTED","requiresLocalImplementation":true,"expectedImplementers":["%s","%s","%s"],
                 "sectors":["GOVERNANCE"],"classification":"FORUM",
                 "createdAt":"2026-03-01T08:00:00Z","updatedAt":"2026-10-01T08:00:00Z"}""".formatted(COMMITMENT, NATIONAL, PLAN, CITY, TOWN, HIDDEN);
    }

    private static String other() {
        return """
                {"id":"%s","version":1,"ownerId":"%s","title":"Arua service plan","kind":"PROGRAMME",
                 "status":"PROPOSED","requiresLocalImplementation":false,"sectors":["GOVERNANCE"],
                 "reportingCadence":"QUARTERLY","classification":"FORUM","sharedWithForums":["%s"],
                 "createdAt":"2026-03-01T08:00:00Z","updatedAt":"2026-10-01T08:00:00Z"}""".formatted(OTHER, TOWN, FORUM);
    }

    private static String org(UUID id, String name, String acronym) {
        return """
                {"id":"%s","version":1,"name":"%s","acronym":"%s","status":"ACTIVE","jurisdiction":{"country":"UG"}}""".formatted(id, name, acronym);
    }

    private static void organisation(UUID id, String name, String acronym) {
        SERVICES.answer("GET", "/stakeholders/" + id, 200, org(id, name, acronym));
    }
}
