package org.arrival.benchmarks.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        Latencies l = new Latencies();
        // recorded out of order on purpose
        LongStream.rangeClosed(1, 100).map(i -> 101 - i).forEach(l::record);
        Latencies.Summary s = l.summary();
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.p50()).isEqualTo(50);
        assertThat(s.p95()).isEqualTo(95);
        assertThat(s.p99()).isEqualTo(99);
        assertThat(s.max()).isEqualTo(100);
        assertThat(s.mean()).isEqualTo(50); // 50.5 truncated
    }

    @Test
    void aFewValuesGiveTheValueAtTheRankAbove() {
        long[] ascending = {10, 20, 30};
        assertThat(Latencies.percentile(ascending, 50)).isEqualTo(20); // rank ceil(1.5) = 2
        assertThat(Latencies.percentile(ascending, 95)).isEqualTo(30);
        assertThat(Latencies.percentile(ascending, 33)).isEqualTo(10); // rank ceil(0.99) = 1
        assertThat(Latencies.percentile(ascending, 34)).isEqualTo(20);
        assertThat(Latencies.percentile(new long[] {7}, 99)).isEqualTo(7);
    }

    @Test
    void oneSlowRequestInAHundredIsTheMaximumButNotTheP99() {
        Latencies l = new Latencies();
        for (int i = 0; i < 99; i++) {
            l.record(1_000_000);
        }
        l.record(900_000_000);
        assertThat(l.summary().p99()).isEqualTo(1_000_000);
        assertThat(l.summary().max()).isEqualTo(900_000_000);
        l.record(900_000_000);
        assertThat(l.summary().p99()).isEqualTo(900_000_000); // 2 of 101 are slow: rank 100 is slow
    }

    @Test
    void emptyRunsAndBadArguments() {
        assertThat(new Latencies().summary()).isEqualTo(Latencies.Summary.EMPTY);
        assertThat(Latencies.Summary.EMPTY.millis()).isEqualTo("-");
        assertThatThrownBy(() -> Latencies.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latencies.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latencies.percentile(new long[] {1}, 100.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Latencies().record(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordsFromManyThreadsAreAllKept() throws InterruptedException {
        Latencies l = new Latencies();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 8; t++) {
                pool.submit(() -> {
                    for (int i = 1; i <= 10_000; i++) {
                        l.record(i);
                    }
                });
            }
        }
        Latencies.Summary s = l.summary();
        assertThat(s.count()).isEqualTo(80_000);
        assertThat(s.p50()).isEqualTo(5_000);
        assertThat(s.max()).isEqualTo(10_000);
    }

    @Test
    void summaryInMilliseconds() {
        Latencies l = new Latencies();
        l.record(2_340_000);
        assertThat(l.summary().millis()).isEqualTo("2.3 / 2.3 / 2.3");
        l.record(250_400_000);
        l.record(250_400_000);
        assertThat(l.summary().millis()).isEqualTo("250 / 250 / 250");
    }
}
