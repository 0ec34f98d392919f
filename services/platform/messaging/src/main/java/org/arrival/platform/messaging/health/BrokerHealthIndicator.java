package org.arrival.platform.messaging.health;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code broker}: UP when the Kafka cluster answers {@code describeCluster} within {@code brokerTimeout}, with
 * the cluster id, the number of brokers and the response time; DOWN otherwise. Cached for {@code cacheFor}.
 */
public class BrokerHealthIndicator implements HealthIndicator {

    private final BrokerAdmin admin;
    private final Duration timeout;
    private final CachedHealth cached;

    public BrokerHealthIndicator(BrokerAdmin admin, Duration timeout, Duration cacheFor) {
        this.admin = admin;
        this.timeout = timeout;
        this.cached = new CachedHealth(cacheFor, this::measure);
    }

    @Override
    public Health health() {
        return cached.get();
    }

    /** Whether the last look (within {@code cacheFor}) found the broker. */
    boolean reachable() {
        return Status.UP.equals(health().getStatus());
    }

    private Health measure() {
        long start = System.nanoTime();
        try {
            DescribeClusterResult cluster =
                    admin.admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            Collection<Node> nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up()
                    .withDetail("clusterId", clusterId)
                    .withDetail("brokers", nodes.size())
                    .withDetail("responseTimeMs", (System.nanoTime() - start) / 1_000_000)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable("interrupted");
        } catch (TimeoutException e) {
            return unreachable("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return unreachable(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (RuntimeException e) {
            return unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Health unreachable(String why) {
        return Health.down()
                .withDetail("error", "Kafka broker unreachable: " + why)
                .withDetail("timeoutMs", timeout.toMillis())
                .build();
    }
}
