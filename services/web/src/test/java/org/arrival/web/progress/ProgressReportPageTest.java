package org.arrival.web.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.arrival.web.layout.Languages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The progress report form against stub services: what it proposes, what it sends, and how refusals come back. */
class ProgressReportPageTest extends WebTest {

    static final UUID CITY = UUID.fromString("5b91a581-7e39-4e6e-a92e-7be3b70f071a");
    static final UUID OTHER = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID ACTION = UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
    static final UUID LAST = UUID.fromString("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
    static final String PATH = "/actions/" + ACTION + "/reports/new";

    @Autowired
    MockMvc mvc;

    RequestPostProcessor editor() {
        return signedIn("u-city", "kcca-coordinator", CITY, "member", "org-editor");
    }

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer("GET", "/stakeholders/" + CITY, 200, """
                {"id":"%s","version":1,"name":"Kampala Capital City Authority"}""".formatted(CITY));
        action(CITY, "IN_PROGRESS");
        SERVICES.answer("GET", "/actions/" + ACTION + "/reporting", 200, """
                {"actionId":"%s","status":"IN_PROGRESS","cadence":"QUARTERLY","asOf":"2026-12-06","reportsExpected":true,
                 "graceDays":15,"lastReport":{"id":"%s","periodStart":"2026-05-01","periodEnd":"2026-07-31",
                 "percentComplete":25,"rag":"AMBER","reportedAt":"2026-08-05T10:00:00Z"},
                 "nextDue":{"periodStart":"2026-08-01","periodEnd":"2026-10-31","dueOn":"2026-11-15"},
                 "overdue":true,"daysOverdue":21,"lateMilestones":[],"missedMilestones":[]}""".formatted(ACTION, LAST));
        SERVICES.answer("GET", "/actions/" + ACTION + "/reports/" + LAST, 200, """
                {"id":"%s","actionId":"%s","periodStart":"2026-05-01","periodEnd":"2026-07-31","actionStatus":"IN_PROGRESS",
                 "percentComplete":25,"rag":"AMBER","narrative":"Licensing on a refugee ID agreed.",
                 "indicators":[{"name":"Refugee traders licensed","unit":"traders","baseline":0.0,"target":300.0,"actual":46.0}],
                 "reportedAt":"2026-08-05T10:00:00Z"}""".formatted(LAST, ACTION));
    }

    void action(UUID owner, String status) {
        SERVICES.answer("GET", "/actions/" + ACTION, 200, """
                {"id":"%s","version":4,"ownerId":"%s","title":"Trading licences and stalls at Nakawa market",
                 "kind":"POLICY_OR_LEGAL_REFORM","sectors":["LIVELIHOODS"],"status":"%s","classification":"FORUM"}""".formatted(ACTION, owner, status));
    }

    MockHttpServletRequestBuilder form(String... pairs) {
        MockHttpServletRequestBuilder post = post(PATH).with(editor()).with(csrf());
        for (int i = 0; i < pairs.length; i += 2) {
            post.param(pairs[i], pairs[i + 1]);
        }
        return post;
    }

