package org.arrival.actionplans.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.actionplans.ApiFixture;
import org.arrival.actionplans.progress.ActionRecordsTestSupport;
import org.arrival.actionplans.spreadsheets.domain.RecordKind;
import org.arrival.platform.spreadsheets.SpreadsheetLimits;
import org.arrival.platform.spreadsheets.SpreadsheetReader;
import org.arrival.platform.spreadsheets.SpreadsheetWriter;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * What the round-trip tests of milestones and funding lines share: a forum with two organisations, actions under way,
 * exporting, editing and uploading a sheet of a kind.
 */
abstract class SheetRoundTripSupport extends ActionRecordsTestSupport {

    protected static final SpreadsheetReader READER = new SpreadsheetReader(SpreadsheetLimits.defaults());

    protected UUID forum;
    protected UUID city;
    protected UUID ngo;
    protected Token cityEditor;
    protected Token ngoEditor;
    protected ApiFixture fixture;

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

    /** An action under way (IN_PROGRESS) from 2025-01-01 to 2027-12-31, shared with the forum. */
    protected UUID underWay(Token owner, String title) {
        UUID id = fixture.created(
                ApiCall.post("/actions", ApiFixture.actionJson(title, "FORUM", List.of(forum), null)), owner);
        for (String s : List.of("COMMITTED", "IN_PROGRESS")) {
            fixture.ok(ApiCall.post("/actions/" + id + "/status", "{\"status\":\"" + s + "\"}"), owner);
        }
        return id;
    }

    protected Table export(Token who, RecordKind kind, String format, String language) throws Exception {
        MvcResult r = perform(
                        get("/forums/" + forum + "/spreadsheet?records=" + kind.parameter()
                                        + (format == null ? "" : "&format=" + format))
                                .header("Accept-Language", language),
                        who)
                .andExpect(status().isOk())
                .andReturn();
        assertThat(r.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"" + kind.parameter() + "-"
                        + forum.toString().substring(0, 8) + "-");
        return READER.read(r.getResponse().getContentAsByteArray());
    }

    protected MvcResult upload(Token who, String records, String name, byte[] content, int expected) throws Exception {
        return perform(
                        multipart("/forums/" + forum + "/spreadsheet-imports"
                                        + (records == null ? "" : "?records=" + records))
                                .file(new MockMultipartFile("file", name, "application/octet-stream", content)),
                        who)
                .andExpect(status().is(expected))
                .andReturn();
    }

    protected org.springframework.test.web.servlet.ResultActions perform(
            org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request, Token token)
            throws Exception {
        request.header("Authorization", token.bearer());
        return mvc.perform(request);
    }

    protected static byte[] xlsx(Table t, RecordKind kind) {
        return SpreadsheetWriter.xlsx(t, kind.sheetName(), kind.choices(), kind.dateKeys());
    }

    protected static byte[] csv(Table exported, List<Table.Row> rows) {
        return SpreadsheetWriter.csv(new Table(exported.headings(), exported.keys(), rows));
    }

    protected static JsonNode body(MvcResult r) throws Exception {
        return org.arrival.contracts.EventJson.mapper().readTree(r.getResponse().getContentAsString());
    }

    /** The row with cells changed. */
    protected static Table.Row with(Table t, Table.Row row, Map<String, String> cells) {
        List<String> out = new ArrayList<>(row.cells());
        while (out.size() < t.keys().size()) {
            out.add("");
        }
        cells.forEach((k, v) -> out.set(t.column(k), v));
        return new Table.Row(row.number(), out);
    }

    protected static Table.Row newRow(Table t, int number, Map<String, String> cells) {
        return with(t, new Table.Row(number, List.of()), cells);
    }

    /** The row of the export whose column {@code key} holds {@code value}. */
    protected static Table.Row rowWith(Table t, String key, Object value) {
        return t.rows().stream()
                .filter(r -> r.cell(t.column(key)).equals(value.toString()))
                .findFirst()
                .orElseThrow();
    }

    protected long outboxEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM outbox_event", Long.class);
    }
}
