package org.arrival.actionplans.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.arrival.actionplans.ApiFixture;
import org.arrival.actionplans.progress.ActionRecordsTestSupport;
import org.arrival.actionplans.spreadsheets.domain.ActionSheet;
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
 * The spreadsheet round trip over HTTP on the real database: an organisation exports its actions in a forum, edits
 * the file and uploads it; the preview judges every row (and is stored), the confirmation applies the accepted rows
 * through the actions and progress services in one transaction, or nothing at all.
 */
class SpreadsheetApiTest extends ActionRecordsTestSupport {

    private static final SpreadsheetReader READER = new SpreadsheetReader(SpreadsheetLimits.defaults());

    private UUID forum;
    private UUID city;
    private UUID ngo;
    private Token cityEditor;
    private Token ngoEditor;
    private ApiFixture fixture;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        ngo = organisation("Refugee Law Project", "NGO", false, false);
        seat(forum, city);
        seat(forum, ngo);
        cityEditor = editor(city);
        ngoEditor = editor(ngo);
        fixture = new ApiFixture(mvc);
    }

    /** An action under way (IN_PROGRESS, version 3) from 2025-01-01, quarterly, with its first periods ended. */
    private UUID underWay(Token owner, String title) {
        UUID id = fixture.created(
                ApiCall.post("/actions", ApiFixture.actionJson(title, "FORUM", List.of(forum), null)), owner);
        for (String s : List.of("COMMITTED", "IN_PROGRESS")) {
            fixture.ok(ApiCall.post("/actions/" + id + "/status", "{\"status\":\"" + s + "\"}"), owner);
        }
        return id;
    }

    private Table export(Token who, String format, String language) throws Exception {
        MvcResult r = perform(
                        get("/forums/" + forum + "/spreadsheet" + (format == null ? "" : "?format=" + format))
                                .header("Accept-Language", language),
                        who)
                .andExpect(status().isOk())
                .andReturn();
        assertThat(r.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"actions-" + forum.toString().substring(0, 8) + "-")
                .endsWith(format == null ? ".xlsx\"" : "." + format + "\"");
        return READER.read(r.getResponse().getContentAsByteArray());
    }

    private MvcResult upload(Token who, String name, byte[] content, int expected) throws Exception {
        return perform(
                        multipart("/forums/" + forum + "/spreadsheet-imports")
                                .file(new MockMultipartFile("file", name, "application/octet-stream", content)),
                        who)
                .andExpect(status().is(expected))
                .andReturn();
    }

    private org.springframework.test.web.servlet.ResultActions perform(
            org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request, Token token)
            throws Exception {
        request.header("Authorization", token.bearer());
        return mvc.perform(request);
    }

    private static byte[] xlsx(Table t) {
        return SpreadsheetWriter.xlsx(t, "Actions", ActionSheet.choices(), Set.copyOf(ActionSheet.DATE_KEYS));
    }

    private static JsonNode body(MvcResult r) throws Exception {
        return org.arrival.contracts.EventJson.mapper().readTree(r.getResponse().getContentAsString());
    }

    /** The row with a cell changed. */
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

    @Test
    void anExportedSpreadsheetComesBackWithReportsANewActionAndARefusedRowAndIsAppliedOnce() throws Exception {
        List<UUID> ours = IntStream.range(0, 10)
                .mapToObj(i -> underWay(cityEditor, "Action " + (char) ('J' - i)))
                .toList();
        UUID theirs = underWay(ngoEditor, "An action of another organisation");
        UUID cancelled = underWay(cityEditor, "A cancelled action");
        fixture.ok(
                ApiCall.post("/actions/" + cancelled + "/status", "{\"status\":\"CANCELLED\",\"reason\":\"merged\"}"),
                cityEditor);

        Table exported = export(cityEditor, null, "fr");

        assertThat(exported.headings().get(2)).isEqualTo("Titre");
        assertThat(exported.keys()).isEqualTo(ActionSheet.KEYS);
        assertThat(exported.rows()).hasSize(10);
        assertThat(exported.rows().stream().map(r -> r.cell(2)).toList())
                .isSorted()
                .first()
                .isEqualTo("Action A");
        assertThat(exported.rows().stream().map(r -> r.cell(0)).toList())
                .containsExactlyInAnyOrderElementsOf(
                        ours.stream().map(UUID::toString).toList());
        Table.Row first = exported.rows().getFirst();
        assertThat(first.cell(exported.column("version"))).isEqualTo("3");
        assertThat(first.cell(exported.column("sectors"))).isEqualTo("EDUCATION");
        assertThat(first.cell(exported.column("startDate"))).isEqualTo("2025-01-01");
        // the action's first quarter has ended and has no report: its report is due
        assertThat(first.cell(exported.column("reportPeriodStart"))).endsWith("-01");
        assertThat(first.cell(exported.column("reportPeriodEnd"))).isNotEmpty();
        assertThat(first.cell(exported.column("percentComplete"))).isEmpty();

        List<Table.Row> rows = new ArrayList<>();
        for (Table.Row r : exported.rows()) {
            Map<String, String> cells = new java.util.HashMap<>(
                    Map.of("percentComplete", "40", "rag", "GREEN", "narrative", "Twelve schools waive fees"));
            if (r == first) {
                cells.put("endDate", "2028-03-31");
            }
            rows.add(with(exported, r, cells));
        }
        rows.add(newRow(
                exported,
                13,
                Map.of(
                        "title", "Water points in Kisenyi",
                        "kind", "PROJECT",
                        "sectors", "BASIC_SERVICES;HEALTH",
                        "reportingCadence", "QUARTERLY",
                        "startDate", "2026-01-01")));
        rows.add(newRow(
                exported,
                14,
                Map.of(
                        "id", theirs.toString(),
                        "version", "3",
                        "title", "Taken over",
                        "sectors", "EDUCATION")));
        byte[] edited = xlsx(new Table(exported.headings(), exported.keys(), rows));

        MvcResult previewed = upload(cityEditor, "actions.xlsx", edited, 201);
        JsonNode preview = body(previewed);
        String location = previewed.getResponse().getHeader("Location");
        assertThat(location)
                .isEqualTo("/spreadsheet-imports/" + preview.path("id").asString());
        assertThat(preview.path("status").asString()).isEqualTo("PREVIEWED");
        assertThat(preview.path("fileName").asString()).isEqualTo("actions.xlsx");
        assertThat(preview.path("organisationId").asString()).isEqualTo(city.toString());
        JsonNode counts = preview.path("counts");
        assertThat(counts.path("create").asInt()).isEqualTo(1);
        assertThat(counts.path("update").asInt()).isEqualTo(1);
        assertThat(counts.path("unchanged").asInt()).isEqualTo(9);
        assertThat(counts.path("refused").asInt()).isEqualTo(1);
        assertThat(counts.path("reports").asInt()).isEqualTo(10);
        JsonNode row3 = preview.path("rows").get(0);
        assertThat(row3.path("row").asInt()).isEqualTo(3);
        assertThat(row3.path("outcome").asString()).isEqualTo("UPDATE");
        assertThat(row3.path("changes").get(0).path("field").asString()).isEqualTo("endDate");
        assertThat(row3.path("changes").get(0).path("from").asString()).isEqualTo("2027-12-31");
        assertThat(row3.path("changes").get(0).path("to").asString()).isEqualTo("2028-03-31");
        assertThat(row3.path("report").path("percentComplete").asInt()).isEqualTo(40);
        assertThat(row3.has("values")).isFalse();
        JsonNode refused = preview.path("rows").get(11);
        assertThat(refused.path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(refused.path("problems").get(0).path("cell").asString()).isEqualTo("A14");
        assertThat(refused.path("problems").get(0).path("message").asString())
                .contains("no action " + theirs + " of your organisation");
        // the preview wrote nothing but itself
        assertThat(rows("progress_report", ours.getFirst())).isZero();
        assertThat(actionVersion(ours.getFirst())).isEqualTo(3);

        JsonNode again = body(
                perform(get(location), cityEditor).andExpect(status().isOk()).andReturn());
        assertThat(again.path("rows").size()).isEqualTo(12);

        JsonNode applied = body(perform(post(location + "/confirmation"), cityEditor)
                .andExpect(status().isOk())
                .andReturn());
        assertThat(applied.path("status").asString()).isEqualTo("APPLIED");
        assertThat(applied.path("appliedAt").isNull()).isFalse();

        for (UUID a : ours) {
            assertThat(rows("progress_report", a)).as("report on " + a).isEqualTo(1);
        }
        UUID updated = UUID.fromString(row3.path("actionId").asString());
        assertThat(actionVersion(updated)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT end_date::text FROM action WHERE id = ?", String.class, updated))
                .isEqualTo("2028-03-31");
        // committed and started through the API, then the end date from the spreadsheet
        assertThat(exactly(3, "ActionUpdated", updated).stream()
                        .map(e -> json(e).path("changedFields").toString())
                        .toList())
                .contains("[\"endDate\"]");
        UUID created = jdbc.queryForObject(
                "SELECT id FROM action WHERE owner_id = ? AND title = 'Water points in Kisenyi'", UUID.class, city);
        exactlyOne("ActionProposed", created);
        assertThat(jdbc.queryForObject(
                        "SELECT ? = ANY (shared_with_forums) FROM action WHERE id = ?", Boolean.class, forum, created))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbox_event WHERE event_type LIKE '%ProgressReported%' AND owner_org = ?"
                                + " AND message_key = ANY (?::text[])",
                        Long.class,
                        city.toString(),
                        ours.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"))))
                .isEqualTo(10);
        // the history records the caller as the one who changed it, like the API
        assertThat(jdbc.queryForObject("SELECT updated_by FROM action WHERE id = ?", String.class, updated))
                .isEqualTo(jdbc.queryForObject("SELECT created_by FROM action WHERE id = ?", String.class, created));
        assertThat(theirsTitle(theirs)).isEqualTo("An action of another organisation");

        expectProblem(perform(post(location + "/confirmation"), cityEditor), 409);
        String report = perform(get(location + "/report"), cityEditor)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).contains("row,outcome,actionId,title,problems").contains("14,REFUSED," + theirs);
    }

    private String theirsTitle(UUID id) {
        return jdbc.queryForObject("SELECT title FROM action WHERE id = ?", String.class, id);
    }

    @Test
    void aRowWhoseActionChangedSinceTheExportIsRefusedShowingTheChange() throws Exception {
        UUID a = underWay(cityEditor, "School places");
        Table exported = export(cityEditor, "csv", "en");
        fixture.ok(
                ApiCall.put(
                                "/actions/" + a,
                                ApiFixture.actionJson("School places, revised", "FORUM", List.of(forum), null))
                        .ifMatch("\"3\""),
                cityEditor);
        Table.Row row = with(exported, exported.rows().getFirst(), Map.of("endDate", "2028-12-31"));
        byte[] csv = SpreadsheetWriter.csv(new Table(exported.headings(), exported.keys(), List.of(row)));

        JsonNode preview = body(upload(cityEditor, "actions.csv", csv, 201));

        JsonNode r = preview.path("rows").get(0);
        assertThat(r.path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(r.path("problems").get(0).path("column").asString()).isEqualTo("version");
        assertThat(r.path("problems").get(0).path("cell").asString()).isEqualTo("B3");
        assertThat(r.path("problems").get(0).path("message").asString())
                .startsWith("changed since your export: version 3 → 4 by Kampala Capital City Authority on ");
    }

    @Test
    void theConfirmationIsAllOrNothing() throws Exception {
        UUID a = underWay(cityEditor, "A first action");
        UUID b = underWay(cityEditor, "B second action");
        Table exported = export(cityEditor, null, "en");
        List<Table.Row> rows = List.of(
                with(
                        exported,
                        exported.rows().get(0),
                        Map.of("title", "A first action, renamed", "percentComplete", "10", "rag", "AMBER")),
                with(exported, exported.rows().get(1), Map.of("percentComplete", "20", "rag", "RED")));
        JsonNode preview =
                body(upload(cityEditor, "a.xlsx", xlsx(new Table(exported.headings(), exported.keys(), rows)), 201));
        assertThat(preview.path("counts").path("refused").asInt()).isZero();
        String location = "/spreadsheet-imports/" + preview.path("id").asString();
        // b's report for the period is published through the API meanwhile: b's version stays, its row fails now
        Table.Row bRow = exported.rows().get(1);
        fixture.report(
                cityEditor,
                b,
                bRow.cell(exported.column("reportPeriodStart")),
                bRow.cell(exported.column("reportPeriodEnd")));
        long outboxBefore = jdbc.queryForObject("SELECT count(*) FROM outbox_event", Long.class);

        MvcResult refused = perform(post(location + "/confirmation"), cityEditor)
                .andExpect(status().isConflict())
                .andReturn();

        assertThat(refused.getResponse().getContentAsString()).contains("Row 4");
        assertThat(actionVersion(a)).isEqualTo(3);
        assertThat(theirsTitle(a)).isEqualTo("A first action");
        assertThat(rows("progress_report", a)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event", Long.class))
                .isEqualTo(outboxBefore);
        assertThat(body(perform(get(location), cityEditor).andReturn())
                        .path("status")
                        .asString())
                .isEqualTo("PREVIEWED");

        // an action changed since the preview: 409 naming its row, nothing applied
        JsonNode second = body(upload(
                cityEditor,
                "a.xlsx",
                xlsx(new Table(exported.headings(), exported.keys(), List.of(rows.get(0)))),
                201));
        fixture.ok(ApiCall.post("/actions/" + a + "/status", "{\"status\":\"ON_HOLD\"}"), cityEditor);
        MvcResult stale = perform(
                        post("/spreadsheet-imports/" + second.path("id").asString() + "/confirmation"), cityEditor)
                .andExpect(status().isConflict())
                .andReturn();
        assertThat(stale.getResponse().getContentAsString()).contains("row 3");
        assertThat(theirsTitle(a)).isEqualTo("A first action");

        perform(delete(location), cityEditor).andExpect(status().isNoContent());
        assertThat(body(perform(get(location), cityEditor).andReturn())
                        .path("status")
                        .asString())
                .isEqualTo("DISCARDED");
        expectProblem(perform(post(location + "/confirmation"), cityEditor), 409);
    }

    @Test
    void othersMayNotExportImportOrSeeAnImport() throws Exception {
        underWay(cityEditor, "School places");
        UUID police = organisation("Immigration enforcement unit", "NATIONAL_GOVERNMENT_BODY", true, false);
        seat(forum, police);
        UUID outside = organisation("NGO outside the forum", "NGO", false, false);
        Table exported = export(cityEditor, null, "en");
        byte[] file = xlsx(exported);
        String location = "/spreadsheet-imports/"
                + body(upload(cityEditor, "a.xlsx", file, 201)).path("id").asString();

        expectProblem(perform(get("/forums/" + forum + "/spreadsheet"), readOnly(city)), 403);
        expectProblem(perform(get("/forums/" + forum + "/spreadsheet"), editor(police)), 403);
        expectProblem(perform(get("/forums/" + forum + "/spreadsheet"), editor(outside)), 404);
        upload(readOnly(city), "a.xlsx", file, 403);
        upload(editor(police), "a.xlsx", file, 403);
        upload(editor(outside), "a.xlsx", file, 404);
        expectProblem(perform(get(location), ngoEditor), 404);
        expectProblem(perform(post(location + "/confirmation"), ngoEditor), 404);
        expectProblem(perform(delete(location), ngoEditor), 404);
        expectProblem(perform(post(location + "/confirmation"), readOnly(city)), 403);
        // the other organisation's export holds none of the city's actions
        assertThat(export(ngoEditor, null, "en").rows()).isEmpty();
    }

    @Test
    void badFilesAreRefusedWithProblems() throws Exception {
        Table exported = export(cityEditor, null, "en");
        byte[] legacy = new byte[512];
        System.arraycopy(
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0,
                legacy,
                0,
                8);
        expectProblem(
                perform(
                        multipart("/forums/" + forum + "/spreadsheet-imports")
                                .file(new MockMultipartFile("file", "a.xls", "application/vnd.ms-excel", legacy)),
                        cityEditor),
                415);
        byte[] large = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) 'a');
        expectProblem(
                perform(
                        multipart("/forums/" + forum + "/spreadsheet-imports")
                                .file(new MockMultipartFile("file", "a.csv", "text/csv", large)),
                        cityEditor),
                413);
        StringBuilder many = new StringBuilder("Title\r\ntitle\r\n");
        for (int i = 0; i < 10_001; i++) {
            many.append("Row ").append(i).append("\r\n");
        }
        MvcResult tooMany = perform(
                        multipart("/forums/" + forum + "/spreadsheet-imports")
                                .file(new MockMultipartFile(
                                        "file",
                                        "a.csv",
                                        "text/csv",
                                        many.toString().getBytes(StandardCharsets.UTF_8))),
                        cityEditor)
                .andExpect(status().is(413))
                .andReturn();
        assertThat(tooMany.getResponse().getContentAsString()).contains("10000");
        byte[] unknownKey =
                SpreadsheetWriter.csv(new Table(List.of("Title", "Colour"), List.of("title", "colour"), List.of()));
        MvcResult unknown = perform(
                        multipart("/forums/" + forum + "/spreadsheet-imports")
                                .file(new MockMultipartFile("file", "a.csv", "text/csv", unknownKey)),
                        cityEditor)
                .andExpect(status().isBadRequest())
                .andReturn();
        assertThat(unknown.getResponse().getContentAsString()).contains("colour");
        expectProblem(perform(multipart("/forums/" + forum + "/spreadsheet-imports"), cityEditor), 400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spreadsheet_import WHERE forum_id = ?", Long.class, forum))
                .isZero();
    }
}
