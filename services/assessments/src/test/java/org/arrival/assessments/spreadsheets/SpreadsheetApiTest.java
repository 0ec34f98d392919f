package org.arrival.assessments.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.assessments.ApiFixture;
import org.arrival.assessments.AssessmentsIntegrationTest;
import org.arrival.assessments.spreadsheets.domain.EstimateSheet;
import org.arrival.assessments.spreadsheets.domain.NeedSheet;
import org.arrival.contracts.EventJson;
import org.arrival.platform.spreadsheets.SpreadsheetLimits;
import org.arrival.platform.spreadsheets.SpreadsheetReader;
import org.arrival.platform.spreadsheets.SpreadsheetWriter;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The spreadsheet round trip of needs and population estimates over HTTP on the real database: an organisation
 * exports its records shared with a forum, edits the file and uploads it; the preview judges every row (and is
 * stored), the confirmation applies the accepted rows through the needs and population services in one transaction,
 * with their events, or nothing at all.
 */
class SpreadsheetApiTest extends AssessmentsIntegrationTest {

    private static final SpreadsheetReader READER = new SpreadsheetReader(SpreadsheetLimits.defaults());

    private ApiFixture f;

    @BeforeEach
    void seed() {
        f = new ApiFixture(mvc, jdbc);
    }

    // ---- needs

    @Test
    void needsGoRoundTripPersonalDataIsRefusedByCellAndTheImportIsAppliedOnce() throws Exception {
        UUID first = f.need("FORUM");
        UUID second = f.need("RESTRICTED");
        Table exported = export(f.cityEditor, "needs", "csv", "fr");
        assertThat(exported.headings().get(2)).isEqualTo("Ce qui manque");
        assertThat(exported.keys()).isEqualTo(NeedSheet.KEYS);
        assertThat(exported.rows()).hasSize(2);
        Table.Row firstRow = rowOf(exported, first);
        assertThat(cell(exported, firstRow, "severity")).isEqualTo("HIGH");
        assertThat(cell(exported, firstRow, "version")).isEqualTo("1");

        List<Table.Row> rows = List.of(
                with(exported, firstRow, Map.of("severity", "CRITICAL", "barriers", "DOCUMENTATION;LANGUAGE")),
                with(
                        exported,
                        rowOf(exported, second),
                        Map.of("statement", "Ask Amina on +256 772 123456 about school places")),
                newRow(
                        exported,
                        5,
                        Map.of(
                                "statement", "Urban refugees in Katwe lack safe water points",
                                "sector", "basic_services",
                                "populationGroups", "REFUGEES; HOST_COMMUNITY",
                                "country", "UG",
                                "subdivision", "UG-C",
                                "areaName", "Katwe",
                                "severity", "HIGH",
                                "evidenceReferences", "KCCA water survey 2026;UNHCR WASH assessment")));
        long outboxBefore = outbox();

        JsonNode preview = body(upload(f.cityEditor, "needs", "needs.csv", csv(exported, rows), 201));

        assertThat(preview.path("records").asString()).isEqualTo("needs");
        assertThat(preview.path("status").asString()).isEqualTo("PREVIEWED");
        assertThat(preview.path("counts").path("create").asInt()).isEqualTo(1);
        assertThat(preview.path("counts").path("update").asInt()).isEqualTo(1);
        assertThat(preview.path("counts").path("refused").asInt()).isEqualTo(1);
        assertThat(preview.path("counts").path("reports").asInt()).isZero();
        JsonNode updated = preview.path("rows").get(0);
        assertThat(updated.path("outcome").asString()).isEqualTo("UPDATE");
        assertThat(updated.path("recordId").asString()).isEqualTo(first.toString());
        assertThat(updated.path("actionId").isNull()).isTrue();
        assertThat(updated.path("changes").toString())
                .contains("{\"field\":\"severity\",\"from\":\"HIGH\",\"to\":\"CRITICAL\"}")
                .contains("{\"field\":\"barriers\",\"from\":\"DOCUMENTATION\",\"to\":\"DOCUMENTATION;LANGUAGE\"}");
        JsonNode refused = preview.path("rows").get(1);
        assertThat(refused.path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(refused.path("problems").get(0).path("column").asString()).isEqualTo("statement");
        assertThat(refused.path("problems").get(0).path("cell").asString()).isEqualTo("C4");
        assertThat(refused.path("problems").get(0).path("message").asString()).contains("personal data");
        JsonNode created = preview.path("rows").get(2);
        assertThat(created.path("outcome").asString()).isEqualTo("CREATE");
        assertThat(created.path("recordId").isNull()).isTrue();
        // the preview writes nothing but itself
        assertThat(needVersion(first)).isEqualTo(1);
        assertThat(outbox()).isEqualTo(outboxBefore);

        String location = "/spreadsheet-imports/" + preview.path("id").asString();
        JsonNode applied = body(perform(post(location + "/confirmation").header("If-Match", "\"1\""), f.cityEditor)
                .andExpect(status().isOk())
                .andReturn());

        assertThat(applied.path("status").asString()).isEqualTo("APPLIED");
        assertThat(needVersion(first)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT severity FROM need WHERE id = ?", String.class, first))
                .isEqualTo("CRITICAL");
        assertThat(needVersion(second)).isEqualTo(1);
        UUID katwe = jdbc.queryForObject(
                "SELECT id FROM need WHERE owner_id = ? AND area_name = 'Katwe'", UUID.class, f.city);
        assertThat(jdbc.queryForObject(
                        "SELECT ? = ANY(shared_forums) AND classification = 'FORUM' AND sector = 'BASIC_SERVICES' FROM need"
                                + " WHERE id = ?",
                        Boolean.class,
                        f.forum,
                        katwe))
                .isTrue();
        assertThat(outbox()).isEqualTo(outboxBefore + 2);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbox_event WHERE subject LIKE ? OR subject LIKE ?",
                        Long.class,
                        "%" + first + "%",
                        "%" + katwe + "%"))
                .isGreaterThanOrEqualTo(2);

        // applied once: a second confirmation is a conflict, and so is a discard
        expectProblem(perform(post(location + "/confirmation"), f.cityEditor), 409);
        expectProblem(perform(delete(location), f.cityEditor), 409);
        assertThat(needVersion(first)).isEqualTo(2);

        MvcResult report = perform(get(location + "/report"), f.cityEditor)
                .andExpect(status().isOk())
                .andReturn();
        String csv = report.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("row,outcome,recordId,title,problems").contains("REFUSED");
        assertThat(csv).contains("C4 statement: ");
    }

