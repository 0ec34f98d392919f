package org.arrival.platform.messaging.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.arrival.platform.messaging.health.OutboxBacklog;
import org.junit.jupiter.api.Test;

class OutboxMetersTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void theLeaderGaugeIsOneWhileThisInstanceHoldsTheRelaysLockAndZeroOtherwise() {
        AtomicBoolean leader = new AtomicBoolean(false);
        new OutboxMeters(() -> new OutboxBacklog.Backlog(0, Duration.ZERO), Duration.ZERO, leader::get)
                .bindTo(registry);

        assertThat(registry.get("arrival.outbox.relay.leader").gauge().value()).isZero();
        leader.set(true);
        assertThat(registry.get("arrival.outbox.relay.leader").gauge().value()).isEqualTo(1.0);
        leader.set(false);
        assertThat(registry.get("arrival.outbox.relay.leader").gauge().value()).isZero();
    }

    @Test
    void theBacklogGaugesShowThePendingRowsAndTheOldestsAgeInSeconds() {
        new OutboxMeters(() -> new OutboxBacklog.Backlog(7, Duration.ofMillis(2500)), Duration.ZERO, () -> true)
                .bindTo(registry);

        assertThat(registry.get("arrival.outbox.backlog").gauge().value()).isEqualTo(7.0);
        assertThat(registry.get("arrival.outbox.oldest.age").gauge().value()).isEqualTo(2.5);
        assertThat(registry.get("arrival.outbox.oldest.age").gauge().getId().getBaseUnit())
                .isEqualTo("seconds");
    }

    @Test
    void anUnreadableOutboxIsNotANumberAndIsReadAgainLater() {
        AtomicInteger reads = new AtomicInteger();
        new OutboxMeters(
                        () -> {
                            if (reads.incrementAndGet() == 1) {
                                throw new IllegalStateException("database away");
                            }
                            return new OutboxBacklog.Backlog(3, Duration.ZERO);
                        },
                        Duration.ZERO,
                        () -> false)
                .bindTo(registry);

        assertThat(registry.get("arrival.outbox.backlog").gauge().value()).isNaN();
        assertThat(registry.get("arrival.outbox.backlog").gauge().value()).isEqualTo(3.0);
    }

    @Test
    void deadLettersAreCountedByTheirTopicFromZero() {
        DeadLetterMeters meters = new DeadLetterMeters(() -> registry, java.util.List.of("a.v1", "b.v1"));
        meters.bindTo(registry);
        meters.accept("a.v1");

        assertThat(registry.get("arrival.deadletters")
                        .tag("topic", "a.v1")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("arrival.deadletters")
                        .tag("topic", "b.v1")
                        .counter()
                        .count())
                .isZero();
    }
}
