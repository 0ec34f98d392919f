package org.arrival.platform.messaging.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class OutboxAgeHealthIndicatorTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @Test
    void upWhileTheOldestPendingEventIsWithinTheBound() {
        Health health =
                indicator(new OutboxBacklog.Backlog(3, Duration.ofSeconds(12))).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("pending", 3L)
                .containsEntry("oldestAgeMs", 12_000L)
                .containsEntry("maxAgeMs", 60_000L);
    }

    @Test
    void upWithAnEmptyOutbox() {
        assertThat(indicator(new OutboxBacklog.Backlog(0, Duration.ZERO))
                        .health()
                        .getStatus())
                .isEqualTo(Status.UP);
    }

    @Test
    void downOnceTheOldestPendingEventIsOlderThanTheBound() {
        Health health = indicator(new OutboxBacklog.Backlog(250, Duration.ofSeconds(61)))
                .health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("pending", 250L).containsEntry("oldestAgeMs", 61_000L);
        assertThat(health.getDetails().get("error").toString()).contains("61 s", "60 s");
    }

    @Test
    void downWhenTheOutboxCannotBeRead() {
        Health health = new OutboxAgeHealthIndicator(
                        () -> {
                            throw new IllegalStateException("no connection");
                        },
                        BOUND,
                        Duration.ZERO)
                .health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString()).contains("no connection");
    }

    @Test
    void aMeasurementIsReusedWithinTheCachePeriod() {
        AtomicInteger reads = new AtomicInteger();
        OutboxAgeHealthIndicator indicator = new OutboxAgeHealthIndicator(
                () -> {
                    reads.incrementAndGet();
                    return new OutboxBacklog.Backlog(0, Duration.ZERO);
                },
                BOUND,
                Duration.ofMinutes(1));
        indicator.health();
        indicator.health();
        assertThat(reads).hasValue(1);
    }

    private static OutboxAgeHealthIndicator indicator(OutboxBacklog.Backlog backlog) {
        return new OutboxAgeHealthIndicator(() -> backlog, BOUND, Duration.ZERO);
    }
}