    @Test
    void aRowWhoseNeedChangedSinceTheExportIsRefusedShowingTheChange() throws Exception {
        UUID need = f.need("FORUM");
        Table exported = export(f.cityEditor, null, "csv", "en");
        ok(ApiCall.put("/needs/" + need, f.needJson("FORUM").replace("\"HIGH\"", "\"MEDIUM\""))
                .ifMatch("\"1\""));
        Table.Row row = with(exported, rowOf(exported, need), Map.of("severity", "CRITICAL"));

        JsonNode preview = body(upload(f.cityEditor, null, "needs.csv", csv(exported, List.of(row)), 201));

        JsonNode r = preview.path("rows").get(0);
        assertThat(r.path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(r.path("problems").get(0).path("column").asString()).isEqualTo("version");
        assertThat(r.path("problems").get(0).path("cell").asString()).isEqualTo("B3");
        assertThat(r.path("problems").get(0).path("message").asString())
                .startsWith("changed since your export: version 1 → 2 by Kampala Capital City Authority")
                .contains(" on 20");
    }

    @Test
    void theConfirmationIsAllOrNothing() throws Exception {
        UUID first = f.need("FORUM");
        UUID second = f.need("FORUM");
        Table exported = export(f.cityEditor, "needs", null, "en");
        List<Table.Row> rows = List.of(
                with(exported, rowOf(exported, first), Map.of("severity", "LOW")),
                with(exported, rowOf(exported, second), Map.of("severity", "MEDIUM")));
        JsonNode preview = body(upload(
                f.cityEditor,
                "needs",
                "needs.xlsx",
                SpreadsheetWriter.xlsx(
                        new Table(exported.headings(), exported.keys(), rows),
                        NeedSheet.SHEET_NAME,
                        NeedSheet.choices(),
                        java.util.Set.of()),
                201));
        assertThat(preview.path("counts").path("update").asInt()).isEqualTo(2);
        String location = "/spreadsheet-imports/" + preview.path("id").asString();
        // the second need changes through the API after the preview
        ok(ApiCall.post("/needs/" + second + "/status", "{\"status\":\"VALIDATED\"}"));
        long outboxBefore = outbox();

        MvcResult stale = perform(post(location + "/confirmation"), f.cityEditor)
                .andExpect(status().isConflict())
                .andReturn();

        assertThat(stale.getResponse().getContentAsString()).contains("row 4 (version 1 → 2)");
        assertThat(needVersion(first)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT severity FROM need WHERE id = ?", String.class, first))
                .isEqualTo("HIGH");
        assertThat(outbox()).isEqualTo(outboxBefore);
        assertThat(body(perform(get(location), f.cityEditor).andReturn())
                        .path("status")
                        .asString())
                .isEqualTo("PREVIEWED");
        expectProblem(perform(post(location + "/confirmation").header("If-Match", "\"2\""), f.cityEditor), 412);

        perform(delete(location), f.cityEditor).andExpect(status().isNoContent());
        assertThat(body(perform(get(location), f.cityEditor).andReturn())
                        .path("status")
                        .asString())
                .isEqualTo("DISCARDED");
        expectProblem(perform(post(location + "/confirmation"), f.cityEditor), 409);
    }

    // ---- population estimates

    @Test
    void estimatesGoRoundTripWithExactCountsAndTheirBreakdownKept() throws Exception {
        UUID estimate = f.estimate("FORUM");
        UUID other = f.estimate("FORUM");
        Table exported = export(f.cityEditor, "population-estimates", null, "ar");
        assertThat(exported.keys()).isEqualTo(EstimateSheet.KEYS);
        assertThat(exported.headings().get(10)).isEqualTo("المصدر");
        Table.Row row = rowOf(exported, estimate);
        // the owner exports its own exact counts
        assertThat(cell(exported, row, "registered")).isEqualTo("101200");
        assertThat(cell(exported, row, "estimated")).isEqualTo("305000");
        assertThat(cell(exported, row, "asOf")).isEqualTo("2026-03-31");

        List<Table.Row> rows = List.of(
                with(exported, row, Map.of("registered", "101203", "method", "household listing in 16 parishes")),
                // its breakdown (305,000 people by sex) no longer fits a total of 300,000
                with(exported, rowOf(exported, other), Map.of("estimated", "300000")),
                newRow(
                        exported,
                        5,
                        Map.of(
                                "seriesId", "katwe-idps",
                                "country", "UG",
                                "areaName", "Katwe",
                                "group", "IDPS",
                                "estimated", "42",
                                "source", "Katwe division headcount",
                                "asOf", "2026-06-30")));
        long outboxBefore = outbox();

        JsonNode preview = body(upload(
                f.cityEditor,
                "population-estimates",
                "estimates.xlsx",
                SpreadsheetWriter.xlsx(
                        new Table(exported.headings(), exported.keys(), rows),
                        EstimateSheet.SHEET_NAME,
                        EstimateSheet.choices(),
                        EstimateSheet.DATE_KEYS),
                201));

        assertThat(preview.path("records").asString()).isEqualTo("population-estimates");
        assertThat(preview.path("counts").path("update").asInt()).isEqualTo(1);
        assertThat(preview.path("counts").path("create").asInt()).isEqualTo(1);
        assertThat(preview.path("counts").path("refused").asInt()).isEqualTo(1);
        assertThat(preview.path("rows").get(0).path("changes").toString())
                .contains("{\"field\":\"registered\",\"from\":\"101200\",\"to\":\"101203\"}");
        JsonNode refused = preview.path("rows").get(1).path("problems").get(0);
        assertThat(refused.path("column").asString()).isEqualTo("estimated");
        assertThat(refused.path("cell").asString()).isEqualTo("J4");
        assertThat(refused.path("message").asString()).contains("breakdown");

        perform(post("/spreadsheet-imports/" + preview.path("id").asString() + "/confirmation"), f.cityEditor)
                .andExpect(status().isOk());

        assertThat(jdbc.queryForMap(
                        "SELECT version, registered_count, jsonb_array_length(breakdown) AS cells FROM"
                                + " population_estimate WHERE id = ?",
                        estimate))
                .containsEntry("version", 2L)
                .containsEntry("registered_count", 101203)
                .containsEntry("cells", 2);
        assertThat(jdbc.queryForObject("SELECT version FROM population_estimate WHERE id = ?", Long.class, other))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT estimated_count FROM population_estimate WHERE owner_id = ? AND series_id = 'katwe-idps'"
                                + " AND ? = ANY(shared_forums)",
                        Integer.class,
                        f.city,
                        f.forum))
                .isEqualTo(42);
        assertThat(outbox()).isEqualTo(outboxBefore + 2);
    }

