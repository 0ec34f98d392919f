package org.arrival.benchmarks.reads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The closed loop sends exactly the requests asked for, from every user, and counts what failed apart. */
class ClosedLoopTest {

    @Test
    void sendsExactlyTheTotalWhateverTheUsers() {
        for (int users : new int[] {1, 3, 32}) {
            AtomicInteger sent = new AtomicInteger();
            ClosedLoop.Outcome outcome = ClosedLoop.run(users, 200, user -> {
                sent.incrementAndGet();
                return new ClosedLoop.Sample(200, 10, 1_000);
            });
            assertThat(sent).hasValue(200);
            assertThat(outcome.latencies().count()).isEqualTo(200);
            assertThat(outcome.perUser()).hasSize(users);
            assertThat(outcome.perUser().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(200);
            assertThat(outcome.failures()).isEmpty();
            assertThat(outcome.failureText()).isEqualTo("-");
        }
    }

    @Test
    void fewerRequestsThanUsersAreSentOnceEach() {
        AtomicInteger sent = new AtomicInteger();
        ClosedLoop.Outcome outcome = ClosedLoop.run(8, 3, user -> {
            sent.incrementAndGet();
            return new ClosedLoop.Sample(200, 0, 1);
        });
        assertThat(sent).hasValue(3);
        assertThat(outcome.latencies().count()).isEqualTo(3);
        assertThat(ClosedLoop.run(4, 0, user -> {
                            throw new AssertionError("nothing is sent");
                        })
                        .latencies()
                        .count())
                .isZero();
    }

    @Test
    void theUsersSendAtTheSameTime() {
        int users = 4;
        // each of the first four requests is answered only once all four are waiting: one user alone would stall
        CountDownLatch allWaiting = new CountDownLatch(users);
        ClosedLoop.Outcome outcome = ClosedLoop.run(users, 12, user -> {
            allWaiting.countDown();
            if (!allWaiting.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the users did not send together");
            }
            return new ClosedLoop.Sample(200, 0, 1);
        });
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.perUser())
                .hasSize(users)
                .allSatisfy(n -> assertThat(n).isPositive());
        assertThat(outcome.perUser().stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
    }

    @Test
    void failuresAreCountedByKindAndNotMeasured() {
        AtomicInteger n = new AtomicInteger();
        ClosedLoop.Outcome outcome = ClosedLoop.run(5, 100, user -> {
            int i = n.incrementAndGet();
            if (i % 10 == 0) {
                throw new IOException("connection reset");
            }
            if (i % 4 == 0) {
                return new ClosedLoop.Sample(503, 0, 5);
            }
            return new ClosedLoop.Sample(i % 2 == 0 ? 204 : 200, i, 7);
        });
        // 10 thrown; of the other 90, the multiples of 4 that are not multiples of 10 answer 503: 25 - 5
        assertThat(outcome.failures()).isEqualTo(Map.of("HTTP 503", 20, "IOException", 10));
        assertThat(outcome.failed()).isEqualTo(30);
        assertThat(outcome.shed()).as("the 503s: turned away, not failed").isEqualTo(20);
        assertThat(outcome.failureText()).isEqualTo("30 (HTTP 503 x20, IOException x10)");
        assertThat(outcome.latencies().count()).isEqualTo(70);
        assertThat(outcome.latencies().summary().max()).isEqualTo(7);
        assertThat(outcome.bytes()).isEqualTo(99);
    }
}
