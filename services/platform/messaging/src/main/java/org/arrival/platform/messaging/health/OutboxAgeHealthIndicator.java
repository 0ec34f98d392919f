package org.arrival.platform.messaging.health;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code outbox}: UP while the oldest unpublished outbox row is at most {@code outboxMaxAge} old, DOWN beyond:
 * events the service has committed are not reaching the broker (the relay is stuck, or no instance publishes).
 * Details: {@code pending}, {@code oldestAgeMs}, {@code maxAgeMs}.
 */
public class OutboxAgeHealthIndicator implements HealthIndicator {

    private final OutboxBacklog backlog;
    private final Duration maxAge;
    private final CachedHealth cached;

    public OutboxAgeHealthIndicator(OutboxBacklog backlog, Duration maxAge, Duration cacheFor) {
        this.backlog = backlog;
        this.maxAge = maxAge;
        this.cached = new CachedHealth(cacheFor, this::measure);
    }

    @Override
    public Health health() {
        return cached.get();
    }

    private Health measure() {
        OutboxBacklog.Backlog b;
        try {
            b = backlog.measure();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("error", "outbox not readable: " + e.getMessage())
                    .withDetail("maxAgeMs", maxAge.toMillis())
                    .build();
        }
        Health.Builder health = b.oldestAge().compareTo(maxAge) > 0
                ? Health.down()
                        .withDetail(
                                "error",
                                "the oldest unpublished event has waited "
                                        + b.oldestAge().toSeconds() + " s, longer than " + maxAge.toSeconds() + " s")
                : Health.up();
        return health.withDetail("pending", b.pending())
                .withDetail("oldestAgeMs", b.oldestAge().toMillis())
                .withDetail("maxAgeMs", maxAge.toMillis())
                .build();
    }
}
