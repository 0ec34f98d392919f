package org.arrival.assessments.population.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.assessments.Disaggregation;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void countsBelowFiveIncludingZeroAreHiddenFromOthersAndShownToTheOwner() {
        for (int small : new int[] { 0, 1, 2, 3, 4 }) {
            assertThat(Suppression.count(small, false)).isEqualTo(Count.hidden());
            assertThat(Suppression.count(small, true)).isEqualTo(Count.of(small));
        }
        assertThat(Suppression.count(5, false)).isEqualTo(Count.of(5));
        assertThat(Suppression.count(300_000, false)).isEqualTo(Count.of(300_000));
        assertThat(Suppression.count(null, false)).isNull();
    }

    @Test
    void oneHiddenCellInADimensionHidesTheNextSmallestSoItCannotBeDerivedFromTheTotal() {
        List<Cell> cells = List.of(new Cell(Dimension.SEX, "FEMALE", 60), new Cell(Dimension.SEX, "MALE", 37),
                new Cell(Dimension.SEX, "OTHER", 3));
        List<Disaggregation> shown = Suppression.breakdown(cells, false);
        assertThat(shown).extracting(d -> d.category() + "=" + text(d.count()))
                .containsExactly("FEMALE=60", "MALE=<5", "OTHER=<5");
    }

    @Test
    void twoOrMoreHiddenCellsNeedNoComplementAndDimensionsAreSuppressedSeparately() {
        List<Cell> cells = List.of(new Cell(Dimension.AGE_BAND, "0-4", 2), new Cell(Dimension.AGE_BAND, "5-11", 4),
                new Cell(Dimension.AGE_BAND, "18-59", 90), new Cell(Dimension.AGE_BAND, "60+", 20),
                new Cell(Dimension.DISABILITY, "WITH_DISABILITY", 0),
                new Cell(Dimension.DISABILITY, "WITHOUT_DISABILITY", 100),
                new Cell(Dimension.DISABILITY, "NOT_STATED", 16),
                new Cell(Dimension.SEX, "FEMALE", 60), new Cell(Dimension.SEX, "MALE", 56));
        assertThat(Suppression.breakdown(cells, false)).extracting(d -> d.category() + "=" + text(d.count()))
                .containsExactly("0-4=<5", "5-11=<5", "18-59=90", "60+=20",
                        "WITH_DISABILITY=<5", "WITHOUT_DISABILITY=100", "NOT_STATED=<5",
                        "FEMALE=60", "MALE=56");
    }

    @Test
    void aSingleCellDimensionIsHiddenWhenSmallAndTheOwnerSeesEverythingExactly() {
        List<Cell> cells = List.of(new Cell(Dimension.SEX, "FEMALE", 4), new Cell(Dimension.SEX, "MALE", 9));
        assertThat(Suppression.breakdown(List.of(cells.get(0)), false)).extracting(d -> text(d.count()))
                .containsExactly("<5");
        assertThat(Suppression.breakdown(cells, false)).extracting(d -> text(d.count())).containsExactly("<5", "<5");
        assertThat(Suppression.breakdown(cells, true)).extracting(d -> text(d.count())).containsExactly("4", "9");
    }

    @Test
    void tiesPickOneComplementOnly() {
        List<Cell> cells = List.of(new Cell(Dimension.SEX, "FEMALE", 10), new Cell(Dimension.SEX, "MALE", 10),
                new Cell(Dimension.SEX, "OTHER", 1));
        assertThat(Suppression.breakdown(cells, false)).extracting(d -> text(d.count()))
                .containsExactly("<5", "10", "<5");
    }

    private static String text(Count c) {
        return c.value() == null ? c.suppressed() : c.value().toString();
    }
}
