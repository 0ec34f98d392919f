package org.arrival.web.forumrunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.arrival.web.SignedIn;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Running a forum against a stub registry: the profile every member reads and the chair changes with If-Match (the
 * registry's refusals at the fields, 412 beside what was typed), seats given to an organisation found by name, a role
 * changed and a membership ended at the version read, a member's refused change said plainly, and the history.
 */
class ForumRunningPagesTest extends WebTest {

    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID PARENT = UUID.fromString("7f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID CHILD = UUID.fromString("8f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID CITY = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");
    static final UUID NGO = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID NEWCOMER = UUID.fromString("925d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID CITY_SEAT = UUID.fromString("a25d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID NGO_SEAT = UUID.fromString("b25d3feb-609d-4bcd-ad95-a391633073a5");
    static final SignedIn CHAIR = SignedIn.as("kcca-coordinator", CITY, "forum-coordinator", "member");
    static final SignedIn NGO_MEMBER = SignedIn.as("irc-member", NGO, "member");
    static final String BASE = "/forums/" + FORUM;

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    static String forum(UUID id, long version, String name, String parent) {
        return """
                {"id":"%s","version":%d,"name":"%s","type":"COORDINATION_FORUM",
                 "geographicScope":{"country":"UG","subdivision":"UG-C","areaCode":"KLA","areaName":"Kampala"},
                 "thematicScope":{"sectors":["HEALTH","LEGAL_STATUS"],"populationGroups":["REFUGEES"],
                   "mandate":"Coordinate the city's response","languages":["en","sw"]},
                 "convenorId":"%s","chairId":"%s","secretariatId":null,"parentForumId":%s,"status":"ACTIVE"}""".formatted(id, version, name, CITY, CITY, parent);
    }

    static String org(UUID id, String name) {
        return """
                {"id":"%s","version":1,"name":"%s","type":"NGO","status":"ACTIVE"}""".formatted(id, name);
    }

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum","type":"COORDINATION_FORUM","status":"ACTIVE",
                  "area":"Kampala","seat":"CHAIR"},
                 {"forumId":"%s","name":"National refugee forum","type":"COORDINATION_FORUM","status":"ACTIVE",
                  "area":"Uganda","seat":"MEMBER"}]""".formatted(FORUM, PARENT));
        SERVICES.answer("GET", BASE, 200, forum(FORUM, 3, "Kampala coordination forum", "\"" + PARENT + "\""));
        SERVICES.answer("GET", "/forums/" + PARENT, 200, forum(PARENT, 1, "National refugee forum", "null"));
        SERVICES.answer("GET", "/forums?parent=" + FORUM + "&size=200&sort=name", 200, """
                {"items":[%s],"page":0,"size":200,"totalItems":1,"totalPages":1}""".formatted(
                        forum(CHILD, 1, "Kawempe division forum", "\"" + FORUM + "\"")));
        SERVICES.answer("GET", BASE + "/memberships", 200, """
                [{"id":"%s","version":1,"forumId":"%s","stakeholderId":"%s","seat":"CHAIR","status":"ACTIVE"},
                 {"id":"%s","version":4,"forumId":"%s","stakeholderId":"%s","seat":"MEMBER","status":"ACTIVE",
                  "termStart":"2026-01-01"}]""".formatted(CITY_SEAT, FORUM, CITY, NGO_SEAT, FORUM, NGO));
        SERVICES.answer("GET", "/stakeholders/" + CITY, 200, org(CITY, "Kampala Capital City Authority"));
        SERVICES.answer("GET", "/stakeholders/" + NGO, 200, org(NGO, "Refugee legal aid"));
    }

    private StubServices.Request sent(String method) {
        return SERVICES.requests().stream()
                .filter(r -> r.method().equals(method))
                .findFirst()
                .orElseThrow();
    }

    private static MockHttpServletRequestBuilder profileForm(String version, String mandate) {
        return post(BASE + "/profile")
                .with(csrf())
                .param("version", version)
                .param("name", "Kampala coordination forum")
                .param("thematicScope.mandate", mandate)
                .param("thematicScope.sectors", "HEALTH", "EDUCATION")
                .param("thematicScope.populationGroups", "REFUGEES")
                .param("thematicScope.languages", "en, lg sw")
                .param("parentForumId", PARENT.toString());
    }

    @Test
    void everyMemberReadsTheProfileWithItsParentAndNestedForumsButOnlyTheChairHasTheForm() throws Exception {
        String member = html(get(BASE + "/profile").with(as(NGO_MEMBER)), 200);
        assertThat(member)
                .contains("<dd id=\"profile-mandate\">Coordinate the city's response</dd>")
                .contains("<a href=\"/forums/" + PARENT + "/profile\">National refugee forum</a>")
                .contains("<a href=\"/forums/" + CHILD + "/profile\">Kawempe division forum</a>")
                .contains(">Health</span>", ">Refugees</span>")
                .contains("<span class=\"badge\" lang=\"sw\">Kiswahili</span>")
                .doesNotContain("id=\"profile-form\"");
        String chair = html(get(BASE + "/profile").with(as(CHAIR)), 200);
        assertThat(chair)
                .contains("id=\"profile-form\"", "name=\"version\" value=\"3\"")
                .contains("value=\"HEALTH\" checked", "<option value=\"" + PARENT + "\" selected>");
    }

    @Test
    void theChairSavesTheProfileWithTheVersionReadAndWhatTheyDidNotSeeKept() throws Exception {
        SERVICES.answer("PUT", BASE, 200, forum(FORUM, 4, "Kampala coordination forum", "\"" + PARENT + "\""));
        mvc.perform(profileForm("3", "Coordinate the response across divisions").with(as(CHAIR)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(BASE + "/profile"));
        StubServices.Request put = sent("PUT");
        assertThat(put.ifMatch()).isEqualTo("\"3\"");
        assertThat(put.body())
                .contains("\"type\":\"COORDINATION_FORUM\"", "\"convenorId\":\"" + CITY + "\"")
                .contains("\"areaName\":\"Kampala\"", "\"sectors\":[\"HEALTH\",\"EDUCATION\"]")
                .contains("\"mandate\":\"Coordinate the response across divisions\"")
                .contains("\"languages\":[\"en\",\"lg\",\"sw\"]")
                .contains("\"parentForumId\":\"" + PARENT + "\"");
    }

    @Test
    void theRegistrysRefusalIsShownAtTheFieldAndAStaleVersionKeepsWhatWasTyped() throws Exception {
        SERVICES.answer("PUT", BASE, 400, """
                {"status":400,"title":"Bad Request","errors":[{"field":"thematicScope.mandate",
                  "message":"size must be between 0 and 4000"}]}""");
        String refused = html(profileForm("3", "Too long, say").with(as(CHAIR)), 400);
        assertThat(refused)
                .contains("<div id=\"field-thematicScope-mandate-error\">", "size must be between 0 and 4000")
                .contains(">Too long, say</textarea>");

        SERVICES.answer("PUT", BASE, 400, """
                {"status":400,"title":"Bad Request","errors":[{"field":"thematicScope.languages[1]",
                  "message":"must be a language tag such as en, fr or sw"}]}""");
        assertThat(html(profileForm("3", "Coordinate").with(as(CHAIR)), 400))
                .contains("<div id=\"field-thematicScope-languages-error\">", "must be a language tag")
                .contains("value=\"en, lg sw\"");

        SERVICES.answer("PUT", BASE, 412, """
                {"status":412,"title":"Precondition Failed","detail":"The forum changed"}""");
        SERVICES.answer("GET", BASE, 200, forum(FORUM, 5, "Kampala coordination forum", "\"" + PARENT + "\""));
        String stale = html(profileForm("3", "My careful rewording").with(as(CHAIR)), 412);
        assertThat(stale)
                .contains("id=\"error-summary\"", ">My careful rewording</textarea>")
                .contains("name=\"version\" value=\"5\"", "value=\"EDUCATION\" checked");
    }

    @Test
    void theChairFindsAnOrganisationByNameAndSeatsItAsObserver() throws Exception {
        SERVICES.answer("GET", "/stakeholders", 200, """
                {"items":[%s,%s],"page":0,"size":20,"totalItems":2,"totalPages":1}""".formatted(
                        org(NEWCOMER, "Refugee youth network"), org(NGO, "Refugee legal aid")));
        String found = html(get(BASE + "/members?q=Refugee").with(as(CHAIR)), 200);
        assertThat(sent("GET").path()).isNotNull();
        assertThat(SERVICES.requests())
                .anyMatch(r -> r.path().equals("/stakeholders") && r.query().startsWith("q=Refugee"));
        String results = found.substring(found.indexOf("id=\"found\""));
        assertThat(results)
                .contains("<strong>Refugee youth network</strong>", "id=\"seat-" + NEWCOMER + "-submit\"")
                // already seated: not offered again
                .doesNotContain("data-stakeholder-id=\"" + NGO + "\"");

        SERVICES.answer("POST", BASE + "/memberships", 201, """
                {"id":"%s","version":1,"forumId":"%s","stakeholderId":"%s","seat":"OBSERVER","status":"ACTIVE"}""".formatted(UUID.randomUUID(), FORUM, NEWCOMER));
        mvc.perform(post(BASE + "/members")
                        .with(as(CHAIR))
                        .with(csrf())
                        .param("stakeholderId", NEWCOMER.toString())
                        .param("seat", "OBSERVER"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(BASE + "/members"));
        assertThat(sent("POST").body()).contains("\"stakeholderId\":\"" + NEWCOMER + "\"", "\"seat\":\"OBSERVER\"");

        String bad = html(
                post(BASE + "/members")
                        .with(as(CHAIR))
                        .with(csrf())
                        .param("stakeholderId", NEWCOMER.toString())
                        .param("seat", "EMPEROR"),
                400);
        assertThat(bad).contains("Choose a role from the list.");
    }

    @Test
    void theChairChangesARoleAndEndsAMembershipAtTheVersionRead() throws Exception {
        String page = html(get(BASE + "/members").with(as(CHAIR)), 200);
        assertThat(page)
                .contains("id=\"change-seat-" + NGO_SEAT + "\"", "id=\"end-" + NGO_SEAT + "\"")
                .contains("<th scope=\"row\"><a href=\"/stakeholders/" + NGO + "\">Refugee legal aid</a></th>");
        SERVICES.answer("PUT", BASE + "/memberships/" + NGO_SEAT, 200, """
                {"id":"%s","version":5,"forumId":"%s","stakeholderId":"%s","seat":"SECRETARIAT","status":"ACTIVE"}""".formatted(NGO_SEAT, FORUM, NGO));
        mvc.perform(post(BASE + "/members/" + NGO_SEAT + "/seat")
                        .with(as(CHAIR))
                        .with(csrf())
                        .param("seat", "SECRETARIAT")
                        .param("version", "4"))
                .andExpect(status().is3xxRedirection());
        StubServices.Request put = sent("PUT");
        assertThat(put.ifMatch()).isEqualTo("\"4\"");
        assertThat(put.body()).contains("\"seat\":\"SECRETARIAT\"", "\"termStart\":\"2026-01-01\"");

        SERVICES.answer("POST", BASE + "/memberships/" + NGO_SEAT + "/end", 200, """
                {"id":"%s","version":5,"forumId":"%s","stakeholderId":"%s","seat":"MEMBER","status":"ENDED"}""".formatted(NGO_SEAT, FORUM, NGO));
        mvc.perform(post(BASE + "/members/" + NGO_SEAT + "/end")
                        .with(as(CHAIR))
                        .with(csrf())
                        .param("reason", "Left the city")
                        .param("version", "4"))
                .andExpect(status().is3xxRedirection());
        StubServices.Request end = sent("POST");
        assertThat(end.path()).isEqualTo(BASE + "/memberships/" + NGO_SEAT + "/end");
        assertThat(end.ifMatch()).isEqualTo("\"4\"");
        assertThat(end.body()).isEqualTo("{\"reason\":\"Left the city\"}");

        SERVICES.answer("POST", BASE + "/memberships/" + NGO_SEAT + "/end", 412, """
                {"status":412,"title":"Precondition Failed","detail":"The membership changed"}""");
        String stale = html(
                post(BASE + "/members/" + NGO_SEAT + "/end")
                        .with(as(CHAIR))
                        .with(csrf())
                        .param("reason", "Left the city")
                        .param("version", "3"),
                412);
        assertThat(stale).contains("id=\"error-summary\"");
    }

    @Test
    void aMemberSeesNoFormsAndTheirChangeIsRefusedPlainly() throws Exception {
        String page = html(get(BASE + "/members").with(as(NGO_MEMBER)), 200);
        assertThat(page).doesNotContain("id=\"change-seat-", "id=\"end-", "id=\"find-organisation\"");
        SERVICES.answer("POST", BASE + "/memberships/" + CITY_SEAT + "/end", 403, """
                {"status":403,"title":"Forbidden","detail":"Only the forum's coordinators"}""");
        String refused = html(
                post(BASE + "/members/" + CITY_SEAT + "/end")
                        .with(as(NGO_MEMBER))
                        .with(csrf())
                        .param("version", "1"),
                403);
        assertThat(refused).contains("id=\"running-refused\"", "Only the forum’s chair and secretariat");
    }

    @Test
    void theHistoryListsChangesOfTheForumAndItsMembershipsNewestFirstWithWhoAndWhy() throws Exception {
        SERVICES.answer("GET", BASE + "/history", 200, """
                [{"version":1,"change":"ForumEstablished","at":"2026-01-01T08:00:00Z","userId":"u1",
                  "organisationId":"%s","changedFields":[]},
                 {"version":2,"change":"ForumUpdated","at":"2026-03-01T08:00:00Z","userId":"u1",
                  "organisationId":"%s","changedFields":["thematicScope"]}]""".formatted(CITY, CITY));
        SERVICES.answer("GET", BASE + "/memberships/" + NGO_SEAT + "/history", 200, """
                [{"version":4,"change":"MembershipEnded","at":"2026-06-01T08:00:00Z","userId":"u1",
                  "organisationId":"%s","changedFields":["status"],"reason":"Left the city"}]""".formatted(CITY));
        SERVICES.answer("GET", BASE + "/memberships/" + CITY_SEAT + "/history", 200, "[]");
        String page = html(get(BASE + "/history").with(as(CHAIR)), 200);
        assertThat(page)
                .contains("Refugee legal aid: membership ended", "Left the city", "by Kampala Capital City Authority")
                .contains("Profile changed", "(thematicScope)");
        assertThat(page.indexOf("MembershipEnded")).isLessThan(page.indexOf("ForumUpdated"));
        assertThat(page.indexOf("ForumUpdated")).isLessThan(page.indexOf("ForumEstablished"));

        SERVICES.answer("GET", BASE + "/history", 403, """
                {"status":403,"title":"Forbidden","detail":"Only the forum's managers"}""");
        String refused = html(get(BASE + "/history").with(as(NGO_MEMBER)), 403);
        assertThat(refused).contains("Only the forum’s chair, secretariat and convenor read its history.");
    }
}
