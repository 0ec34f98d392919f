package org.arrival.platform.messaging.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.arrival.platform.messaging.health.OutboxBacklog;
import org.jspecify.annotations.Nullable;

/**
 * The outbox as gauges, as scraped at {@code /actuator/prometheus}:
 * <ul>
 * <li>{@code arrival.outbox.backlog} ({@code arrival_outbox_backlog}): rows not yet published;</li>
 * <li>{@code arrival.outbox.oldest.age} ({@code arrival_outbox_oldest_age_seconds}): how long the oldest of them has
 * waited, 0 when none;</li>
 * <li>{@code arrival.outbox.relay.leader} ({@code arrival_outbox_relay_leader}): 1 while this instance holds the
 * relay's lock and publishes, else 0 (across a service's instances the sum is 1).</li>
 * </ul>
 * The backlog is read at most once per {@code cacheFor}, however often it is scraped; NaN while unreadable.
 */
public class OutboxMeters implements MeterBinder {

    private final OutboxBacklog backlog;
    private final Duration cacheFor;
    private final BooleanSupplier leader;
    private @Nullable Measured last;

    public OutboxMeters(OutboxBacklog backlog, Duration cacheFor, BooleanSupplier leader) {
        this.backlog = backlog;
        this.cacheFor = cacheFor;
        this.leader = leader;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("arrival.outbox.backlog", this, m -> m.measured().pending())
                .description("Outbox events not yet published to Kafka")
                .strongReference(true)
                .register(registry);
        Gauge.builder("arrival.outbox.oldest.age", this, m -> m.measured().oldestAgeSeconds())
                .description("How long the oldest unpublished outbox event has waited")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
        Gauge.builder("arrival.outbox.relay.leader", this, m -> m.leader.getAsBoolean() ? 1 : 0)
                .description("1 while this instance holds the outbox relay's lock and publishes, else 0")
                .strongReference(true)
                .register(registry);
    }

    private synchronized Measured measured() {
        long now = System.nanoTime();
        Measured m = last;
        if (m != null && now - m.at() < cacheFor.toNanos()) {
            return m;
        }
        try {
            OutboxBacklog.Backlog b = backlog.measure();
            m = new Measured(now, b.pending(), b.oldestAge().toMillis() / 1000.0);
        } catch (RuntimeException e) {
            m = new Measured(now, Double.NaN, Double.NaN);
        }
        last = m;
        return m;
    }

    private record Measured(long at, double pending, double oldestAgeSeconds) {}
}
