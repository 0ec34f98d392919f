package org.arrival.assessments.population.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.arrival.assessments.population.domain.Suppression.ShownCounts;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.assessments.Disaggregation;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;

/**
 * Statistical disclosure control of estimates, for generated estimates, breakdowns and series (finding 3 of issue
 * 13): whatever a reader other than the owner subtracts from what it is shown (registered from estimated, a cell or
 * several from the total, one value of a series from the next) never comes out as a value from 1 to 4, and the people
 * hidden behind a breakdown's remainder are never a group of 1 to 4. Counts are drawn mostly small, where the risk is.
 */
class DisclosurePropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    // ---- generated estimates

    @Provide
    Arbitrary<EstimateDetails> estimates() {
        Arbitrary<Integer> totals = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 1_000_000));
        return totals.flatMap(total -> Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 2 * total + 10).injectNull(0.3),
                        breakdown(total, Dimension.SEX),
                        breakdown(total, Dimension.AGE_BAND),
                        breakdown(total, Dimension.DISABILITY))
                .as((withEstimate, registered, sex, age, disability) -> {
                    List<Cell> cells = new ArrayList<>(sex);
                    cells.addAll(age);
                    cells.addAll(disability);
                    // the total a breakdown divides is the estimate, or the registered count when there is none
                    Integer estimated = withEstimate ? Integer.valueOf(total) : null;
                    Integer reg = withEstimate ? registered : Integer.valueOf(total);
                    return new EstimateDetails(
                                    "series",
                                    new Jurisdiction("UG", "UG-C", null, "Kampala"),
                                    PopulationGroup.REFUGEES,
                                    reg,
                                    estimated,
                                    cells,
                                    "generated",
                                    null,
                                    TODAY,
                                    DataClassification.FORUM,
                                    List.of())
                            .validated(TODAY);
                }));
    }

    /** Some of the dimension's categories, with counts often small, adding up to at most the total. */
    private static Arbitrary<List<Cell>> breakdown(int total, Dimension dimension) {
        List<String> categories = dimension.categories();
        Arbitrary<Integer> count = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, total));
        return Arbitraries.integers()
                .between(0, categories.size())
                .flatMap(given -> count.list().ofSize(given).map(counts -> {
                    List<Cell> cells = new ArrayList<>();
                    long sum = 0;
                    for (int i = 0; i < counts.size() && sum + counts.get(i) <= total; i++) {
                        sum += counts.get(i);
                        cells.add(new Cell(dimension, categories.get(i), counts.get(i)));
                    }
                    return cells;
                }));
    }

    @Property(tries = 1000)
    void everyCountOthersSeeIsSuppressedOrAMultipleOfFiveWithinTwoOfTheTruth(
            @ForAll("estimates") EstimateDetails estimate) {
        ShownCounts shown = Suppression.of(estimate, false);
        check(shown.registered(), estimate.registered());
        check(shown.estimated(), estimate.estimated());
        for (int i = 0; i < estimate.breakdown().size(); i++) {
            Count c = shown.breakdown().get(i).count();
            int exact = estimate.breakdown().get(i).count();
            check(c, exact);
        }
    }

    private static void check(Count shown, Integer exact) {
        if (exact == null) {
            assertThat(shown).isNull();
            return;
        }
        if (shown.value() == null) {
            assertThat(shown.suppressed()).isEqualTo("<5");
            return;
        }
        assertThat(exact).as("a count shown as a number is not small").isGreaterThanOrEqualTo(5);
        assertThat(shown.value() % 5).isZero();
        assertThat(Math.abs(shown.value() - exact)).isLessThanOrEqualTo(2);
    }

    @Property(tries = 1000)
    void noDifferenceBetweenTwoCountsOthersSeeIsFromOneToFour(@ForAll("estimates") EstimateDetails estimate) {
        List<Integer> values = numbers(Suppression.of(estimate, false));
        for (int a : values) {
            for (int b : values) {
                assertThat(Math.abs(a - b)).as("%d - %d of %s", a, b, values).isNotIn(1, 2, 3, 4);
            }
        }
    }

    @Property(tries = 1000)
    void theRemainderOfABreakdownNeverRevealsOneToFourPeople(@ForAll("estimates") EstimateDetails estimate) {
        ShownCounts shown = Suppression.of(estimate, false);
        Count total = estimate.estimated() != null ? shown.estimated() : shown.registered();
        Map<String, List<Integer>> byDimension = new java.util.LinkedHashMap<>();
        for (int i = 0; i < estimate.breakdown().size(); i++) {
            byDimension
                    .computeIfAbsent(estimate.breakdown().get(i).dimension().name(), d -> new ArrayList<>())
                    .add(i);
        }
        for (List<Integer> cells : byDimension.values()) {
            // what a reader works out: the shown total less the shown cells
            if (total.value() != null) {
                int remainder = total.value()
                        - cells.stream()
                                .map(i -> shown.breakdown().get(i).count())
                                .filter(c -> c.value() != null)
                                .mapToInt(Count::value)
                                .sum();
                assertThat(Math.abs(remainder)).as("shown remainder").isNotIn(1, 2, 3, 4);
            }
            // who is really behind that remainder: the hidden cells and the people no cell accounts for
            int truth = estimate.total()
                    - cells.stream()
                            .filter(i -> shown.breakdown().get(i).count().value() != null)
                            .mapToInt(i -> estimate.breakdown().get(i).count())
                            .sum();
            if (total.value() != null) {
                assertThat(truth)
                        .as("people behind the remainder of %s", describe(estimate, shown))
                        .isNotIn(1, 2, 3, 4);
            }
        }
    }

    @Property(tries = 1000)
    void consecutiveValuesOfASeriesNeverDifferByOneToFour(
            @ForAll @Size(min = 2, max = 12) List<@IntRange(min = 0, max = 120) Integer> series) {
        List<Count> shown =
                series.stream().map(v -> Suppression.count(v, false)).toList();
        for (int i = 1; i < shown.size(); i++) {
            Count before = shown.get(i - 1);
            Count after = shown.get(i);
            if (before.value() != null && after.value() != null) {
                assertThat(Math.abs(after.value() - before.value()))
                        .as("%s", series)
                        .isNotIn(1, 2, 3, 4);
            }
        }
    }

    @Property(tries = 500)
    void theOwnerSeesEveryCountExactly(@ForAll("estimates") EstimateDetails estimate) {
        ShownCounts own = Suppression.of(estimate, true);
        assertThat(own.registered()).isEqualTo(estimate.registered() == null ? null : Count.of(estimate.registered()));
        assertThat(own.estimated()).isEqualTo(estimate.estimated() == null ? null : Count.of(estimate.estimated()));
        assertThat(own.breakdown())
                .extracting(d -> d.count().value())
                .containsExactlyElementsOf(
                        estimate.breakdown().stream().map(Cell::count).toList());
    }

    // ---- the cases found from the outside

    @Example
    void tenEstimatedAgainstSevenRegisteredAreShownAsTenAndFive() {
        ShownCounts shown = Suppression.of(estimate(7, 10, List.of()), false);
        assertThat(shown.registered()).isEqualTo(Count.of(5));
        assertThat(shown.estimated()).isEqualTo(Count.of(10));
    }

    @Example
    void aTotalOfThirtyWithOneShownCellOfTwentySevenHidesTheCell() {
        ShownCounts shown = Suppression.of(estimate(null, 30, List.of(new Cell(Dimension.SEX, "FEMALE", 27))), false);
        assertThat(shown.estimated()).isEqualTo(Count.of(30));
        assertThat(shown.breakdown()).extracting(Disaggregation::count).containsExactly(Count.hidden());
    }

    @Example
    void aSeriesFromOneHundredToOneHundredAndThreeIsShownFromOneHundredToOneHundredAndFive() {
        assertThat(Suppression.count(100, false)).isEqualTo(Count.of(100));
        assertThat(Suppression.count(103, false)).isEqualTo(Count.of(105));
    }

    private static EstimateDetails estimate(Integer registered, Integer estimated, List<Cell> cells) {
        return new EstimateDetails(
                        null,
                        new Jurisdiction("UG", null, null, null),
                        PopulationGroup.REFUGEES,
                        registered,
                        estimated,
                        cells,
                        "test",
                        null,
                        TODAY,
                        null,
                        null)
                .validated(TODAY);
    }

    private static List<Integer> numbers(ShownCounts shown) {
        List<Count> all = new ArrayList<>();
        all.add(shown.registered());
        all.add(shown.estimated());
        shown.breakdown().forEach(d -> all.add(d.count()));
        return all.stream()
                .filter(c -> c != null && c.value() != null)
                .map(Count::value)
                .toList();
    }

    private static String describe(EstimateDetails estimate, ShownCounts shown) {
        return "registered " + estimate.registered() + ", estimated " + estimate.estimated() + ", cells "
                + estimate.breakdown().stream()
                        .map(c -> c.category() + "=" + c.count())
                        .collect(Collectors.joining(" "))
                + " shown " + shown;
    }
}
