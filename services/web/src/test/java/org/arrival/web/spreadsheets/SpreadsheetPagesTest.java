package org.arrival.web.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.arrival.web.StubServices;
import org.arrival.web.WebTest;
import org.arrival.web.layout.Languages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The spreadsheet pages against stub services: who sees them, what the download hands over, what the upload sends,
 * how the service's refusals of a file come back at the file field, and what the preview shows and sends.
 */
class SpreadsheetPagesTest extends WebTest {

    static final UUID NGO = UUID.fromString("825d3feb-609d-4bcd-ad95-a391633073a5");
    static final UUID FORUM = UUID.fromString("6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11");
    static final UUID IMPORT = UUID.fromString("3e0c6a1b-58f2-4d7e-9b0a-71c2d9e4f5a6");
    static final UUID CLINIC = UUID.fromString("0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88");
    static final String UPLOAD = "/forums/" + FORUM + "/spreadsheet";
    static final String PREVIEW = "/spreadsheet-imports/" + IMPORT;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    RequestPostProcessor editor() {
        return signedIn("u-ngo", "ngo-editor", NGO, "member", "org-editor");
    }

    @BeforeEach
    void services() {
        SERVICES.reset();
        SERVICES.answer("GET", "/stakeholders/" + NGO, 200, """
                {"id":"%s","version":1,"name":"Horizon Relief International"}""".formatted(NGO));
        SERVICES.answer("GET", "/forums", 200, """
                [{"forumId":"%s","name":"Kampala coordination forum","type":"COORDINATION_FORUM","status":"ACTIVE",
                  "area":"Kampala","seat":"MEMBER"}]""".formatted(FORUM));
    }

