package org.arrival.actionplans.spreadsheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.actionplans.spreadsheets.domain.MilestoneSheet;
import org.arrival.actionplans.spreadsheets.domain.RecordKind;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.testing.api.ApiCall;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * The milestones of an organisation's forum actions as a spreadsheet over HTTP on the real database: exported,
 * edited (rescheduled, reached, a new one), previewed row by row and confirmed through the milestones service in one
 * transaction, or not at all.
 */
class MilestoneSheetApiTest extends SheetRoundTripSupport {

    private UUID milestone(UUID action, String title, String dueOn) {
        return fixture.created(
                ApiCall.post(
                        "/actions/" + action + "/milestones",
                        "{\"title\":\"" + title + "\",\"dueOn\":\"" + dueOn + "\"}"),
                cityEditor);
    }

    private String statusOf(UUID milestone) {
        return jdbc.queryForObject("SELECT status FROM milestone WHERE id = ?", String.class, milestone);
    }

    private String column(String column, UUID milestone) {
        return jdbc.queryForObject("SELECT " + column + "::text FROM milestone WHERE id = ?", String.class, milestone);
    }

    @Test
    void exportedMilestonesComeBackRescheduledReachedAndNewAndAreAppliedInOneGo() throws Exception {
        UUID b = underWay(cityEditor, "B water points");
        UUID a = underWay(cityEditor, "A school places");
        UUID later = milestone(a, "Fee waivers agreed with the schools", "2026-06-30");
        UUID sooner = milestone(a, "Schools visited", "2026-03-31");
        UUID other = milestone(b, "Pumps installed", "2026-05-31");
        UUID theirs = underWay(ngoEditor, "Legal aid desks");
        fixture.milestone(ngoEditor, theirs);

        Table exported = export(cityEditor, RecordKind.MILESTONES, null, "es");

        assertThat(exported.keys()).isEqualTo(MilestoneSheet.KEYS);
        assertThat(exported.headings().get(4)).isEqualTo("Hito");
        assertThat(exported.rows().stream().map(r -> r.cell(0)).toList())
                .containsExactly(sooner.toString(), later.toString(), other.toString());
        Table.Row first = exported.rows().getFirst();
        assertThat(first.cell(exported.column("actionId"))).isEqualTo(a.toString());
        assertThat(first.cell(exported.column("actionTitle"))).isEqualTo("A school places");
        assertThat(first.cell(exported.column("dueOn"))).isEqualTo("2026-03-31");
        assertThat(first.cell(exported.column("status"))).isEqualTo("PLANNED");
        assertThat(first.cell(exported.column("version"))).isEqualTo("1");

        List<Table.Row> rows = new ArrayList<>();
        rows.add(with(exported, first, Map.of("status", "REACHED", "reachedOn", "2026-03-30")));
        rows.add(with(exported, exported.rows().get(1), Map.of("dueOn", "2026-09-30")));
        rows.add(exported.rows().get(2));
        rows.add(newRow(
                exported,
                6,
                Map.of("actionId", b.toString(), "title", "Water committee formed", "dueOn", "2027-01-31")));
        rows.add(newRow(exported, 7, Map.of("actionId", b.toString(), "title", "Wells dug", "dueOn", "next week")));
        byte[] edited = xlsx(new Table(exported.headings(), exported.keys(), rows), RecordKind.MILESTONES);

        MvcResult previewed = upload(cityEditor, "milestones", "milestones.xlsx", edited, 201);

        JsonNode preview = body(previewed);
        assertThat(preview.path("records").asString()).isEqualTo("milestones");
        JsonNode counts = preview.path("counts");
        assertThat(counts.path("create").asInt()).isEqualTo(1);
        assertThat(counts.path("update").asInt()).isEqualTo(2);
        assertThat(counts.path("unchanged").asInt()).isEqualTo(1);
        assertThat(counts.path("refused").asInt()).isEqualTo(1);
        assertThat(counts.path("reports").asInt()).isZero();
        JsonNode reached = preview.path("rows").get(0);
        assertThat(reached.path("recordId").asString()).isEqualTo(sooner.toString());
        assertThat(reached.path("actionId").asString()).isEqualTo(a.toString());
        assertThat(reached.path("title").asString()).isEqualTo("Schools visited");
        assertThat(reached.path("outcome").asString()).isEqualTo("UPDATE");
        assertThat(reached.path("changes").get(0).path("field").asString()).isEqualTo("status");
        assertThat(reached.path("changes").get(0).path("from").asString()).isEqualTo("PLANNED");
        assertThat(reached.path("changes").get(0).path("to").asString()).isEqualTo("REACHED");
        assertThat(reached.path("changes").get(1).path("to").asString()).isEqualTo("2026-03-30");
        JsonNode moved = preview.path("rows").get(1);
        assertThat(moved.path("changes").get(0).path("field").asString()).isEqualTo("dueOn");
        assertThat(moved.path("changes").get(0).path("from").asString()).isEqualTo("2026-06-30");
        JsonNode created = preview.path("rows").get(3);
        assertThat(created.path("outcome").asString()).isEqualTo("CREATE");
        assertThat(created.path("recordId").isNull()).isTrue();
        assertThat(created.path("actionId").asString()).isEqualTo(b.toString());
        JsonNode refused = preview.path("rows").get(4);
        assertThat(refused.path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(refused.path("problems").get(0).path("cell").asString()).isEqualTo("F7");
        assertThat(refused.path("problems").get(0).path("message").asString()).contains("yyyy-mm-dd");
        assertThat(statusOf(sooner)).isEqualTo("PLANNED");

        String location = previewed.getResponse().getHeader("Location");
        JsonNode applied = body(perform(post(location + "/confirmation").header("If-Match", "\"1\""), cityEditor)
                .andExpect(status().isOk())
                .andReturn());

        assertThat(applied.path("status").asString()).isEqualTo("APPLIED");
        assertThat(applied.path("records").asString()).isEqualTo("milestones");
        assertThat(statusOf(sooner)).isEqualTo("REACHED");
        assertThat(column("reached_on", sooner)).isEqualTo("2026-03-30");
        assertThat(column("due_on", later)).isEqualTo("2026-09-30");
        assertThat(column("version", other)).isEqualTo("1");
        UUID added = jdbc.queryForObject(
                "SELECT id FROM milestone WHERE action_id = ? AND title = 'Water committee formed'", UUID.class, b);
        assertThat(column("status", added)).isEqualTo("PLANNED");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM milestone WHERE action_id = ? AND title = 'Wells dug'", Long.class, b))
                .isZero();
        exactly(2, "MilestoneRecorded", sooner);
        exactly(2, "MilestoneRecorded", later);
        exactlyOne("MilestoneRecorded", added);
        exactlyOne("MilestoneRecorded", other);

        String report = perform(get(location + "/report"), cityEditor)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(report)
                .contains("row,outcome,recordId,actionId,title,problems")
                .contains("3,UPDATE," + sooner + "," + a + ",Schools visited")
                .contains("7,REFUSED,," + b + ",Wells dug,\"F7 dueOn: must be a date");
    }

    @Test
    void aRowWhoseMilestoneChangedSinceTheExportIsRefusedShowingTheChange() throws Exception {
        UUID a = underWay(cityEditor, "School places");
        UUID m = milestone(a, "Schools visited", "2026-03-31");
        Table exported = export(cityEditor, RecordKind.MILESTONES, "csv", "en");
        fixture.ok(
                ApiCall.put(
                                "/actions/" + a + "/milestones/" + m,
                                "{\"title\":\"Schools visited, all of them\",\"dueOn\":\"2026-04-30\"}")
                        .ifMatch("\"1\""),
                cityEditor);
        Table.Row row = with(exported, exported.rows().getFirst(), Map.of("status", "MISSED"));

        JsonNode preview = body(upload(cityEditor, "milestones", "m.csv", csv(exported, List.of(row)), 201));

        JsonNode r = preview.path("rows").get(0);
        assertThat(r.path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(r.path("problems").get(0).path("column").asString()).isEqualTo("version");
        assertThat(r.path("problems").get(0).path("cell").asString()).isEqualTo("B3");
        assertThat(r.path("problems").get(0).path("message").asString())
                .startsWith("changed since your export: version 1 → 2 by Kampala Capital City Authority on ");
    }

    @Test
    void badCellsAreRefusedWithTheirCellsAsTheApiRefusesThem() throws Exception {
        UUID a = underWay(cityEditor, "School places");
        UUID reached = milestone(a, "Schools visited", "2026-03-31");
        fixture.ok(
                ApiCall.post("/actions/" + a + "/milestones/" + reached + "/reach", "{\"reachedOn\":\"2026-03-30\"}"),
                cityEditor);
        UUID theirs = underWay(ngoEditor, "Legal aid desks");
        Table exported = export(cityEditor, RecordKind.MILESTONES, "csv", "en");
        List<Table.Row> rows = List.of(
                with(exported, exported.rows().getFirst(), Map.of("status", "PLANNED")),
                newRow(
                        exported,
                        4,
                        Map.of(
                                "actionId",
                                a.toString(),
                                "title",
                                "Agreed with amina.k@example.org",
                                "dueOn",
                                "2026-08-01")),
                newRow(exported, 5, Map.of("actionId", a.toString(), "title", "After the end", "dueOn", "2029-01-01")),
                newRow(exported, 6, Map.of("actionId", theirs.toString(), "title", "Not ours", "dueOn", "2026-08-01")),
                newRow(
                        exported,
                        7,
                        Map.of(
                                "actionId",
                                a.toString(),
                                "title",
                                "Tomorrow",
                                "dueOn",
                                "2026-08-01",
                                "status",
                                "REACHED",
                                "reachedOn",
                                "2999-01-01")),
                with(exported, exported.rows().getFirst(), Map.of("title", "Renamed")));

        JsonNode preview = body(upload(cityEditor, "milestones", "m.csv", csv(exported, rows), 201));

        assertThat(preview.path("counts").path("refused").asInt()).isEqualTo(6);
        JsonNode r = preview.path("rows");
        assertThat(r.get(0).path("problems").get(0).path("cell").asString()).isEqualTo("G3");
        assertThat(r.get(0).path("problems").get(0).path("message").asString()).contains("PLANNED");
        assertThat(r.get(1).path("problems").get(0).path("cell").asString()).isEqualTo("E4");
        assertThat(r.get(1).path("problems").get(0).path("message").asString()).contains("personal data");
        assertThat(r.get(2).path("problems").get(0).path("cell").asString()).isEqualTo("F5");
        assertThat(r.get(3).path("problems").get(0).path("cell").asString()).isEqualTo("C6");
        assertThat(r.get(3).path("problems").get(0).path("message").asString())
                .contains("no action " + theirs + " of your organisation in this forum");
        assertThat(r.get(4).path("problems").get(0).path("cell").asString()).isEqualTo("H7");
        assertThat(r.get(5).path("problems").get(0).path("message").asString()).contains("same milestone");
    }

    @Test
    void theConfirmationIsAllOrNothing() throws Exception {
        UUID a = underWay(cityEditor, "A school places");
        UUID b = underWay(cityEditor, "B water points");
        UUID ma = milestone(a, "Schools visited", "2026-03-31");
        UUID mb = milestone(b, "Pumps installed", "2026-05-31");
        Table exported = export(cityEditor, RecordKind.MILESTONES, null, "en");
        List<Table.Row> rows = List.of(
                with(exported, rowWith(exported, "id", ma), Map.of("title", "All schools visited")),
                with(exported, rowWith(exported, "id", mb), Map.of("status", "MISSED")));
        JsonNode preview = body(upload(
                cityEditor,
                "milestones",
                "m.xlsx",
                xlsx(new Table(exported.headings(), exported.keys(), rows), RecordKind.MILESTONES),
                201));
        assertThat(preview.path("counts").path("update").asInt()).isEqualTo(2);
        String location = "/spreadsheet-imports/" + preview.path("id").asString();
        fixture.ok(ApiCall.post("/actions/" + b + "/milestones/" + mb + "/cancel", null), cityEditor);
        long outbox = outboxEvents();

        MvcResult refused = perform(post(location + "/confirmation"), cityEditor)
                .andExpect(status().isConflict())
                .andReturn();

        assertThat(refused.getResponse().getContentAsString())
                .contains("Milestones changed since the preview")
                .contains("row 4 (version 1 → 2)");
        assertThat(column("title", ma)).isEqualTo("Schools visited");
        assertThat(statusOf(mb)).isEqualTo("CANCELLED");
        assertThat(outboxEvents()).isEqualTo(outbox);
        assertThat(body(perform(get(location), cityEditor).andReturn())
                        .path("status")
                        .asString())
                .isEqualTo("PREVIEWED");
        perform(delete(location), cityEditor).andExpect(status().isNoContent());
        expectProblem(perform(post(location + "/confirmation"), cityEditor), 409);
    }

    @Test
    void aFileOfAnotherKindOrAnUnknownKindIsRefused() throws Exception {
        UUID a = underWay(cityEditor, "School places");
        milestone(a, "Schools visited", "2026-03-31");
        Table milestones = export(cityEditor, RecordKind.MILESTONES, "csv", "en");
        Table actions = export(cityEditor, RecordKind.ACTIONS, "csv", "en");
        byte[] milestonesFile = csv(milestones, milestones.rows());

        MvcResult asActions = upload(cityEditor, null, "m.csv", milestonesFile, 400);
        assertThat(asActions.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(asActions.getResponse().getContentAsString())
                .contains("This file holds milestones; choose that kind")
                .contains("\"file\"");
        assertThat(upload(cityEditor, "funding-lines", "m.csv", milestonesFile, 400)
                        .getResponse()
                        .getContentAsString())
                .contains("This file holds milestones");
        assertThat(upload(cityEditor, "milestones", "a.csv", csv(actions, actions.rows()), 400)
                        .getResponse()
                        .getContentAsString())
                .contains("This file holds actions");
        MvcResult unknown = upload(cityEditor, "needs", "m.csv", milestonesFile, 400);
        assertThat(unknown.getResponse().getContentAsString())
                .contains("records")
                .contains("actions, milestones, funding-lines");
        expectProblem(perform(get("/forums/" + forum + "/spreadsheet?records=Milestone"), cityEditor), 400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spreadsheet_import WHERE forum_id = ?", Long.class, forum))
                .isZero();
    }

    @Test
    void othersMayNotExportImportOrChangeTheMilestones() throws Exception {
        UUID a = underWay(cityEditor, "School places");
        UUID m = milestone(a, "Schools visited", "2026-03-31");
        UUID police = organisation("Immigration enforcement unit", "NATIONAL_GOVERNMENT_BODY", true, false);
        seat(forum, police);
        UUID outside = organisation("NGO outside the forum", "NGO", false, false);
        Table exported = export(cityEditor, RecordKind.MILESTONES, "csv", "en");
        byte[] file = csv(exported, List.of(with(exported, exported.rows().getFirst(), Map.of("status", "MISSED"))));
        String path = "/forums/" + forum + "/spreadsheet?records=milestones";

        expectProblem(perform(get(path), readOnly(city)), 403);
        expectProblem(perform(get(path), editor(police)), 403);
        expectProblem(perform(get(path), editor(outside)), 404);
        upload(readOnly(city), "milestones", "m.csv", file, 403);
        upload(editor(police), "milestones", "m.csv", file, 403);
        upload(editor(outside), "milestones", "m.csv", file, 404);
        String location = "/spreadsheet-imports/"
                + body(upload(cityEditor, "milestones", "m.csv", file, 201))
                        .path("id")
                        .asString();
        expectProblem(perform(get(location), ngoEditor), 404);
        expectProblem(perform(post(location + "/confirmation"), ngoEditor), 404);
        expectProblem(perform(post(location + "/confirmation"), readOnly(city)), 403);
        assertThat(export(ngoEditor, RecordKind.MILESTONES, "csv", "en").rows()).isEmpty();

        // another organisation's editor uploading the city's rows changes nothing of them
        JsonNode theirs = body(upload(ngoEditor, "milestones", "m.csv", file, 201));
        assertThat(theirs.path("rows").get(0).path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(theirs.path("rows")
                        .get(0)
                        .path("problems")
                        .get(0)
                        .path("message")
                        .asString())
                .contains("no milestone " + m);
        perform(post("/spreadsheet-imports/" + theirs.path("id").asString() + "/confirmation"), ngoEditor)
                .andExpect(status().isOk());
        assertThat(statusOf(m)).isEqualTo("PLANNED");
    }
}
