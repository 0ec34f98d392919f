package org.arrival.assessments.spreadsheets.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.arrival.platform.spreadsheets.imports.RowReading;
import org.junit.jupiter.api.Test;

class SheetsTest {

    @Test
    void everyKeyHasItsHeadingInEachLanguage() {
        for (String language : List.of("en", "fr", "es", "ar")) {
            assertThat(NeedSheet.headings(Locale.of(language))).hasSameSizeAs(NeedSheet.KEYS);
            assertThat(EstimateSheet.headings(Locale.of(language))).hasSameSizeAs(EstimateSheet.KEYS);
        }
        assertThat(NeedSheet.headings(Locale.of("de"))).isEqualTo(NeedSheet.headings(null));
    }

    @Test
    void theKindIsNamedByItsRecordsValueAndRecognisedByItsKeys() {
        assertThat(SheetRecords.named(null)).isEqualTo(SheetRecords.NEEDS);
        assertThat(SheetRecords.named("population-estimates")).isEqualTo(SheetRecords.POPULATION_ESTIMATES);
        assertThatThrownBy(() -> SheetRecords.named("milestones"))
                .hasMessage("must be one of needs, population-estimates");
        assertThat(SheetRecords.holding(NeedSheet.KEYS)).isEqualTo(SheetRecords.NEEDS);
        assertThat(SheetRecords.holding(EstimateSheet.KEYS)).isEqualTo(SheetRecords.POPULATION_ESTIMATES);
        assertThat(SheetRecords.holding(List.of("id", "title", "kind"))).isNull();
    }

    @Test
    void aNeedRowIsReadAsTheApiReadsANeed() {
        RowReading<NeedValues> good = need(Map.of(
                "statement", "Children lack school places",
                "sector", "education",
                "populationGroups", "REFUGEES;HOST_COMMUNITY;REFUGEES",
                "country", "UG",
                "subdivision", "UG-C",
                "severity", "HIGH",
                "evidenceReferences", "survey 2025; ;census 2024"));
        assertThat(good.problems()).isEmpty();
        NeedValues v = good.values();
        assertThat(v).isNotNull();
        assertThat(v.populationGroups()).containsExactly(PopulationGroup.REFUGEES, PopulationGroup.HOST_COMMUNITY);
        assertThat(v.severity()).isEqualTo(Severity.HIGH);
        assertThat(v.evidenceReferences()).containsExactly("survey 2025", "census 2024");
        assertThat(v.classification()).isNull();

        RowReading<NeedValues> bad = need(Map.of(
                "id", "0b8e3b4c-1f7a-4c55-9d0e-2a4f5b6c7d8e",
                "statement", "Write to amina@example.org",
                "country", "UG",
                "subdivision", "KE-30",
                "evidenceReferences", "call +256 772 123456"));
        assertThat(bad.values()).isNull();
        assertThat(bad.problems())
                .extracting(CellProblem::cell)
                .containsExactly("B3", "C3", "D3", "E3", "G3", "J3", "L3");
    }

    @Test
    void anEstimateRowNeedsACountASourceAndADate() {
        RowReading<EstimateValues> bad = estimate(
                Map.of("country", "UG", "group", "REFUGEES", "registered", "-3", "source", "", "asOf", "31/03/2026"));
        assertThat(bad.values()).isNull();
        assertThat(bad.problems()).extracting(CellProblem::column).containsExactly("registered", "source", "asOf");

        RowReading<EstimateValues> good = estimate(Map.of(
                "country", "UG",
                "group", "IDPS",
                "estimated", "1200.0",
                "source", "division headcount",
                "asOf", "2026-03-31"));
        assertThat(good.problems()).isEmpty();
        assertThat(good.values()).isNotNull();
        assertThat(good.values().estimated()).isEqualTo(1200);
        assertThat(good.values().registered()).isNull();
        assertThat(good.title()).isEqualTo("IDPS, UG, 2026-03-31");
    }

    private static RowReading<NeedValues> need(Map<String, String> cells) {
        Table t = new Table(NeedSheet.KEYS, NeedSheet.KEYS, List.of());
        return NeedSheet.read(t, row(t, cells));
    }

    private static RowReading<EstimateValues> estimate(Map<String, String> cells) {
        Table t = new Table(EstimateSheet.KEYS, EstimateSheet.KEYS, List.of());
        return EstimateSheet.read(t, row(t, cells));
    }

    private static Table.Row row(Table t, Map<String, String> cells) {
        List<String> out = new ArrayList<>();
        t.keys().forEach(k -> out.add(cells.getOrDefault(k, "")));
        return new Table.Row(3, out);
    }
}