    // ---- refusals and bad input

    @Test
    void badCellsNameTheirAddressAndBadFilesOrKindsAreRefused() throws Exception {
        Table exported = export(f.cityEditor, "needs", "csv", "es");
        Table.Row bad = newRow(
                exported,
                3,
                Map.of(
                        "statement", "Children lack school places",
                        "sector", "EDUCATION",
                        "populationGroups", "REFUGEES;ALIENS",
                        "country", "Uganda",
                        "severity", "VERY",
                        "roundId", UUID.randomUUID().toString()));
        JsonNode preview = body(upload(f.cityEditor, "needs", "needs.csv", csv(exported, List.of(bad)), 201));
        JsonNode row = preview.path("rows").get(0);
        assertThat(row.path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(row.path("problems").toString())
                .contains("\"column\":\"populationGroups\",\"cell\":\"E3\"")
                .contains("\"column\":\"country\",\"cell\":\"F3\"")
                .contains("\"column\":\"severity\",\"cell\":\"J3\"");

        // a file of estimates offered as needs, and the other way round
        f.estimate("FORUM");
        Table estimates = export(f.cityEditor, "population-estimates", "csv", "en");
        MvcResult wrongKind = upload(f.cityEditor, "needs", "e.csv", csv(estimates, estimates.rows()), 400);
        assertThat(wrongKind.getResponse().getContentAsString())
                .contains("This file holds population estimates; choose that kind to import it")
                .contains("\"field\":\"file\"");
        assertThat(upload(f.cityEditor, "population-estimates", "n.csv", csv(exported, List.of(bad)), 400)
                        .getResponse()
                        .getContentAsString())
                .contains("This file holds needs; choose that kind to import it");

        // unknown records
        MvcResult unknown = upload(f.cityEditor, "actions", "n.csv", csv(exported, List.of(bad)), 400);
        assertThat(unknown.getResponse().getContentAsString())
                .contains("\"field\":\"records\"")
                .contains("needs, population-estimates");
        expectProblem(perform(get("/forums/" + f.forum + "/spreadsheet?records=milestones"), f.cityEditor), 400);

        // unknown keys, a file that is no spreadsheet, no file
        byte[] unknownKey = SpreadsheetWriter.csv(
                new Table(List.of("Statement", "Colour"), List.of("statement", "colour"), List.of()));
        assertThat(upload(f.cityEditor, "needs", "a.csv", unknownKey, 400)
                        .getResponse()
                        .getContentAsString())
                .contains("colour");
        // a column left out would empty that field of every need updated: the file is refused
        List<String> withoutBarriers = new ArrayList<>(NeedSheet.KEYS);
        withoutBarriers.remove("barriers");
        assertThat(upload(
                                f.cityEditor,
                                "needs",
                                "a.csv",
                                SpreadsheetWriter.csv(new Table(withoutBarriers, withoutBarriers, List.of())),
                                400)
                        .getResponse()
                        .getContentAsString())
                .contains("row 2 holds no \\\"barriers\\\" key");
        upload(f.cityEditor, "needs", "a.xls", legacyWorkbook(), 415);
        expectProblem(send(multipart("/forums/" + f.forum + "/spreadsheet-imports"), f.cityEditor), 400);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM spreadsheet_import WHERE forum_id = ?", Long.class, f.forum))
                .isEqualTo(1);
    }

    @Test
    void onlyTheOrganisationsEditorsExportImportOrSeeAnImport() throws Exception {
        UUID need = f.need("FORUM");
        Table exported = export(f.cityEditor, "needs", "csv", "en");
        byte[] file = csv(exported, exported.rows());
        String location = "/spreadsheet-imports/"
                + body(upload(f.cityEditor, "needs", "a.csv", file, 201))
                        .path("id")
                        .asString();

        for (String records : List.of("needs", "population-estimates")) {
            String path = "/forums/" + f.forum + "/spreadsheet?records=" + records;
            expectProblem(perform(get(path), f.cityMember), 403);
            expectProblem(perform(get(path), f.policeEditor), 403);
            expectProblem(perform(get(path), f.outsiderEditor), 404);
        }
        upload(f.cityMember, "needs", "a.csv", file, 403);
        upload(f.policeEditor, "population-estimates", "a.csv", file, 403);
        upload(f.outsiderEditor, "needs", "a.csv", file, 404);
        expectProblem(perform(get(location), f.ngoEditor), 404);
        expectProblem(perform(get(location + "/report"), f.ngoEditor), 404);
        expectProblem(perform(post(location + "/confirmation"), f.ngoEditor), 404);
        expectProblem(perform(delete(location), f.ngoEditor), 404);
        expectProblem(perform(post(location + "/confirmation"), f.cityMember), 403);
        expectProblem(perform(get(location), f.policeEditor), 403);

        // another organisation's export holds none of the city's needs, and its upload of them changes none
        assertThat(export(f.ngoEditor, "needs", "csv", "en").rows()).isEmpty();
        JsonNode theirs = body(upload(f.ngoEditor, "needs", "a.csv", file, 201));
        assertThat(theirs.path("rows").get(0).path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(theirs.path("rows")
                        .get(0)
                        .path("problems")
                        .get(0)
                        .path("message")
                        .asString())
                .isEqualTo("no need " + need + " of your organisation in this forum");
    }

    // ---- helpers

    private static byte[] legacyWorkbook() {
        byte[] legacy = new byte[512];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, legacy, 0, magic.length);
        return legacy;
    }

    private Table export(Token who, String records, String format, String language) throws Exception {
        String query = (records == null ? "" : "records=" + records) + (format == null ? "" : "&format=" + format);
        MvcResult r = perform(
                        get("/forums/" + f.forum + "/spreadsheet?" + query).header("Accept-Language", language), who)
                .andExpect(status().isOk())
                .andReturn();
        String kind = records == null ? "needs" : records;
        assertThat(r.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"" + kind + "-"
                        + f.forum.toString().substring(0, 8) + "-")
                .endsWith(format == null ? ".xlsx\"" : "." + format + "\"");
        return READER.read(r.getResponse().getContentAsByteArray());
    }

    private MvcResult upload(Token who, String records, String name, byte[] content, int expected) throws Exception {
        String path = "/forums/" + f.forum + "/spreadsheet-imports" + (records == null ? "" : "?records=" + records);
        return send(multipart(path).file(new MockMultipartFile("file", name, "application/octet-stream", content)), who)
                .andExpect(status().is(expected))
                .andReturn();
    }

    private void ok(ApiCall call) {
        int status = call.perform(mvc, f.cityEditor.bearer()).getStatus();
        assertThat(status).as(call.toString()).isEqualTo(200);
    }

    private void expectProblem(org.springframework.test.web.servlet.ResultActions actions, int status)
            throws Exception {
        MvcResult r = actions.andExpect(status().is(status)).andReturn();
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
    }

    private org.springframework.test.web.servlet.ResultActions send(
            org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request, Token t)
            throws Exception {
        return mvc.perform(request.header("Authorization", t.bearer()));
    }

    private long needVersion(UUID id) {
        return jdbc.queryForObject("SELECT version FROM need WHERE id = ?", Long.class, id);
    }

    private long outbox() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM outbox_event WHERE owner_org = ?", Long.class, f.city.toString());
    }

    private static byte[] csv(Table t, List<Table.Row> rows) {
        return SpreadsheetWriter.csv(new Table(t.headings(), t.keys(), rows));
    }

    private static JsonNode body(MvcResult r) throws Exception {
        return EventJson.mapper().readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String cell(Table t, Table.Row row, String key) {
        return row.cell(t.column(key));
    }

    private static Table.Row rowOf(Table t, UUID id) {
        return t.rows().stream()
                .filter(r -> r.cell(t.column("id")).equals(id.toString()))
                .findFirst()
                .orElseThrow();
    }

    /** The row with cells changed, numbered as its position in the file written. */
    private static Table.Row with(Table t, Table.Row row, Map<String, String> cells) {
        List<String> out = new ArrayList<>(row.cells());
        while (out.size() < t.keys().size()) {
            out.add("");
        }
        cells.forEach((k, v) -> out.set(t.column(k), v));
        return new Table.Row(row.number(), out);
    }

    private static Table.Row newRow(Table t, int number, Map<String, String> cells) {
        return with(t, new Table.Row(number, List.of()), cells);
    }
}