    @Test
    void theDuePeriodIsProposedAndTheLastReportFillsTheForm() throws Exception {
        mvc.perform(get(PATH).with(editor()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Publish a progress report"),
                                containsString("is 21 days late"),
                                containsString("name=\"periodStart\" type=\"date\" value=\"2026-08-01\""),
                                containsString("name=\"periodEnd\" type=\"date\" value=\"2026-10-31\""),
                                containsString("name=\"percentComplete\" type=\"number\" value=\"25\""),
                                containsString("value=\"AMBER\" checked"),
                                containsString(
                                        "name=\"indicators[0].name\" type=\"text\" value=\"Refugee traders licensed\""),
                                containsString("name=\"indicators[0].target\" type=\"number\" value=\"300\""),
                                containsString("name=\"indicators[0].actual\" type=\"number\" value=\"46\""),
                                containsString("Last report: 46"),
                                containsString("Licensing on a refugee ID agreed."),
                                containsString("name=\"_csrf\""),
                                containsString("href=\"/actions/" + ACTION + "\""))))
                // the narrative is written anew: last time's stays beside the field, not in it
                .andExpect(content().string(containsString("maxlength=\"4000\"")))
                .andExpect(content().string(not(containsString("\">Licensing on a refugee ID agreed.</textarea>"))));
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.path().startsWith("/actions/"))
                .allSatisfy(r -> assertThat(r.authorization())
                        .isEqualTo(
                                "Bearer " + accessToken("u-city", "kcca-coordinator", CITY, "member", "org-editor")));
    }

    @Test
    void publishingSendsTheRowsTypedAndGoesBackToMyWork() throws Exception {
        SERVICES.answer("POST", "/actions/" + ACTION + "/reports", 201, """
                {"id":"%s","actionId":"%s","periodStart":"2026-08-01","periodEnd":"2026-10-31","percentComplete":40,
                 "rag":"GREEN","indicators":[]}""".formatted(UUID.randomUUID(), ACTION));
        mvc.perform(form(
                        "rows",
                        "2",
                        "periodStart",
                        "2026-08-01",
                        "periodEnd",
                        "2026-10-31",
                        "percentComplete",
                        "40",
                        "rag",
                        "GREEN",
                        "narrative",
                        "Fee waiver passed by the council.",
                        "indicators[0].name",
                        "",
                        "indicators[0].actual",
                        "",
                        "indicators[1].name",
                        "Refugee traders licensed",
                        "indicators[1].unit",
                        "traders",
                        "indicators[1].baseline",
                        "0",
                        "indicators[1].target",
                        "300",
                        "indicators[1].actual",
                        "1 210,5"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attributeExists(ProgressReportPage.PUBLISHED));
        StubServices.Request sent = SERVICES.requests().stream()
                .filter(r -> r.method().equals("POST"))
                .findFirst()
                .orElseThrow();
        JsonNode body = JsonMapper.builder().build().readTree(sent.body());
        assertThat(body.path("periodStart").asString()).isEqualTo("2026-08-01");
        assertThat(body.path("percentComplete").asInt()).isEqualTo(40);
        assertThat(body.path("rag").asString()).isEqualTo("GREEN");
        assertThat(body.path("indicators")).singleElement().satisfies(i -> {
            assertThat(i.path("name").asString()).isEqualTo("Refugee traders licensed");
            assertThat(i.path("actual").asDouble()).isEqualTo(1210.5);
        });
    }

    @Test
    void refusalsComeBackAtTheirFieldsInTheReadersLanguageWithWhatWasTyped() throws Exception {
        // the service names the first indicator it was sent: the form's second row
        SERVICES.answer("POST", "/actions/" + ACTION + "/reports", 400, """
                {"status":400,"title":"Invalid input","detail":"bad",
                 "errors":[{"field":"indicators[0].actual","message":"counts people (unit 'people'): must be a whole number",
                            "code":"report.head-count","parameters":{"max":10000000000}},
                           {"field":"narrative","message":"looks like a phone number","code":"personal-data.phone"},
                           {"field":"periodEnd","message":"some rule without a code"}]}""");
        mvc.perform(form(
                                "rows",
                                "2",
                                "periodStart",
                                "2026-08-01",
                                "periodEnd",
                                "2026-10-31",
                                "percentComplete",
                                "40",
                                "rag",
                                "RED",
                                "narrative",
                                "Call the desk on 0772 123456",
                                "indicators[1].name",
                                "Traders licensed",
                                "indicators[1].unit",
                                "people",
                                "indicators[1].actual",
                                "12.5")
                        .cookie(new Cookie(Languages.COOKIE, "fr")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"error-summary\""),
                                containsString("href=\"#field-indicators-1--actual\""),
                                containsString(
                                        "Cet indicateur compte des personnes : indiquez un nombre entier de 0 à 10"),
                                containsString("Cela ressemble au numéro de téléphone d’une personne."),
                                containsString("some rule without a code"),
                                containsString(
                                        "id=\"field-indicators-1--actual\" name=\"indicators[1].actual\" type=\"number\" value=\"12.5\""),
                                containsString("aria-describedby=\"field-indicators-1--actual-error\""),
                                containsString(">Call the desk on 0772 123456</textarea>"),
                                containsString("value=\"RED\" checked"))));
    }

    @Test
    void anotherIndicatorRowKeepsWhatWasTypedAndSendsNothing() throws Exception {
        mvc.perform(form(
                        "add",
                        "indicator",
                        "rows",
                        "1",
                        "periodStart",
                        "2026-08-01",
                        "percentComplete",
                        "33",
                        "indicators[0].name",
                        "Stalls allocated"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("name=\"indicators[1].name\""),
                                containsString("value=\"Stalls allocated\""),
                                containsString("name=\"percentComplete\" type=\"number\" value=\"33\""),
                                containsString("name=\"rows\" value=\"2\""))));
        assertThat(SERVICES.requests()).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void whatCannotBeReadAsANumberIsSaidHereAndAReportedPeriodAtItsField() throws Exception {
        mvc.perform(form(
                        "rows",
                        "1",
                        "periodStart",
                        "2026-08-01",
                        "periodEnd",
                        "2026-10-31",
                        "percentComplete",
                        "forty",
                        "rag",
                        "GREEN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Give a whole number from 0 to 100.")));
        assertThat(SERVICES.requests()).noneMatch(r -> r.method().equals("POST"));

        SERVICES.answer("POST", "/actions/" + ACTION + "/reports", 409, """
                {"status":409,"title":"Conflict","detail":"The action already has a report for 2026-08-01 to 2026-10-31"}""");
        mvc.perform(form(
                        "rows",
                        "1",
                        "periodStart",
                        "2026-08-01",
                        "periodEnd",
                        "2026-10-31",
                        "percentComplete",
                        "40",
                        "rag",
                        "GREEN"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("href=\"#field-periodStart\""),
                                containsString("This action already has a report for this period."))));
    }

    @Test
    void onlyTheOwnersEditorsReportAndAProposedActionTakesNoReportYet() throws Exception {
        action(OTHER, "IN_PROGRESS");
        mvc.perform(get(PATH).with(editor())).andExpect(status().isForbidden());
        mvc.perform(form("rows", "1", "periodStart", "2026-08-01")).andExpect(status().isForbidden());
        action(CITY, "IN_PROGRESS");
        mvc.perform(get(PATH).with(signedIn("u-viewer", "city-viewer", CITY, "member")))
                .andExpect(status().isForbidden());
        action(CITY, "PROPOSED");
        mvc.perform(get(PATH).with(editor()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"report-not-taken\""), not(containsString("id=\"report-form\"")))));
        assertThat(SERVICES.requests()).noneMatch(r -> r.method().equals("POST"));
    }
}