    /** Twelve rows: one refused (row 7), one new, ten with a report. */
    static String previewed(String status) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            rows.append("""
                    {"row":%d,"actionId":"%s","title":"Action %d","outcome":"UNCHANGED","changes":[],
                     "report":{"periodStart":"2026-07-01","periodEnd":"2026-09-30","percentComplete":%d,"rag":"GREEN"},
                     "problems":[]},""".formatted(i < 4 ? i + 3 : i + 4, i == 0 ? CLINIC : UUID.randomUUID(), i, 10 * i));
        }
        rows.append("""
                {"row":15,"actionId":null,"title":"Night shelter in Katwe","outcome":"CREATE","changes":[],"report":null,
                 "problems":[]},
                {"row":7,"actionId":"%s","title":"Mobile clinic","outcome":"REFUSED","changes":[],"report":null,
                 "problems":[{"column":"rag","cell":"N7","message":"must be one of GREEN, AMBER, RED"}]},
                {"row":16,"actionId":"%s","title":"Savings groups","outcome":"UPDATE",
                 "changes":[{"field":"endDate","from":"2026-12-31","to":"2027-03-31"}],"report":null,"problems":[]}""".formatted(UUID.randomUUID(), UUID.randomUUID()));
        return """
                {"id":"%s","forumId":"%s","organisationId":"%s","fileName":"actions-kcf-2026-12-07.xlsx",
                 "status":"%s","createdAt":"2026-12-07T06:00:00Z","createdBy":"u-ngo",
                 "appliedAt":%s,
                 "counts":{"create":1,"update":1,"unchanged":10,"refused":1,"reports":10},
                 "rows":[%s]}""".formatted(
                IMPORT, FORUM, NGO, status, "APPLIED".equals(status) ? "\"2026-12-07T06:05:00Z\"" : "null", rows);
    }

    @Test
    void theUploadPageExplainsTheStepsAndOffersBothFormatsAndAFileField() throws Exception {
        String page = html(get(UPLOAD).with(editor()), 200);
        assertThat(page)
                .contains("<html lang=\"en\" dir=\"ltr\">")
                .contains("Report in a spreadsheet")
                .contains("Kampala coordination forum")
                .contains("1. Download your actions", "2. Fill it in", "3. Send it back and check")
                .contains("href=\"" + UPLOAD + "/download?records=actions&amp;format=xlsx\"")
                .contains("href=\"" + UPLOAD + "/download?records=actions&amp;format=csv\"")
                .contains("enctype=\"multipart/form-data\"")
                .contains("action=\"" + UPLOAD + "\"")
                .contains("type=\"file\"", "accept=\".xlsx,.csv,")
                .contains("<progress id=\"upload-progress-bar\"")
                .contains("name=\"_csrf\"")
                .contains("<label for=\"field-file\">");
        // the progress bar shows only while a script sends the file
        assertThat(page).containsPattern("id=\"upload-progress\" hidden");
    }

    @Test
    void onlyThoseWhoEditTheirOrganisationsActionsGetThePages() throws Exception {
        RequestPostProcessor member = signedIn("u-member", "ngo-member", NGO, "member");
        html(get(UPLOAD).with(member), 403);
        html(get(PREVIEW).with(member), 403);
        html(get(UPLOAD + "/download?format=xlsx").with(member), 403);
        assertThat(SERVICES.requests()).noneMatch(r -> r.path().contains("spreadsheet"));
        // a forum coordinator runs forums but edits no actions, as the action plans service decides
        RequestPostProcessor coordinator = signedIn("u-coord", "ngo-coordinator", NGO, "member", "forum-coordinator");
        html(get(UPLOAD).with(coordinator), 403);
        RequestPostProcessor administrator = signedIn("u-admin", "ngo-admin", NGO, "member", "org-admin");
        html(get(UPLOAD).with(administrator), 200);
        // a forum the organisation does not sit in is not there
        html(get("/forums/" + UUID.randomUUID() + "/spreadsheet").with(editor()), 404);
    }

    @Test
    void theDownloadIsTheServicesFileInTheReadersLanguageUnderItsName() throws Exception {
        String path = "/forums/" + FORUM + "/spreadsheet";
        SERVICES.answer("GET", path, 200, "text/csv; charset=UTF-8", "Titre,Type\nid,kind\n");
        SERVICES.header("GET", path, "Content-Disposition", "attachment; filename=\"actions-kcf-2026-12-07.csv\"");
        MockHttpServletResponse response = mvc.perform(get(UPLOAD + "/download")
                        .param("format", "csv")
                        .with(editor())
                        .cookie(new Cookie(Languages.COOKIE, "fr")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition"))
                .startsWith("attachment;")
                .contains("actions-kcf-2026-12-07.csv");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("Titre,Type\nid,kind\n");
        StubServices.Request asked = SERVICES.requests().stream()
                .filter(r -> r.path().equals(path))
                .findFirst()
                .orElseThrow();
        assertThat(asked.query()).isEqualTo("format=csv&records=actions");
        assertThat(asked.acceptLanguage()).isEqualTo("fr");
        assertThat(asked.authorization())
                .isEqualTo("Bearer " + accessToken("u-ngo", "ngo-editor", NGO, "member", "org-editor"));
        // only the two formats
        html(get(UPLOAD + "/download").param("format", "xls").with(editor()), 404);
    }

    @Test
    void anUploadIsSentAsTheFilePartAndLeadsToItsPreview() throws Exception {
        SERVICES.answer("POST", "/forums/" + FORUM + "/spreadsheet-imports", 201, previewed("PREVIEWED"));
        MockHttpServletResponse response = mvc.perform(multipart(UPLOAD)
                        .file(new MockMultipartFile(
                                "file",
                                "actions-kcf-2026-12-07.xlsx",
                                XLSX,
                                "PK-workbook-bytes".getBytes(StandardCharsets.UTF_8)))
                        .with(editor())
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo(PREVIEW);
        StubServices.Request sent = SERVICES.requests().stream()
                .filter(r -> r.method().equals("POST"))
                .findFirst()
                .orElseThrow();
        assertThat(sent.path()).isEqualTo("/forums/" + FORUM + "/spreadsheet-imports");
        assertThat(sent.contentType()).startsWith("multipart/form-data");
        assertThat(sent.body())
                .contains("name=\"file\"")
                .contains("filename=\"actions-kcf-2026-12-07.xlsx\"")
                .contains("Content-Type: " + XLSX)
                .contains("PK-workbook-bytes");
    }

    @Test
    void theServicesRefusalsOfTheFileAreSaidAtTheFileField() throws Exception {
        String imports = "/forums/" + FORUM + "/spreadsheet-imports";
        SERVICES.answer("POST", imports, 413, """
                {"status":413,"title":"Payload Too Large","detail":"At most 10000 data rows are read; this file has 12500."}""");
        String tooMany = sent(upload("big.csv", "text/csv"), 200);
        assertThat(tooMany)
                .contains("id=\"error-summary\"")
                .contains("href=\"#field-file\"")
                .contains("id=\"field-file-error\"")
                .contains("The file is too large")
                .contains("At most 10000 data rows are read; this file has 12500.")
                .contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"field-file-hint field-file-error\"");

        SERVICES.answer("POST", imports, 415, """
                {"status":415,"title":"Unsupported Media Type","detail":"Only .xlsx and .csv files are read."}""");
        assertThat(sent(upload("macros.xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12"), 200))
                .contains("This is not a file Arrival can read")
                .contains("Only .xlsx and .csv files are read.");

        SERVICES.answer("POST", imports, 400, """
                {"status":400,"title":"Bad Request","detail":"Unknown column keys: colour",
                 "errors":[{"field":"file","message":"unknown column key 'colour' in row 2"}]}""");
        assertThat(sent(upload("actions.csv", "text/csv"), 200))
                .contains("could not be read as a sheet of actions")
                .contains("unknown column key 'colour' in row 2");

        // no file at all: said here, nothing sent
        int sent = SERVICES.requests().size();
        assertThat(sent(
                        multipart(UPLOAD)
                                .file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
                                .with(editor())
                                .with(csrf()),
                        200))
                .contains("Choose the file to send.");
        assertThat(SERVICES.requests().subList(sent, SERVICES.requests().size()))
                .noneMatch(r -> r.path().equals(imports));
    }

    /** The page a multipart request is answered with, after checking its status. */
    String sent(MockMultipartHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    MockMultipartHttpServletRequestBuilder upload(String name, String type) {
        return multipart(UPLOAD)
                .file(new MockMultipartFile("file", name, type, "a,b\n".getBytes(StandardCharsets.UTF_8)))
                .with(editor())
                .with(csrf());
    }

    @Test
    void thePreviewListsRefusedRowsFirstWithTheirCellAndOffersToApplyTheOthers() throws Exception {
        SERVICES.answer("GET", PREVIEW, 200, previewed("PREVIEWED"));
        String page = html(get(PREVIEW).with(editor()), 200);
        assertThat(page)
                .contains("What the spreadsheet would change")
                .contains("actions-kcf-2026-12-07.xlsx")
                .contains("<li data-count=\"create\"><strong>1</strong> new actions</li>")
                .contains("<li data-count=\"update\"><strong>1</strong> actions changed</li>")
                .contains("<li data-count=\"unchanged\"><strong>10</strong> actions unchanged</li>")
                .contains("<strong>1</strong> rows refused")
                .contains("<li data-count=\"reports\"><strong>10</strong> progress reports</li>")
                .contains("1 row is refused and will not be applied")
                // one new action, one changed, ten reports on unchanged actions
                .contains("Apply 12 rows")
                .contains("action=\"" + PREVIEW + "/confirmation\"")
                .contains("action=\"" + PREVIEW + "/discard\"")
                .contains("href=\"" + PREVIEW + "/report\"")
                // refused: said in words and a symbol, not by colour alone, with the cell and the service's message
                .contains("✕ Refused")
                .contains("Cell N7:")
                .contains("(Rating)")
                .contains("must be one of GREEN, AMBER, RED")
                .contains("+ New action")
                .contains("Night shelter in Katwe")
                .contains("End date</span>:")
                .contains("<del>2026-12-31</del>")
                .contains("<ins>2027-03-31</ins>")
                .contains("<caption>");
        int refused = page.indexOf("data-outcome=\"REFUSED\"");
        assertThat(refused).isPositive();
        assertThat(page.indexOf("data-row=\"3\"")).isGreaterThan(refused);
        assertThat(page.indexOf("data-outcome=\"CREATE\"")).isGreaterThan(refused);
        assertThat(page).containsPattern("data-row=\"7\" data-outcome=\"REFUSED\" class=\"refused\"");
    }

    @Test
    void confirmingAppliesTheImportAndSaysSoWithALinkBackToTheTracker() throws Exception {
        SERVICES.answer("POST", PREVIEW + "/confirmation", 200, previewed("APPLIED"));
        MockHttpServletResponse response = mvc.perform(
                        post(PREVIEW + "/confirmation").with(editor()).with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo(PREVIEW);
        assertThat(SERVICES.requests())
                .filteredOn(r -> r.method().equals("POST"))
                .extracting(StubServices.Request::path)
                .containsExactly(PREVIEW + "/confirmation");

        SERVICES.answer("GET", PREVIEW, 200, previewed("APPLIED"));
        String page = html(get(PREVIEW).with(editor()), 200);
        assertThat(page)
                .contains("id=\"import-applied\"")
                .contains("Done: 12 rows were applied.")
                .contains("href=\"/forums/" + FORUM + "#tracker\"")
                .doesNotContain("id=\"confirm-import\"")
                .doesNotContain("id=\"discard-import\"");
    }

    @Test
    void aConflictOnConfirmationIsSaidOnThePreviewAndNothingElseHappens() throws Exception {
        SERVICES.answer("POST", PREVIEW + "/confirmation", 409, """
                {"status":409,"title":"Conflict","detail":"Rows 5, 9: the action changed since the preview."}""");
        SERVICES.answer("GET", PREVIEW, 200, previewed("PREVIEWED"));
        String page = html(post(PREVIEW + "/confirmation").with(editor()).with(csrf()), 200);
        assertThat(page)
                .contains("id=\"import-conflict\"")
                .contains("Nothing was applied")
                .contains("changed by someone else after this check")
                .contains("Rows 5, 9: the action changed since the preview.")
                .contains("href=\"/forums/" + FORUM + "/spreadsheet\"");

        SERVICES.answer("POST", PREVIEW + "/confirmation", 409, """
                {"status":409,"title":"Conflict","detail":"The import was applied already."}""");
        SERVICES.answer("GET", PREVIEW, 200, previewed("APPLIED"));
        assertThat(html(post(PREVIEW + "/confirmation").with(editor()).with(csrf()), 200))
                .contains("This import has already been applied.")
                .contains("The import was applied already.");
    }

    @Test
    void discardingDeletesTheImportAndGoesBackToTheUploadPage() throws Exception {
        SERVICES.answer("GET", PREVIEW, 200, previewed("PREVIEWED"));
        SERVICES.answer("DELETE", PREVIEW, 204, "");
        MockHttpServletResponse response = mvc.perform(
                        post(PREVIEW + "/discard").with(editor()).with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo(UPLOAD);
        assertThat(SERVICES.requests())
                .anyMatch(r -> r.method().equals("DELETE") && r.path().equals(PREVIEW));
    }

    @Test
    void theReportIsHandedOverAsCsv() throws Exception {
        SERVICES.answer("GET", PREVIEW + "/report", 200, "text/csv; charset=UTF-8", "row,outcome\n7,REFUSED\n");
        SERVICES.header(
                "GET", PREVIEW + "/report", "Content-Disposition", "attachment; filename=\"import-report.csv\"");
        MockHttpServletResponse response =
                mvc.perform(get(PREVIEW + "/report").with(editor())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Content-Disposition")).contains("import-report.csv");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("row,outcome\n7,REFUSED\n");
    }

    @Test
    void inArabicThePreviewIsRightToLeftInArabicWords() throws Exception {
        SERVICES.answer("GET", PREVIEW, 200, previewed("PREVIEWED"));
        String page = html(get(PREVIEW).with(editor()).cookie(new Cookie(Languages.COOKIE, "ar")), 200);
        assertThat(page)
                .contains("<html lang=\"ar\" dir=\"rtl\">")
                .contains("ما سيغيّره جدول البيانات")
                .contains("مرفوض");
    }
}
