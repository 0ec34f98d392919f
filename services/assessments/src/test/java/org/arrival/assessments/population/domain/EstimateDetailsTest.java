package org.arrival.assessments.population.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.platform.web.InvalidInput;
import org.junit.jupiter.api.Test;

class EstimateDetailsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static EstimateDetails kampala(Integer registered, Integer estimated, List<Cell> cells, LocalDate asOf) {
        return new EstimateDetails(
                "kla-refugees",
                new Jurisdiction("UG", "UG-C", null, "Kampala"),
                PopulationGroup.REFUGEES,
                registered,
                estimated,
                cells,
                "UNHCR / OPM registration; KCCA survey",
                "registration plus household survey",
                asOf,
                null,
                null);
    }

    @Test
    void anEstimateWithRegisteredAndEstimatedCountsAndAFittingBreakdownIsAccepted() {
        EstimateDetails d = kampala(
                        100_000,
                        300_000,
                        List.of(new Cell(Dimension.SEX, "FEMALE", 160_000), new Cell(Dimension.SEX, "MALE", 140_000)),
                        TODAY)
                .validated(TODAY);
        assertThat(d.classification()).isEqualTo(DataClassification.FORUM);
        assertThat(d.total()).isEqualTo(300_000);
    }

    @Test
    void refusesMissingCountsFutureDatesUnknownCategoriesDuplicatesAndBreakdownsAboveTheTotal() {
        assertThatThrownBy(() -> kampala(null, null, List.of(), TODAY).validated(TODAY))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> kampala(10, null, List.of(), TODAY.plusDays(1)).validated(TODAY))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("asOf");
        assertThatThrownBy(() -> kampala(10, null, List.of(new Cell(Dimension.SEX, "18-59", 3)), TODAY)
                        .validated(TODAY))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("category");
        assertThatThrownBy(() -> kampala(
                                10,
                                null,
                                List.of(new Cell(Dimension.SEX, "MALE", 3), new Cell(Dimension.SEX, "MALE", 3)),
                                TODAY)
                        .validated(TODAY))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> kampala(
                                100,
                                300,
                                List.of(
                                        new Cell(Dimension.AGE_BAND, "0-4", 200),
                                        new Cell(Dimension.AGE_BAND, "18-59", 101)),
                                TODAY)
                        .validated(TODAY))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("more than the total of 300");
        assertThatThrownBy(() -> kampala(-1, null, List.of(), TODAY).validated(TODAY))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void namesWhatChanged() {
        EstimateDetails a = kampala(100, 300, List.of(), TODAY);
        EstimateDetails b = kampala(100, 310, List.of(), TODAY.minusDays(1));
        assertThat(a.changesTo(b)).containsExactly("estimated", "asOf");
        assertThat(a.changesTo(a)).isEmpty();
    }
}
