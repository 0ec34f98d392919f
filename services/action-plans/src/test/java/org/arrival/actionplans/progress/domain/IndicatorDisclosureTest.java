package org.arrival.actionplans.progress.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.IndicatorValue;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.platform.web.InvalidInput;
import org.junit.jupiter.api.Test;

/**
 * Indicators that count people under disclosure control (issue 13, finding 3): a people-unit indicator with target 4
 * and actual 3 was shown raw, so a reader (and the forum's 3W export, through events) learnt that three people were
 * reached. Now no value from 1 to 4, nor any difference between shown values, is ever shown.
 */
class IndicatorDisclosureTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 10);

    @Test
    void aTargetOfFourAndAnActualOfThreeAreSuppressedNotShown() {
        IndicatorValue shown = IndicatorDisclosure.shown(
                new IndicatorValue("Survivors referred to the safe house", "people", 0.0, 4.0, 3.0));
        assertThat(shown.baseline()).isNull();
        assertThat(shown.target()).isNull();
        assertThat(shown.actual()).isNull();
        assertThat(shown.suppressed()).containsExactly("baseline", "target", "actual");
    }

    @Test
    void otherCountsAreRoundedToFiveAndOtherUnitsShownAsTheyAre() {
        IndicatorValue people = IndicatorDisclosure.shown(
                new IndicatorValue("Households using the water point", "Number of households", 252.0, 600.0, 483.0));
        assertThat(List.of(people.baseline(), people.target(), people.actual())).containsExactly(250.0, 600.0, 485.0);
        assertThat(people.suppressed()).isNull();
        IndicatorValue desks = new IndicatorValue("Referral desks open", "desks", 0.0, 4.0, 3.0);
        assertThat(IndicatorDisclosure.shown(desks)).isEqualTo(desks);
        IndicatorValue noUnit = new IndicatorValue("Share of schools waiving fees", null, 0.2, 0.5, 0.35);
        assertThat(IndicatorDisclosure.shown(noUnit)).isEqualTo(noUnit);
    }

    @Test
    void aReportCountingPeopleTakesOnlyWholeNumbersOfPeople() {
        ActionState action = new ActionState(
                UUID.randomUUID(),
                2,
                UUID.randomUUID(),
                ActionStatus.IN_PROGRESS,
                null,
                null,
                null,
                TODAY,
                DataClassification.FORUM,
                List.of());
        for (IndicatorValue bad : List.of(
                new IndicatorValue("Children enrolled", "children", null, null, 3.5),
                new IndicatorValue("Children enrolled", "children", -1.0, null, 3.0),
                new IndicatorValue("Children enrolled", "children", null, 1e11, 3.0))) {
            assertThatThrownBy(() -> Report.publish(
                            UUID.randomUUID(),
                            action,
                            new Report.Draft(
                                    LocalDate.of(2026, 6, 1),
                                    LocalDate.of(2026, 8, 31),
                                    30,
                                    Rag.GREEN,
                                    null,
                                    List.of(bad)),
                            TODAY))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("indicators[0].")
                    .hasMessageContaining("whole number");
        }
        Report fractionsElsewhere = Report.publish(
                UUID.randomUUID(),
                action,
                new Report.Draft(
                        LocalDate.of(2026, 6, 1),
                        LocalDate.of(2026, 8, 31),
                        30,
                        Rag.GREEN,
                        null,
                        List.of(new IndicatorValue("Litres per person per day", "litres", 7.5, 20.0, 12.25))),
                TODAY);
        assertThat(fractionsElsewhere.indicators().getFirst().actual()).isEqualTo(12.25);
    }

    @Test
    void aHeadCountIsAWholeNumberFromZeroToTenBillion() {
        for (double ok : new double[] {0.0, 1.0, 4.0, 5.0, 1e6, IndicatorDisclosure.MAX_PEOPLE}) {
            assertThat(IndicatorDisclosure.problem("people", ok)).as("%s", ok).isNull();
        }
        for (double bad :
                new double[] {-1.0, -0.5, 0.5, 3.5, IndicatorDisclosure.MAX_PEOPLE + 1, 1e11, Double.POSITIVE_INFINITY
                }) {
            assertThat(IndicatorDisclosure.problem(" Children ", bad))
                    .as("%s", bad)
                    .isEqualTo("counts people (unit 'Children'): must be a whole number from 0 to 10000000000");
        }
        // other units, and values not given, have no such rule
        assertThat(IndicatorDisclosure.problem("litres", 3.5)).isNull();
        assertThat(IndicatorDisclosure.problem("km", -2.0)).isNull();
        assertThat(IndicatorDisclosure.problem(null, -2.0)).isNull();
        assertThat(IndicatorDisclosure.problem("people", null)).isNull();
    }

    @Test
    void aListIsShownValueByValueInItsOrder() {
        IndicatorValue small = new IndicatorValue("Referred", "people", null, 4.0, 12.0);
        IndicatorValue desks = new IndicatorValue("Desks", "desks", 1.0, 2.0, 3.0);
        List<IndicatorValue> shown = IndicatorDisclosure.shown(List.of(small, desks));
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0).baseline()).isNull();
        assertThat(shown.get(0).target()).isNull();
        assertThat(shown.get(0).actual()).isEqualTo(10.0);
        assertThat(shown.get(0).suppressed()).containsExactly("target");
        assertThat(shown.get(0).name()).isEqualTo("Referred");
        assertThat(shown.get(0).unit()).isEqualTo("people");
        assertThat(shown.get(1)).isEqualTo(desks);
        assertThat(IndicatorDisclosure.shown(List.<IndicatorValue>of())).isEmpty();
        // five is shown, four is not
        IndicatorValue edge = IndicatorDisclosure.shown(new IndicatorValue("Reached", "people", 5.0, 4.0, 7.0));
        assertThat(List.of(edge.baseline(), edge.actual())).containsExactly(5.0, 5.0);
        assertThat(edge.suppressed()).containsExactly("target");
    }

    /**
     * Whatever the values of a people-unit indicator over two consecutive reports, no shown value is from 1 to 4,
     * and no difference between two shown values (within a report, or between the two reports) is from 1 to 4.
     */
    @Property(tries = 2000)
    void noShownValueNorAnyDifferenceBetweenShownValuesRevealsOneToFour(
            @ForAll("peopleCounts") List<IndicatorValue> series) {
        List<Double> shown = new ArrayList<>();
        for (IndicatorValue v : series) {
            IndicatorValue s = IndicatorDisclosure.shown(v);
            for (Double value : new Double[] {s.baseline(), s.target(), s.actual()}) {
                if (value != null) {
                    assertThat(value).as("a shown value").isGreaterThanOrEqualTo(5.0);
                    assertThat(value % 5).as("a shown value is a multiple of 5").isZero();
                    shown.add(value);
                }
            }
            int given = count(v.baseline()) + count(v.target()) + count(v.actual());
            int left = count(s.baseline()) + count(s.target()) + count(s.actual());
            assertThat(given - left)
                    .as("every value left out is named")
                    .isEqualTo(s.suppressed() == null ? 0 : s.suppressed().size());
        }
        for (double a : shown) {
            for (double b : shown) {
                assertThat(Math.abs(a - b))
                        .as("difference between %s and %s", a, b)
                        .matches(d -> d == 0 || d >= 5);
            }
        }
    }

    @Provide
    Arbitrary<List<IndicatorValue>> peopleCounts() {
        Arbitrary<Double> count = Arbitraries.oneOf(
                        Arbitraries.integers().between(0, 20),
                        Arbitraries.integers().between(0, 1_000_000))
                .map(Integer::doubleValue)
                .injectNull(0.15);
        Arbitrary<String> unit = Arbitraries.of(
                "people", "households", "Children", "number of refugees", "persons", "personnes", "# beneficiaries");
        Arbitrary<IndicatorValue> value = Combinators.combine(unit, count, count, count)
                .as((u, baseline, target, actual) -> new IndicatorValue("Reached", u, baseline, target, actual));
        return value.list().ofMinSize(1).ofMaxSize(2);
    }

    private static int count(Double value) {
        return value == null ? 0 : 1;
    }
}
