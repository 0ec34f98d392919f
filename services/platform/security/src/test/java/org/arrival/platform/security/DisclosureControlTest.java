package org.arrival.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.arrival.contracts.assessments.Count;
import org.junit.jupiter.api.Test;

/** Counts of people as others see them: small ones suppressed, the rest rounded to base 5. */
class DisclosureControlTest {

    @Test
    void smallCountsAreSuppressedAndTheRestRoundedToTheNearestFive() {
        assertThat(DisclosureControl.shown(0)).isEqualTo(Count.hidden());
        assertThat(DisclosureControl.shown(4)).isEqualTo(Count.hidden());
        assertThat(DisclosureControl.shown(5)).isEqualTo(Count.of(5));
        assertThat(DisclosureControl.shown(7)).isEqualTo(Count.of(5));
        assertThat(DisclosureControl.shown(8)).isEqualTo(Count.of(10));
        assertThat(DisclosureControl.shown(12)).isEqualTo(Count.of(10));
        assertThat(DisclosureControl.shown(13)).isEqualTo(Count.of(15));
        assertThat(DisclosureControl.shown(99_997)).isEqualTo(Count.of(99_995));
        assertThat(DisclosureControl.count(7, true)).isEqualTo(Count.of(7));
        assertThat(DisclosureControl.count(null, false)).isNull();
    }

    @Test
    void theCasesOfTheProbeRevealNothing() {
        // registered 7 against estimated 10
        assertThat(difference(10, 7)).isNotIn(1, 2, 3, 4);
        // a total of 30 and a shown cell of 27
        assertThat(difference(30, 27)).isNotIn(1, 2, 3, 4);
        // a series from 100 to 103
        assertThat(difference(103, 100)).isNotIn(1, 2, 3, 4);
        // a people-unit indicator with target 4 and actual 3: both suppressed
        assertThat(DisclosureControl.shownQuantity(4.0)).isNull();
        assertThat(DisclosureControl.shownQuantity(3.0)).isNull();
        assertThat(DisclosureControl.shownQuantity(13.0)).isEqualTo(15.0);
        assertThat(DisclosureControl.shownQuantity(12.5)).isEqualTo(12.5);
    }

    @Property(tries = 2000)
    void noDifferenceOfTwoShownCountsIsBetweenOneAndFour(
            @ForAll @IntRange(min = 0, max = 1_000_000) int a, @ForAll @IntRange(min = 0, max = 1_000_000) int b) {
        Count x = DisclosureControl.shown(a);
        Count y = DisclosureControl.shown(b);
        if (x.value() != null && y.value() != null) {
            assertThat(Math.abs(x.value() - y.value()) % DisclosureControl.BASE).isZero();
        }
    }

    @Property(tries = 2000)
    void aShownCountIsWithinTwoOfTheTruth(@ForAll @IntRange(min = 5, max = 10_000_000) int value) {
        assertThat(Math.abs(DisclosureControl.shown(value).value() - value)).isLessThanOrEqualTo(2);
    }

    @Test
    void indicatorsCountingPeopleAreRecognisedByTheirUnit() {
        assertThat(DisclosureControl.countsPeople("people")).isTrue();
        assertThat(DisclosureControl.countsPeople("Households")).isTrue();
        assertThat(DisclosureControl.countsPeople("number of children")).isTrue();
        assertThat(DisclosureControl.countsPeople("ménages")).isTrue();
        assertThat(DisclosureControl.countsPeople("km")).isFalse();
        assertThat(DisclosureControl.countsPeople("UGX")).isFalse();
        assertThat(DisclosureControl.countsPeople(null)).isFalse();
    }

    @Test
    void theThresholdIsFiveExactly() {
        assertThat(DisclosureControl.small(4)).isTrue();
        assertThat(DisclosureControl.small(5)).isFalse();
        assertThat(DisclosureControl.small(0)).isTrue();
        assertThat(DisclosureControl.shown(3)).isEqualTo(Count.hidden());
        assertThat(DisclosureControl.shown(6)).isEqualTo(Count.of(5));
        assertThat(DisclosureControl.shown(10)).isEqualTo(Count.of(10));
        // halves round up: 7.5 is not a count, but 7 and 8 sit either side of it
        assertThat(DisclosureControl.rounded(7)).isEqualTo(5);
        assertThat(DisclosureControl.rounded(8)).isEqualTo(10);
        assertThat(DisclosureControl.rounded(1_000_002)).isEqualTo(1_000_000);
        assertThat(DisclosureControl.rounded(1_000_003)).isEqualTo(1_000_005);
    }

    @Test
    void aCountIsExactOnlyForThoseWhoMaySeeItExactly() {
        assertThat(DisclosureControl.count(3, true)).isEqualTo(Count.of(3));
        assertThat(DisclosureControl.count(3, false)).isEqualTo(Count.hidden());
        assertThat(DisclosureControl.count(12, false)).isEqualTo(Count.of(10));
        assertThat(DisclosureControl.count(12, true)).isEqualTo(Count.of(12));
        assertThat(DisclosureControl.count(null, true)).isNull();
    }

    @Test
    void quantitiesThatAreNotWholeCountsAreLeftAlone() {
        assertThat(DisclosureControl.shownQuantity(null)).isNull();
        assertThat(DisclosureControl.shownQuantity(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(DisclosureControl.shownQuantity(Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(DisclosureControl.shownQuantity(Double.NaN)).isNaN();
        assertThat(DisclosureControl.shownQuantity(0.0)).isNull();
        assertThat(DisclosureControl.shownQuantity(5.0)).isEqualTo(5.0);
        assertThat(DisclosureControl.shownQuantity(252.0)).isEqualTo(250.0);
    }

    @Test
    void everyWayOfWritingANumberOfPeopleIsRecognised() {
        assertThat(DisclosureControl.countsPeople("  Number of Refugees ")).isTrue();
        assertThat(DisclosureControl.countsPeople("nombre de familles")).isTrue();
        assertThat(DisclosureControl.countsPeople("número de niños")).isTrue();
        assertThat(DisclosureControl.countsPeople("# beneficiaries")).isTrue();
        assertThat(DisclosureControl.countsPeople("أسر")).isTrue();
        assertThat(DisclosureControl.countsPeople("head count")).isTrue();
        assertThat(DisclosureControl.countsPeople("number of desks")).isFalse();
        assertThat(DisclosureControl.countsPeople("nombre de bureaux")).isFalse();
        assertThat(DisclosureControl.countsPeople("número de escuelas")).isFalse();
        assertThat(DisclosureControl.countsPeople("# wells")).isFalse();
        // a prefix is only taken off once, and only at the start
        assertThat(DisclosureControl.countsPeople("number of number of people")).isFalse();
        assertThat(DisclosureControl.countsPeople("people reached, number of")).isFalse();
        assertThat(DisclosureControl.countsPeople("")).isFalse();
    }

    private static int difference(int a, int b) {
        return Math.abs(
                DisclosureControl.shown(a).value() - DisclosureControl.shown(b).value());
    }
}
