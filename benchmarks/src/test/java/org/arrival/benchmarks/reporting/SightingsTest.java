package org.arrival.benchmarks.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.arrival.benchmarks.measure.Latencies;
import org.arrival.benchmarks.reporting.Sightings.Outcome;
import org.junit.jupiter.api.Test;

/** The freshness probe's bookkeeping, on made-up times (no clock, no timing). */
class SightingsTest {

    private static final long GIVE_UP = 30_000;

    @Test
    void anEffectSeenInTimeIsSeenOneSeenAfterTheGiveUpOrOnlyAtTheEndIsLateAndOneNeverFoundIsMissing() {
        assertThat(Sightings.outcome(1_000, 1_500, false, GIVE_UP)).isEqualTo(Outcome.SEEN);
        assertThat(Sightings.outcome(1_000, 31_000, false, GIVE_UP)).isEqualTo(Outcome.SEEN);
        assertThat(Sightings.outcome(1_000, 31_001, false, GIVE_UP)).isEqualTo(Outcome.LATE);
        assertThat(Sightings.outcome(1_000, 0, true, GIVE_UP)).isEqualTo(Outcome.LATE);
        assertThat(Sightings.outcome(1_000, 0, false, GIVE_UP)).isEqualTo(Outcome.MISSING);
    }

    @Test
    void thePollerAsksAboutTheOldestOpenProbeThenTheNext() {
        Sightings s = new Sightings(GIVE_UP);
        assertThat(s.next(0)).isNull();
        s.written("a", 1_000);
        s.written("b", 2_000);
        s.written("c", 3_000);
        assertThat(s.next(4_000)).isEqualTo("a");
        assertThat(s.fromOn("a")).isEqualTo(3);
        assertThat(s.fromOn("c")).isEqualTo(1);
        assertThat(s.fromOn("unknown")).isZero();

        // an answer may show several probes; an id of no probe is ignored
        s.seen("a", 5_000);
        s.seen("b", 5_000);
        s.seen("elsewhere", 5_000);
        assertThat(s.next(6_000)).isEqualTo("c");
        // the first sighting counts
        s.seen("a", 9_000);

        // "c" given up: nothing is open any more, and it stays unseen for the final check
        assertThat(s.next(3_000 + GIVE_UP + 1)).isNull();
        assertThat(s.unseen()).containsExactly("c");
        assertThat(s.probes()).isEqualTo(3);
    }

    @Test
    void theTallyRecordsTheEffectsSeenInTimeAndCountsTheLateAndTheMissing() {
        Sightings s = new Sightings(GIVE_UP);
        s.written("seen", 1_000);
        s.written("seen-late", 2_000);
        s.written("found-at-the-end", 3_000);
        s.written("missing", 4_000);
        s.seen("seen", 1_250);
        s.seen("seen-late", 2_000 + GIVE_UP + 1);
        assertThat(s.unseen()).containsExactly("found-at-the-end", "missing");

        Latencies latencies = new Latencies();
        Sightings.Tally t = s.tally(Set.of("found-at-the-end"), latencies);

        assertThat(t.late()).isEqualTo(2);
        assertThat(t.missing()).isEqualTo(1);
        assertThat(t.missingIds()).containsExactly("missing");
        assertThat(latencies.summary().count()).isEqualTo(1);
        assertThat(latencies.summary().max()).isEqualTo(250);
    }
}
