package org.arrival.actionplans.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.actionplans.ApiFixture;
import org.arrival.actionplans.spreadsheets.domain.FundingSheet;
import org.arrival.actionplans.spreadsheets.domain.RecordKind;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.arrival.platform.testing.api.ApiCall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The funding lines of an organisation's forum actions as a spreadsheet over HTTP on the real database: exported,
 * edited, previewed with the funding rules (amounts, currencies, nothing disbursed beyond what is committed) and
 * confirmed through the funding service in one transaction, or not at all.
 */
class FundingSheetApiTest extends SheetRoundTripSupport {

    private UUID donor;
    private Token donorEditor;

    @BeforeEach
    void donor() {
        donor = organisation("Lakeside Development Fund", "DONOR", false, false);
        seat(forum, donor);
        donorEditor = editor(donor);
    }

    private BigDecimal amount(String column, UUID line) {
        return jdbc.queryForObject("SELECT " + column + " FROM funding_line WHERE id = ?", BigDecimal.class, line);
    }

    @Test
    void exportedFundingLinesComeBackChangedAndNewAndAreAppliedInOneGo() throws Exception {
        UUID a = underWay(cityEditor, "A school places");
        UUID b = underWay(cityEditor, "B water points");
        UUID budget = fixture.funding(cityEditor, a, donor);
        UUID unnamed = fixture.created(
                ApiCall.post("/actions/" + b + "/funding", ApiFixture.fundingJson(null, "Parish collection", 1000)),
                cityEditor);

        Table exported = export(cityEditor, RecordKind.FUNDING_LINES, "csv", "fr");

        assertThat(exported.keys()).isEqualTo(FundingSheet.KEYS);
        assertThat(exported.headings().get(6)).isEqualTo("Devise (ISO 4217)");
        assertThat(exported.rows()).hasSize(2);
        Table.Row first = exported.rows().getFirst();
        assertThat(first.cell(0)).isEqualTo(budget.toString());
        assertThat(first.cell(exported.column("actionTitle"))).isEqualTo("A school places");
        assertThat(first.cell(exported.column("sourceId"))).isEqualTo(donor.toString());
        assertThat(first.cell(exported.column("currency"))).isEqualTo("UGX");
        assertThat(new BigDecimal(first.cell(exported.column("committed")))).isEqualByComparingTo("300000000");
        Table.Row second = exported.rows().get(1);
        assertThat(second.cell(exported.column("sourceId"))).isEmpty();

        List<Table.Row> rows = List.of(
                with(exported, first, Map.of("disbursed", "100000000.50")),
                second,
                newRow(
                        exported,
                        5,
                        Map.of(
                                "actionId", b.toString(),
                                "sourceId", donor.toString(),
                                "currency", "eur",
                                "required", "1000",
                                "committed", "500",
                                "disbursed", "0")),
                newRow(
                        exported,
                        6,
                        Map.of(
                                "actionId", b.toString(),
                                "sourceName", "City budget",
                                "currency", "UGX",
                                "required", "1000",
                                "committed", "500",
                                "disbursed", "700")),
                newRow(
                        exported,
                        7,
                        Map.of(
                                "actionId", b.toString(),
                                "sourceName", "City budget",
                                "currency", "XYZ",
                                "required", "12.345",
                                "committed", "-1",
                                "disbursed", "0")));

        MvcResult previewed = upload(cityEditor, "funding-lines", "funding.csv", csv(exported, rows), 201);

        JsonNode preview = body(previewed);
        assertThat(preview.path("records").asString()).isEqualTo("funding-lines");
        JsonNode counts = preview.path("counts");
        assertThat(counts.path("create").asInt()).isEqualTo(1);
        assertThat(counts.path("update").asInt()).isEqualTo(1);
        assertThat(counts.path("unchanged").asInt()).isEqualTo(1);
        assertThat(counts.path("refused").asInt()).isEqualTo(2);
        JsonNode changed = preview.path("rows").get(0);
        assertThat(changed.path("recordId").asString()).isEqualTo(budget.toString());
        assertThat(changed.path("actionId").asString()).isEqualTo(a.toString());
        assertThat(changed.path("changes").get(0).path("field").asString()).isEqualTo("disbursed");
        assertThat(changed.path("changes").get(0).path("from").asString()).isEqualTo("0.00");
        assertThat(changed.path("changes").get(0).path("to").asString()).isEqualTo("100000000.50");
        JsonNode created = preview.path("rows").get(2);
        assertThat(created.path("outcome").asString()).isEqualTo("CREATE");
        assertThat(created.path("title").asString()).isEqualTo("Lakeside Development Fund");
        JsonNode overspent = preview.path("rows").get(3);
        assertThat(overspent.path("problems").get(0).path("cell").asString()).isEqualTo("J6");
        assertThat(overspent.path("problems").get(0).path("message").asString()).contains("must not exceed committed");
        List<String> cells = preview.path("rows")
                .get(4)
                .path("problems")
                .valueStream()
                .map(p -> p.path("cell").asString() + " " + p.path("message").asString())
                .toList();
        assertThat(cells)
                .anyMatch(c -> c.startsWith("G7 must be an ISO 4217 currency code"))
                .anyMatch(c -> c.startsWith("H7 must have at most two decimals"))
                .anyMatch(c -> c.startsWith("I7 must not be negative"));

        String location = previewed.getResponse().getHeader("Location");
        perform(post(location + "/confirmation"), cityEditor).andExpect(status().isOk());

        assertThat(amount("disbursed", budget)).isEqualByComparingTo("100000000.50");
        UUID euros = jdbc.queryForObject(
                "SELECT id FROM funding_line WHERE action_id = ? AND currency = 'EUR'", UUID.class, b);
        assertThat(jdbc.queryForObject("SELECT source_name FROM funding_line WHERE id = ?", String.class, euros))
                .isEqualTo("Lakeside Development Fund");
        assertThat(amount("committed", euros)).isEqualByComparingTo("500");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM funding_line WHERE action_id = ?", Long.class, b))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT version FROM funding_line WHERE id = ?", Long.class, unnamed))
                .isEqualTo(1);
        assertThat(json(exactly(2, "FundingRecorded", budget).get(1))
                        .path("line")
                        .path("disbursed")
                        .decimalValue())
                .isEqualByComparingTo("100000000.50");
        exactlyOne("FundingRecorded", euros);
        String report = perform(get(location + "/report"), cityEditor)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(report)
                .contains("row,outcome,recordId,actionId,title,problems")
                .contains("6,REFUSED,," + b);
    }

    @Test
    void aLineTheFunderChangedSinceTheExportIsRefusedNamingTheFunder() throws Exception {
        UUID a = underWay(cityEditor, "School places");
        UUID line = fixture.funding(cityEditor, a, donor);
        Table exported = export(cityEditor, RecordKind.FUNDING_LINES, null, "en");
        fixture.ok(
                ApiCall.put(
                                "/actions/" + a + "/funding/" + line,
                                ApiFixture.fundingJson(donor, "Lakeside Development Fund", 400000000))
                        .ifMatch("\"1\""),
                donorEditor);
        Table.Row row = with(exported, exported.rows().getFirst(), Map.of("required", "950000000"));

        JsonNode preview = body(upload(
                cityEditor,
                "funding-lines",
                "f.xlsx",
                xlsx(new Table(exported.headings(), exported.keys(), List.of(row)), RecordKind.FUNDING_LINES),
                201));

        JsonNode r = preview.path("rows").get(0);
        assertThat(r.path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(r.path("problems").get(0).path("cell").asString()).isEqualTo("B3");
        assertThat(r.path("problems").get(0).path("message").asString())
                .startsWith("changed since your export: version 1 → 2 by Lakeside Development Fund on ");
    }

    @Test
    void theConfirmationIsAllOrNothing() throws Exception {
        UUID a = underWay(cityEditor, "School places");
        UUID line = fixture.funding(cityEditor, a, donor);
        Table exported = export(cityEditor, RecordKind.FUNDING_LINES, "csv", "en");
        List<Table.Row> rows = List.of(
                with(exported, exported.rows().getFirst(), Map.of("committed", "350000000")),
                newRow(
                        exported,
                        4,
                        Map.of(
                                "actionId", a.toString(),
                                "sourceName", "City budget",
                                "currency", "UGX",
                                "required", "1000",
                                "committed", "0",
                                "disbursed", "0")));
        JsonNode preview = body(upload(cityEditor, "funding-lines", "f.csv", csv(exported, rows), 201));
        assertThat(preview.path("counts").path("refused").asInt()).isZero();
        fixture.ok(
                ApiCall.put(
                                "/actions/" + a + "/funding/" + line,
                                ApiFixture.fundingJson(donor, "KCCA budget", 310000000))
                        .ifMatch("\"1\""),
                cityEditor);
        long outbox = outboxEvents();

        MvcResult refused = perform(
                        post("/spreadsheet-imports/" + preview.path("id").asString() + "/confirmation"), cityEditor)
                .andExpect(status().isConflict())
                .andReturn();

        assertThat(refused.getResponse().getContentAsString()).contains("row 3 (version 1 → 2)");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM funding_line WHERE action_id = ?", Long.class, a))
                .isEqualTo(1);
        assertThat(amount("committed", line)).isEqualByComparingTo("310000000");
        assertThat(outboxEvents()).isEqualTo(outbox);
    }

    @Test
    void othersMayNotExportOrImportFundingAndAFileOfAnotherKindIsRefused() throws Exception {
        UUID a = underWay(cityEditor, "School places");
        fixture.funding(cityEditor, a, donor);
        UUID police = organisation("Immigration enforcement unit", "NATIONAL_GOVERNMENT_BODY", true, false);
        seat(forum, police);
        Table exported = export(cityEditor, RecordKind.FUNDING_LINES, "csv", "en");
        byte[] file = csv(exported, exported.rows());
        String path = "/forums/" + forum + "/spreadsheet?records=funding-lines";

        expectProblem(perform(get(path), readOnly(city)), 403);
        expectProblem(perform(get(path), editor(police)), 403);
        upload(readOnly(city), "funding-lines", "f.csv", file, 403);
        upload(editor(police), "funding-lines", "f.csv", file, 403);
        // the funder sees no line of another organisation's actions in its own export
        assertThat(export(donorEditor, RecordKind.FUNDING_LINES, "csv", "en").rows())
                .isEmpty();
        JsonNode theirs = body(upload(donorEditor, "funding-lines", "f.csv", file, 201));
        assertThat(theirs.path("rows").get(0).path("outcome").asString()).isEqualTo("REFUSED");

        assertThat(upload(cityEditor, "milestones", "f.csv", file, 400)
                        .getResponse()
                        .getContentAsString())
                .contains("This file holds funding lines; choose that kind to import it");
    }
}
