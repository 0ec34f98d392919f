package org.arrival.actionplans.spreadsheets.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.junit.jupiter.api.Test;

class ActionSheetTest {

    private static final String LONG = "Q".repeat(39) + "R".repeat(5_000);

    @Test
    void aProblemRepeatsAtMostFortyCharactersOfAnUnknownKey() {
        List<String> problems = ActionSheet.keyProblems(List.of(ActionSheet.TITLE, LONG));

        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst())
                .contains("\"" + "Q".repeat(39) + "…\"")
                .contains("B2")
                .doesNotContain("QR");
    }

    @Test
    void aProblemRepeatsAtMostFortyCharactersOfACell() {
        Table table = new Table(
                List.of("Title", "Sectors"),
                List.of(ActionSheet.TITLE, ActionSheet.SECTORS),
                List.of(new Table.Row(3, List.of("An action", LONG + ";" + "S".repeat(60)))));

        List<CellProblem> problems =
                ActionSheet.read(table, table.rows().getFirst()).problems();

        CellProblem sectors = problems.stream()
                .filter(p -> ActionSheet.SECTORS.equals(p.column()))
                .findFirst()
                .orElseThrow();
        assertThat(sectors.cell()).isEqualTo("B3");
        String echoed = sectors.message().substring(0, sectors.message().indexOf(": each must be one of"));
        assertThat(echoed).hasSizeLessThanOrEqualTo(40).endsWith("…").startsWith("Q".repeat(39));
        assertThat(sectors.message()).doesNotContain("QR").doesNotContain("S".repeat(40));
    }

    @Test
    void shortTextIsRepeatedWholeAndLongTextIsCutWithoutSplittingACharacter() {
        assertThat(ActionSheet.shown("EDUCATION")).isEqualTo("EDUCATION");
        assertThat(ActionSheet.shown("x".repeat(40))).isEqualTo("x".repeat(40));
        assertThat(ActionSheet.shown("x".repeat(41))).isEqualTo("x".repeat(39) + "…");
        String emoji = "x".repeat(38) + "😀" + "y".repeat(10);
        assertThat(ActionSheet.shown(emoji)).isEqualTo("x".repeat(38) + "…");
    }
}
