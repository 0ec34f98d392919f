package org.arrival.platform.messaging.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code consumerLag}: UP while every consumer group of the service is at most {@code maxLag} records behind the
 * end of its topics, DOWN beyond. Details: {@code maxLag} and, per group, its total lag and lag per topic. While
 * the broker is unreachable it measures nothing and says UNKNOWN ({@code broker} already says DOWN).
 */
public class ConsumerLagHealthIndicator implements HealthIndicator {

    private final ConsumerLag lag;
    private final long maxLag;
    private final BooleanSupplier brokerReachable;
    private final CachedHealth cached;

    public ConsumerLagHealthIndicator(
            ConsumerLag lag, long maxLag, BooleanSupplier brokerReachable, java.time.Duration cacheFor) {
        this.lag = lag;
        this.maxLag = maxLag;
        this.brokerReachable = brokerReachable;
        this.cached = new CachedHealth(cacheFor, this::measure);
    }

    @Override
    public Health health() {
        return cached.get();
    }

    private Health measure() {
        if (!brokerReachable.getAsBoolean()) {
            return Health.unknown()
                    .withDetail("reason", "not measured: the broker is unreachable")
                    .withDetail("maxLag", maxLag)
                    .build();
        }
        Map<String, ConsumerLag.GroupLag> groups;
        try {
            groups = lag.measure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        } catch (Exception e) {
            Throwable cause =
                    e.getCause() != null && e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            return Health.down()
                    .withDetail(
                            "error",
                            "consumer lag not measurable: " + cause.getClass().getSimpleName() + ": "
                                    + cause.getMessage())
                    .withDetail("maxLag", maxLag)
                    .build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        StringBuilder behind = new StringBuilder();
        groups.forEach((group, g) -> {
            details.put(group, Map.of("lag", g.total(), "byTopic", g.byTopic()));
            if (g.total() > maxLag) {
                behind.append(behind.isEmpty() ? "" : "; ")
                        .append(group)
                        .append(" is ")
                        .append(g.total())
                        .append(" records behind");
            }
        });
        Health.Builder health = behind.isEmpty()
                ? Health.up()
                : Health.down().withDetail("error", behind + " (more than " + maxLag + ")");
        return health.withDetail("maxLag", maxLag).withDetail("groups", details).build();
    }
}
