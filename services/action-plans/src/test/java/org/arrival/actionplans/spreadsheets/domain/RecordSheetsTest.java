package org.arrival.actionplans.spreadsheets.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.junit.jupiter.api.Test;

class RecordSheetsTest {

    @Test
    void theRecordsParameterNamesAKindAndDefaultsToActions() {
        assertThat(RecordKind.named(null)).isEqualTo(RecordKind.ACTIONS);
        assertThat(RecordKind.named("funding-lines")).isEqualTo(RecordKind.FUNDING_LINES);
        assertThat(RecordKind.named("Milestones")).isEqualTo(RecordKind.MILESTONES);
        assertThatThrownBy(() -> RecordKind.named("needs"))
                .hasMessage("must be one of actions, milestones, funding-lines");
    }

    @Test
    void aKeyRowIsKnownAsTheKindItBelongsTo() {
        assertThat(RecordKind.ACTIONS.otherKindOf(MilestoneSheet.KEYS)).contains(RecordKind.MILESTONES);
        assertThat(RecordKind.MILESTONES.otherKindOf(FundingSheet.KEYS)).contains(RecordKind.FUNDING_LINES);
        assertThat(RecordKind.FUNDING_LINES.otherKindOf(ActionSheet.KEYS)).contains(RecordKind.ACTIONS);
        assertThat(RecordKind.MILESTONES.otherKindOf(List.of("colour"))).isEmpty();
        for (RecordKind kind : RecordKind.values()) {
            assertThat(kind.keyProblems(kind.keys())).isEmpty();
            for (String language : List.of("en", "fr", "es", "ar")) {
                assertThat(kind.headings(Locale.forLanguageTag(language))).hasSameSizeAs(kind.keys());
            }
        }
    }

    @Test
    void fundingCellsAreCheckedAsTheApiChecksAmountsAndCurrencies() {
        Table table = new Table(
                FundingSheet.KEYS,
                FundingSheet.KEYS,
                List.of(new Table.Row(3, List.of("", "", "", "", "not-an-id", "", "usd", "1.005", "100", "150.5"))));

        List<CellProblem> problems =
                FundingSheet.read(table, table.rows().getFirst()).problems();

        assertThat(problems)
                .extracting(p -> p.cell() + " " + p.column())
                .containsExactlyInAnyOrder("C3 actionId", "E3 sourceId", "H3 required", "J3 disbursed");
        assertThat(FundingSheet.read(table, table.rows().getFirst()).currency()).isEqualTo("USD");
    }

    @Test
    void anAmountBeyondTheApisDigitsIsACellProblemNotAHugeNumberWrittenOut() {
        String actionId = java.util.UUID.randomUUID().toString();
        Table table = new Table(
                FundingSheet.KEYS,
                FundingSheet.KEYS,
                List.of(new Table.Row(
                        3, List.of("", "", actionId, "", "", "City", "UGX", "1", "1E+999999999", "2E+2147483647"))));

        List<CellProblem> problems =
                FundingSheet.read(table, table.rows().getFirst()).problems();

        assertThat(problems)
                .extracting(p -> p.cell() + " " + p.message())
                .containsExactlyInAnyOrder(
                        "I3 must be at most 9999999999999999.99", "J3 must be at most 9999999999999999.99");
    }

    @Test
    void aFundingFileWithoutItsSourceColumnsIsRefusedRatherThanEmptyingThem() {
        for (String left : List.of(FundingSheet.SOURCE_ID, FundingSheet.SOURCE_NAME)) {
            List<String> keys =
                    FundingSheet.KEYS.stream().filter(k -> !k.equals(left)).toList();
            assertThat(RecordKind.FUNDING_LINES.keyProblems(keys))
                    .as("a file without %s", left)
                    .anyMatch(p -> p.contains(left));
        }
    }

    @Test
    void aReachedMilestoneNeedsTheDayItWasReached() {
        Table table = new Table(
                MilestoneSheet.KEYS,
                MilestoneSheet.KEYS,
                List.of(new Table.Row(
                        3,
                        List.of(
                                "",
                                "",
                                "0b8e3b4c-1f7a-4c55-9d0e-2a4f5b6c7d8e",
                                "",
                                "Wells dug",
                                "2026-05-31",
                                "reached",
                                ""))));

        List<CellProblem> problems =
                MilestoneSheet.read(table, table.rows().getFirst()).problems();

        assertThat(problems).extracting(CellProblem::cell).containsExactly("H3");
    }
}
