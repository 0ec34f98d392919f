package org.arrival.platform.spreadsheets.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.arrival.platform.spreadsheets.Table;
import org.junit.jupiter.api.Test;

class SpreadsheetImportTest {

    private static final Table TABLE = new Table(
            List.of("Id", "Version", "Name", "Kind", "Tags", "Due", "Count"),
            List.of("id", "version", "name", "kind", "tags", "due", "count"),
            List.of());

    private static final CellScreen SCREEN = (value, freeText) -> value.contains("\u0007")
            ? "contains a control character"
            : freeText && value.contains("@") ? "seems to hold an e-mail address" : null;

    enum Kind {
        SMALL,
        LARGE
    }

    private static RowCells cells(String... values) {
        return new RowCells(TABLE, new Table.Row(7, List.of(values)), SCREEN);
    }

    @Test
    void cellsAreReadByKeyAndEveryProblemNamesItsCell() {
        RowCells cells = cells("not-an-id", "2.0", "a@b.org", "huge", "SMALL;TINY", "2026-02-30", "-1");

        assertThat(cells.uuid("id")).isNull();
        assertThat(cells.whole("version", 1, Long.MAX_VALUE)).isEqualTo(2);
        assertThat(cells.text("name", 100)).isNull();
        assertThat(cells.choice("kind", Kind.class)).isNull();
        assertThat(cells.choices("tags", Kind.class, 5)).isEmpty();
        assertThat(cells.date("due")).isNull();
        assertThat(cells.whole("count", 0, 10)).isNull();

        assertThat(cells.problems())
                .extracting(CellProblem::written)
                .containsExactly(
                        "A7 id: must be an id such as 0b8e3b4c-1f7a-4c55-9d0e-2a4f5b6c7d8e, as exported",
                        "C7 name: seems to hold an e-mail address",
                        "D7 kind: must be one of SMALL, LARGE",
                        "E7 tags: TINY: each must be one of SMALL, LARGE",
                        "F7 due: must be a date written yyyy-mm-dd (such as 2026-12-31), or a date cell",
                        "G7 count: must be a whole number from 0 to 10");
    }

    @Test
    void goodCellsAreReadAsTheirValues() {
        UUID id = UUID.randomUUID();
        RowCells cells = cells(id.toString(), "3", " A name ", "large", "small; LARGE;small", "2026-12-31", "");

        assertThat(cells.uuid("id")).isEqualTo(id);
        assertThat(cells.text("name", 100)).isEqualTo("A name");
        assertThat(cells.choice("kind", Kind.class)).isEqualTo(Kind.LARGE);
        assertThat(cells.choices("tags", Kind.class, 5)).containsExactly(Kind.SMALL, Kind.LARGE);
        assertThat(cells.date("due")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(cells.whole("count", 0, 10)).isNull();
        assertThat(cells.code("missing", 10)).isNull();
        assertThat(cells.problems()).isEmpty();
        assertThat(RowCells.joined(List.of(Kind.SMALL, Kind.LARGE))).isEqualTo("SMALL;LARGE");
    }

    @Test
    void keysAreCheckedAgainstTheSheets() {
        assertThat(SheetKeys.problems(List.of("id", "name", "colour", "name"), TABLE.keys(), Set.of("name", "due")))
                .containsExactly(
                        "unknown key \"colour\" in cell C2; the keys are id, version, name, kind, tags, due, count",
                        "the key \"name\" names two columns (D2)",
                        "row 2 holds no \"due\" key: the import finds its columns by the keys in row 2, as the export"
                                + " writes them");
        assertThat(SheetKeys.holdsAll(List.of(" name ", "due"), Set.of("name", "due")))
                .isTrue();
    }

    @Test
    void rowsAreJudgedCountedAndAnImportIsAppliedOnceOrDiscarded() {
        UUID known = UUID.randomUUID();
        List<ImportedRow<Map<String, String>>> rows = List.of(
                ImportedRow.judged(3, null, null, "new", false, List.of(), List.of(), null, Map.of("name", "new")),
                ImportedRow.judged(
                        4,
                        known,
                        null,
                        "changed",
                        true,
                        List.of(new RowChange("name", "old", "changed")),
                        List.of(),
                        2L,
                        Map.of("name", "changed")),
                ImportedRow.judged(5, UUID.randomUUID(), null, "same", true, List.of(), List.of(), 1L, Map.of()),
                ImportedRow.judged(
                        6,
                        null,
                        null,
                        null,
                        false,
                        List.of(),
                        List.of(CellProblem.at(TABLE, "kind", 6, "is required")),
                        null,
                        null));
        assertThat(rows)
                .extracting(ImportedRow::outcome)
                .containsExactly(
                        ImportOutcome.CREATE, ImportOutcome.UPDATE, ImportOutcome.UNCHANGED, ImportOutcome.REFUSED);

        SpreadsheetImport<Map<String, String>> i = SpreadsheetImport.previewed(
                UUID.randomUUID(), UUID.randomUUID(), "things", "C:\\files\\things.csv", Instant.EPOCH, "u", rows);

        assertThat(i.fileName()).isEqualTo("things.csv");
        assertThat(i.counts()).isEqualTo(new ImportCounts(1, 1, 1, 1, 0));
        assertThat(i.version()).isEqualTo(1);
        assertThat(i.whyNotApplicable()).isNull();
        assertThat(i.staleRows(id -> id.equals(known) ? 3L : 1L)).containsExactly("row 4 (version 2 → 3)");
        assertThat(i.staleRows(id -> id.equals(known) ? 2L : null)).containsExactly("row 5 (version 1 → gone)");

        SpreadsheetImport<Map<String, String>> applied = i.applied(Instant.EPOCH);
        assertThat(applied.version()).isEqualTo(2);
        assertThat(applied.whyNotApplicable()).startsWith("The import was already applied");
        assertThat(applied.whyNotDiscardable()).isNotNull();
        assertThatThrownBy(() -> applied.applied(Instant.EPOCH)).isInstanceOf(IllegalStateException.class);
        assertThat(i.discarded().whyNotApplicable()).startsWith("The import was already discarded");

        String report = new String(ImportReport.csv(i), StandardCharsets.UTF_8);
        assertThat(report).contains("row,outcome,recordId,title,problems").contains("6,REFUSED,,,D6 kind: is required");
    }
}
