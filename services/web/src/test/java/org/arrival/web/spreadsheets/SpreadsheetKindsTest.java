package org.arrival.web.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.arrival.web.api.ApiClients;
import org.arrival.web.api.ServiceSettings;
import org.arrival.web.api.assessments.AssessmentsApi;
import org.arrival.web.decisions.PageChecks;
import org.arrival.web.layout.Languages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of records on the spreadsheet pages, against stub services where the assessments service answers apart
 * from the others, so that each call is seen to reach the service that holds the records: the chooser in the four
 * languages, a download of each kind, an upload of needs and its preview, applying and discarding an assessments
 * import, a milestones preview, and an enforcement body's editor refused.
 */
class SpreadsheetKindsTest extends WebTest {

    /** The assessments service, apart from {@link WebTest#SERVICES}, which answers for the others. */
    static final StubServices ASSESSMENTS = new StubServices();

    static final UUID NGO = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID POLICE = UUID.fromString("5a0f3c2e-7b1d-4e8a-9c6f-2d4b8e1a7c30");
    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID IMPORT = UUID.fromString("7d2b9e4f-1a3c-4b5d-8e6f-0a1b2c3d4e5f");
    static final UUID NEED = UUID.fromString("a6c1d2e3-f4a5-4b6c-9d7e-8f9a0b1c2d3e");
    static final UUID ACTION = UUID.fromString("0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final String UPLOAD = "/forums/" + FORUM + "/spreadsheet";
    static final String IMPORTS = "/forums/" + FORUM + "/spreadsheet-imports";
    static final String HELD = "/spreadsheet-imports/" + IMPORT;
    static final String ASSESSMENT_PREVIEW = "/assessment-imports/" + IMPORT;

    /** The application's assessments client, pointed at {@link #ASSESSMENTS}; every other client as configured. */
    @TestConfiguration
    static class AssessmentsApart {

        @Bean
        @Primary
        AssessmentsApi assessmentsApart(
                ServiceSettings settings,
                RestClient.Builder builder,
                OAuth2AuthorizedClientManager manager,
                OAuth2AuthorizedClientRepository repository,
                JsonMapper json) {
            ServiceSettings apart = new ServiceSettings(
                    settings.registry(),
                    ASSESSMENTS.url(),
                    settings.actionPlans(),
                    settings.notifications(),
                    settings.forum(),
                    settings.connectTimeout(),
                    settings.readTimeout());
            return new AssessmentsApi(new ApiClients(apart, builder, manager, repository, json));
        }
    }

    @Autowired
    MockMvc mvc;

    @AfterAll
    static void stop() {
        ASSESSMENTS.close();
    }

    RequestPostProcessor editor() {
        return signedIn("u-ngo", "ngo-editor", NGO, "member", "org-editor");
    }

    @BeforeEach
    void services() {
        SERVICES.reset();
        ASSESSMENTS.reset();
        SERVICES.answer("GET", "/stakeholders/" + NGO, 200, """
                {"id":"%s","version":1,"name":"Horizon Relief International","type":"INTERNATIONAL_NGO",
                 "enforcementBody":false}""".formatted(NGO));
        SERVICES.answer("GET", "/stakeholders/" + POLICE, 200, """
                {"id":"%s","version":1,"name":"Kampala Metropolitan Police","type":"GOVERNMENT_AGENCY",
                 "enforcementBody":true}""".formatted(POLICE));
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum","type":"COORDINATION_FORUM","status":"ACTIVE",
                  "area":"Kampala","seat":"MEMBER"}]""".formatted(FORUM));
    }

    /** Needs read from a sheet: a new one, a changed one, a refused one; no reports. */
    static String needsPreviewed(String status) {
        return """
                {"id":"%s","forumId":"%s","organisationId":"%s","records":"needs","fileName":"needs-kcf.xlsx",
                 "status":"%s","createdAt":"2026-12-07T06:00:00Z","createdBy":"u-ngo","appliedAt":%s,
                 "counts":{"create":1,"update":1,"unchanged":0,"refused":1,"reports":0},
                 "rows":[
                  {"row":3,"recordId":"%s","actionId":null,"title":"Legal aid for undocumented families","outcome":"UPDATE",
                   "changes":[{"field":"severity","from":"3","to":"4"}],"report":null,"problems":[]},
                  {"row":4,"recordId":null,"actionId":null,"title":"Winter clothing in Kisenyi","outcome":"CREATE",
                   "changes":[],"report":null,"problems":[]},
                  {"row":5,"recordId":null,"actionId":null,"title":"","outcome":"REFUSED","changes":[],"report":null,
                   "problems":[{"column":"sector","cell":"E5","message":"must be one of the sectors"}]}]}""".formatted(
                IMPORT, FORUM, NGO, status, "APPLIED".equals(status) ? "\"2026-12-07T06:05:00Z\"" : "null", NEED);
    }

    static String estimatesPreviewed(String status) {
        return """
                {"id":"%s","forumId":"%s","organisationId":"%s","records":"population-estimates",
                 "fileName":"estimates.csv","status":"%s","createdAt":"2026-12-07T06:00:00Z","createdBy":"u-ngo",
                 "appliedAt":null,"counts":{"create":0,"update":1,"unchanged":0,"refused":0,"reports":0},
                 "rows":[{"row":3,"recordId":"%s","actionId":null,"title":"Kisenyi (UG-C), refugees","outcome":"UPDATE",
                   "changes":[{"field":"estimated","from":"1200","to":"1450"}],"report":null,"problems":[]}]}""".formatted(IMPORT, FORUM, NGO, status, UUID.randomUUID());
    }

    @Test
    void theChooserOffersEveryKindLabelledInEachLanguageAndTheStepsFollowTheChoice() throws Exception {
        Map<String, List<String>> words = Map.of(
                "en", List.of("What do you report?", "Needs", "1. Download your needs", "Show these steps"),
                "fr", List.of("De quoi rendez-vous compte ?", "Besoins", "1. Téléchargez vos besoins", "Jalons"),
                "es", List.of("¿Sobre qué informa?", "Necesidades", "1. Descargue sus necesidades", "Hitos"),
                "ar", List.of("عمّ تُبلغ؟", "الاحتياجات", "1. نزّل احتياجاتك", "المعالم"));
        for (String lang : List.of("en", "fr", "es", "ar")) {
            String page = html(
                    get(UPLOAD).param("records", "needs").with(editor()).cookie(new Cookie(Languages.COOKIE, lang)),
                    200);
            PageChecks.accessible(page, lang, "ar".equals(lang) ? "rtl" : "ltr");
            assertThat(page).contains(words.get(lang));
            // a plain GET form: a radio group with a legend, each choice labelled and explained
            assertThat(page)
                    .contains("<form method=\"get\" action=\"" + UPLOAD + "\" id=\"records-form\"")
                    .contains("<legend>")
                    .contains("id=\"choose-records\"");
            for (RecordKind kind : RecordKind.values()) {
                assertThat(page)
                        .contains("<input type=\"radio\" id=\"records-" + kind.key() + "\" name=\"records\" value=\""
                                + kind.key() + "\"")
                        .contains("<label for=\"records-" + kind.key() + "\">")
                        .contains("aria-describedby=\"records-" + kind.key() + "-hint\"");
            }
            assertThat(page)
                    .containsPattern("id=\"records-needs\" name=\"records\" value=\"needs\" checked")
                    .doesNotContainPattern("value=\"actions\" checked")
                    .contains("href=\"" + UPLOAD + "/download?records=needs&amp;format=xlsx\"")
                    .contains("href=\"" + UPLOAD + "/download?records=needs&amp;format=csv\"")
                    .contains("<input type=\"hidden\" name=\"records\" value=\"needs\" id=\"upload-records\">");
        }
        // actions unless another kind is asked for; no other word
        assertThat(html(get(UPLOAD).with(editor()), 200))
                .containsPattern("value=\"actions\" checked")
                .contains("<input type=\"hidden\" name=\"records\" value=\"actions\"");
        html(get(UPLOAD).param("records", "plans").with(editor()), 404);
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().contains("spreadsheet"));
        assertThat(ASSESSMENTS.requests()).isEmpty();
    }

    @Test
    void aDownloadOfEachKindAsksTheServiceThatHoldsItWithItsRecords() throws Exception {
        String path = "/forums/" + FORUM + "/spreadsheet";
        SERVICES.answer("GET", path, 200, "text/csv; charset=UTF-8", "from action plans\n");
        ASSESSMENTS.answer("GET", path, 200, "text/csv; charset=UTF-8", "from assessments\n");
        for (RecordKind kind : RecordKind.values()) {
            SERVICES.requests().clear();
            ASSESSMENTS.requests().clear();
            MockHttpServletResponse response = mvc.perform(get(UPLOAD + "/download")
                            .param("records", kind.key())
                            .param("format", "csv")
                            .with(editor())
                            .cookie(new Cookie(Languages.COOKIE, "es")))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(200);
            boolean assessments = kind == RecordKind.NEEDS || kind == RecordKind.POPULATION_ESTIMATES;
            assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                    .isEqualTo(assessments ? "from assessments\n" : "from action plans\n");
            assertThat(response.getHeader("Content-Disposition")).contains(kind.key() + ".csv");
            StubServices holder = assessments ? ASSESSMENTS : SERVICES;
            StubServices other = assessments ? SERVICES : ASSESSMENTS;
            StubServices.Request asked = holder.requests().stream()
                    .filter(r -> r.path().equals(path))
                    .findFirst()
                    .orElseThrow();
            assertThat(asked.query()).isEqualTo("format=csv&records=" + kind.key());
            assertThat(asked.acceptLanguage()).isEqualTo("es");
            assertThat(asked.authorization())
                    .isEqualTo("Bearer " + accessToken("u-ngo", "ngo-editor", NGO, "member", "org-editor"));
            assertThat(other.requests()).noneMatch(r -> r.path().equals(path));
        }
    }

    @Test
    void anUploadOfNeedsGoesToTheAssessmentsServiceAndItsPreviewShowsNeeds() throws Exception {
        ASSESSMENTS.answer("POST", IMPORTS, 201, needsPreviewed("PREVIEWED"));
        MockHttpServletResponse response = mvc.perform(multipart(UPLOAD)
                        .file(new MockMultipartFile(
                                "file", "needs-kcf.csv", "text/csv", "id,statement\n".getBytes(StandardCharsets.UTF_8)))
                        .param("records", "needs")
                        .with(editor())
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo(ASSESSMENT_PREVIEW);
        StubServices.Request sent = ASSESSMENTS.requests().stream()
                .filter(r -> r.method().equals("POST"))
                .findFirst()
                .orElseThrow();
        assertThat(sent.path()).isEqualTo(IMPORTS);
        assertThat(sent.query()).isEqualTo("records=needs");
        assertThat(sent.contentType()).startsWith("multipart/form-data");
        assertThat(sent.body())
                .contains("name=\"file\"", "filename=\"needs-kcf.csv\"", "Content-Type: text/csv", "id,statement");
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().contains("spreadsheet"));

        ASSESSMENTS.answer("GET", HELD, 200, needsPreviewed("PREVIEWED"));
        String page = html(get(ASSESSMENT_PREVIEW).with(editor()), 200);
        PageChecks.accessible(page, "en", "ltr");
        assertThat(page)
                .contains("Records in this file: Needs.")
                .contains("<li data-count=\"create\"><strong>1</strong> new needs</li>")
                .contains("<li data-count=\"update\"><strong>1</strong> needs changed</li>")
                .contains("<li data-count=\"unchanged\"><strong>0</strong> needs unchanged</li>")
                // reports are counted for actions alone, and the column shows only when a row has one
                .doesNotContain("data-count=\"reports\"")
                .doesNotContain("Progress report")
                .contains("<th scope=\"col\">Need</th>")
                .contains("href=\"/needs/" + NEED + "\">Legal aid for undocumented families</a>")
                .contains("+ New need")
                .contains("✎ Changed")
                .contains("Severity</span>:")
                .contains("Cell E5:")
                .contains("(Sector)")
                .contains("Apply 2 rows")
                .contains("action=\"" + ASSESSMENT_PREVIEW + "/confirmation\"")
                .contains("action=\"" + ASSESSMENT_PREVIEW + "/discard\"")
                .contains("href=\"" + ASSESSMENT_PREVIEW + "/report\"")
                .contains("href=\"" + UPLOAD + "?records=needs\"");
        assertThat(page.indexOf("data-outcome=\"REFUSED\"")).isLessThan(page.indexOf("data-outcome=\"UPDATE\""));
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().contains("spreadsheet"));

        // a file of another kind: the service's words at the file field, with the kind chosen kept
        ASSESSMENTS.answer("POST", IMPORTS, 400, """
                {"status":400,"title":"Bad Request","detail":"Invalid input",
                 "errors":[{"field":"file","message":"This file holds population estimates; choose that kind to import it"}]}""");
        MockHttpServletResponse refused = mvc.perform(multipart(UPLOAD)
                        .file(new MockMultipartFile(
                                "file", "estimates.csv", "text/csv", "a\n".getBytes(StandardCharsets.UTF_8)))
                        .param("records", "needs")
                        .with(editor())
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("The file could not be read as a sheet of needs.")
                .contains("This file holds population estimates; choose that kind to import it")
                .contains("<input type=\"hidden\" name=\"records\" value=\"needs\"");
    }

    @Test
    void anAssessmentsImportIsAppliedAtItsPreviewedVersionAndDiscardedAtTheAssessmentsService() throws Exception {
        ASSESSMENTS.answer("POST", HELD + "/confirmation", 200, estimatesPreviewed("APPLIED"));
        MockHttpServletResponse response = mvc.perform(post(ASSESSMENT_PREVIEW + "/confirmation")
                        .with(editor())
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo(ASSESSMENT_PREVIEW);
        StubServices.Request confirmed = ASSESSMENTS.requests().stream()
                .filter(r -> r.method().equals("POST"))
                .findFirst()
                .orElseThrow();
        assertThat(confirmed.path()).isEqualTo(HELD + "/confirmation");
        assertThat(confirmed.ifMatch()).isEqualTo("\"1\"");
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().contains("spreadsheet"));

        ASSESSMENTS.answer("GET", HELD, 200, estimatesPreviewed("APPLIED"));
        String applied = html(get(ASSESSMENT_PREVIEW).with(editor()), 200);
        assertThat(applied)
                .contains("id=\"import-applied\"")
                .contains("Done: 1 row was applied.")
                .contains("href=\"/forums/" + FORUM + "/population\" id=\"back-to-tracker\"")
                .contains("See the forum’s population estimates")
                .contains("population estimates changed")
                .doesNotContain("id=\"confirm-import\"");

        // a record changed since the preview: said on the page, nothing applied
        ASSESSMENTS.answer("POST", HELD + "/confirmation", 409, """
                {"status":409,"title":"Conflict","detail":"Row 3: the estimate changed since the preview."}""");
        ASSESSMENTS.answer("GET", HELD, 200, estimatesPreviewed("PREVIEWED"));
        assertThat(html(
                        post(ASSESSMENT_PREVIEW + "/confirmation")
                                .with(editor())
                                .with(csrf()),
                        200))
                .contains("id=\"import-conflict\"")
                .contains("Some of these records were changed by someone else after this check.")
                .contains("Row 3: the estimate changed since the preview.")
                .contains("href=\"" + UPLOAD + "?records=population-estimates\"");

        ASSESSMENTS.requests().clear();
        ASSESSMENTS.answer("DELETE", HELD, 204, "");
        MockHttpServletResponse discarded = mvc.perform(
                        post(ASSESSMENT_PREVIEW + "/discard").with(editor()).with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(discarded.getStatus()).isEqualTo(302);
        assertThat(discarded.getRedirectedUrl()).isEqualTo(UPLOAD + "?records=population-estimates");
        assertThat(ASSESSMENTS.requests())
                .anyMatch(r -> r.method().equals("DELETE") && r.path().equals(HELD));
        assertThat(SERVICES.requests()).noneMatch(r -> r.method().equals("DELETE"));

        ASSESSMENTS.answer("GET", HELD + "/report", 200, "text/csv; charset=UTF-8", "row,outcome\n3,UPDATE\n");
        MockHttpServletResponse report = mvc.perform(
                        get(ASSESSMENT_PREVIEW + "/report").with(editor()))
                .andReturn()
                .getResponse();
        assertThat(report.getStatus()).isEqualTo(200);
        assertThat(report.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("row,outcome\n3,UPDATE\n");
    }

    @Test
    void aMilestonesPreviewNamesMilestonesLinksTheirActionsAndCountsNoReports() throws Exception {
        SERVICES.answer("GET", HELD, 200, """
                {"id":"%s","forumId":"%s","organisationId":"%s","records":"milestones","fileName":"milestones.xlsx",
                 "status":"PREVIEWED","counts":{"create":1,"update":0,"unchanged":1,"refused":0,"reports":0},
                 "rows":[{"row":3,"recordId":null,"actionId":"%s","title":"Second clinic opens","outcome":"CREATE",
                   "changes":[],"report":null,"problems":[]},
                  {"row":4,"recordId":"%s","actionId":"%s","title":"First clinic opens","outcome":"UNCHANGED",
                   "changes":[],"report":null,"problems":[]}]}""".formatted(IMPORT, FORUM, NGO, ACTION, UUID.randomUUID(), ACTION));
        String page = html(get(HELD).with(editor()).cookie(new Cookie(Languages.COOKIE, "fr")), 200);
        PageChecks.accessible(page, "fr", "ltr");
        assertThat(page)
                .contains("Données de ce fichier : Jalons.")
                .contains("nouveaux jalons", "jalons inchangés")
                .contains("<th scope=\"col\">Jalon</th>")
                .contains("+ Nouveau jalon")
                .contains("href=\"/actions/" + ACTION + "\">Second clinic opens</a>")
                .contains("Appliquer 1 ligne")
                .doesNotContain("data-count=\"reports\"");
        assertThat(ASSESSMENTS.requests()).isEmpty();
    }

    @Test
    void anEnforcementBodysEditorIsRefusedThePagesBeforeAnyCall() throws Exception {
        RequestPostProcessor police = signedIn("u-police", "police-editor", POLICE, "member", "org-editor");
        html(get(UPLOAD).with(police), 403);
        html(get(UPLOAD + "/download").param("records", "needs").with(police), 403);
        html(get(ASSESSMENT_PREVIEW).with(police), 403);
        html(post(ASSESSMENT_PREVIEW + "/confirmation").with(police).with(csrf()), 403);
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().contains("spreadsheet"));
        assertThat(ASSESSMENTS.requests()).isEmpty();
    }
}
