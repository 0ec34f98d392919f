package org.arrival.assessments.population.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.arrival.contracts.assessments.Count;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void countsBelowFiveIncludingZeroAreHiddenFromOthersTheRestRoundedToFiveAndTheOwnerSeesThemExactly() {
        for (int small : new int[] {0, 1, 2, 3, 4}) {
            assertThat(Suppression.count(small, false)).isEqualTo(Count.hidden());
            assertThat(Suppression.count(small, true)).isEqualTo(Count.of(small));
        }
        assertThat(Suppression.count(5, false)).isEqualTo(Count.of(5));
        assertThat(Suppression.count(7, false)).isEqualTo(Count.of(5));
        assertThat(Suppression.count(8, false)).isEqualTo(Count.of(10));
        assertThat(Suppression.count(103, false)).isEqualTo(Count.of(105));
        assertThat(Suppression.count(300_002, false)).isEqualTo(Count.of(300_000));
        assertThat(Suppression.count(103, true)).isEqualTo(Count.of(103));
        assertThat(Suppression.count(null, false)).isNull();
    }

    @Test
    void oneHiddenCellInADimensionHidesTheNextSmallestSoItCannotBeDerivedFromTheTotal() {
        List<Cell> cells = List.of(
                new Cell(Dimension.SEX, "FEMALE", 60),
                new Cell(Dimension.SEX, "MALE", 37),
                new Cell(Dimension.SEX, "OTHER", 3));
        assertThat(shown(cells, 100)).containsExactly("FEMALE=60", "MALE=<5", "OTHER=<5");
    }

    @Test
    void hiddenCellsThatAddUpToFewerThanFiveGetAComplementAndDimensionsAreSuppressedSeparately() {
        List<Cell> cells = List.of(
                new Cell(Dimension.AGE_BAND, "0-4", 2),
                new Cell(Dimension.AGE_BAND, "5-11", 4),
                new Cell(Dimension.AGE_BAND, "18-59", 90),
                new Cell(Dimension.AGE_BAND, "60+", 20),
                new Cell(Dimension.DISABILITY, "WITH_DISABILITY", 0),
                new Cell(Dimension.DISABILITY, "WITHOUT_DISABILITY", 100),
                new Cell(Dimension.DISABILITY, "NOT_STATED", 16),
                new Cell(Dimension.SEX, "FEMALE", 60),
                new Cell(Dimension.SEX, "MALE", 56));
        // AGE: 2 and 4 hidden add up to 6, enough; DISABILITY: 0 hidden, so NOT_STATED (16) goes too
        assertThat(shown(cells, 116))
                .containsExactly(
                        "0-4=<5",
                        "5-11=<5",
                        "18-59=90",
                        "60+=20",
                        "WITH_DISABILITY=<5",
                        "WITHOUT_DISABILITY=100",
                        "NOT_STATED=<5",
                        "FEMALE=60",
                        "MALE=55");
    }

    @Test
    void twoHiddenCellsOfThreePeopleInAllAreNotEnoughOnTheirOwn() {
        List<Cell> cells = List.of(
                new Cell(Dimension.AGE_BAND, "0-4", 1),
                new Cell(Dimension.AGE_BAND, "5-11", 2),
                new Cell(Dimension.AGE_BAND, "18-59", 40),
                new Cell(Dimension.AGE_BAND, "60+", 7));
        assertThat(shown(cells, 50)).containsExactly("0-4=<5", "5-11=<5", "18-59=40", "60+=<5");
    }

    @Test
    void peopleNoCellAccountsForCountAsHiddenSoASmallRemainderHidesACell() {
        // 30 people, 27 of them women: the 3 others would be the total less the one cell shown
        assertThat(shown(List.of(new Cell(Dimension.SEX, "FEMALE", 27)), 30)).containsExactly("FEMALE=<5");
        // 300 people, 160 of them women: the 140 others are no small group
        assertThat(shown(List.of(new Cell(Dimension.SEX, "FEMALE", 160)), 300)).containsExactly("FEMALE=160");
        // every cell given and none small: nothing to hide
        assertThat(shown(List.of(new Cell(Dimension.SEX, "FEMALE", 12), new Cell(Dimension.SEX, "MALE", 18)), 30))
                .containsExactly("FEMALE=10", "MALE=20");
    }

    @Test
    void aSingleCellDimensionIsHiddenWhenSmallAndTheOwnerSeesEverythingExactly() {
        List<Cell> cells = List.of(new Cell(Dimension.SEX, "FEMALE", 4), new Cell(Dimension.SEX, "MALE", 9));
        assertThat(shown(List.of(cells.get(0)), 4)).containsExactly("FEMALE=<5");
        assertThat(shown(cells, 13)).containsExactly("FEMALE=<5", "MALE=<5");
        assertThat(Suppression.breakdown(cells, 13, true))
                .extracting(d -> text(d.count()))
                .containsExactly("4", "9");
    }

    @Test
    void tiesPickOneComplementOnly() {
        List<Cell> cells = List.of(
                new Cell(Dimension.SEX, "FEMALE", 10),
                new Cell(Dimension.SEX, "MALE", 10),
                new Cell(Dimension.SEX, "OTHER", 1));
        assertThat(shown(cells, 21)).containsExactly("FEMALE=<5", "MALE=10", "OTHER=<5");
    }

    @Test
    void hiddenPeopleAddingUpToFiveExactlyNeedNoComplement() {
        // 2 and 3 hidden: 5 people a reader cannot place, no group of 1 to 4
        List<Cell> cells = List.of(
                new Cell(Dimension.AGE_BAND, "0-4", 2),
                new Cell(Dimension.AGE_BAND, "5-11", 3),
                new Cell(Dimension.AGE_BAND, "18-59", 40),
                new Cell(Dimension.AGE_BAND, "60+", 55));
        assertThat(shown(cells, 100)).containsExactly("0-4=<5", "5-11=<5", "18-59=40", "60+=55");
        // 5 people no cell accounts for
        assertThat(shown(List.of(new Cell(Dimension.SEX, "FEMALE", 25)), 30)).containsExactly("FEMALE=25");
        // 4 people no cell accounts for: the only cell is hidden
        assertThat(shown(List.of(new Cell(Dimension.SEX, "FEMALE", 26)), 30)).containsExactly("FEMALE=<5");
        // no total: only the cells given count
        assertThat(Suppression.breakdown(List.of(new Cell(Dimension.SEX, "FEMALE", 26)), null, false))
                .extracting(d -> text(d.count()))
                .containsExactly("25");
    }

    private static List<String> shown(List<Cell> cells, int total) {
        return Suppression.breakdown(cells, total, false).stream()
                .map(d -> d.category() + "=" + text(d.count()))
                .toList();
    }

    private static String text(Count c) {
        return c.value() == null ? c.suppressed() : c.value().toString();
    }
}
