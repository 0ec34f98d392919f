package org.arrival.platform.messaging.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ConsumerLagHealthIndicatorTest {

    private static final long BOUND = 10_000;

    @Test
    void upWhileEveryGroupIsWithinTheBound() {
        Health health = indicator(Map.of("forum-projection", lag(9_000, 1_000))).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("maxLag", BOUND);
        assertThat(health.getDetails().get("groups").toString()).contains("forum-projection", "lag=10000");
    }

    @Test
    void downWhenOneGroupIsFurtherBehindThanTheBound() {
        Map<String, ConsumerLag.GroupLag> groups = new LinkedHashMap<>();
        groups.put("notifications", lag(0, 0));
        groups.put("notifications-router", lag(10_001, 0));
        Health health = indicator(groups).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString())
                .isEqualTo("notifications-router is 10001 records behind (more than 10000)");
        assertThat(health.getDetails().get("groups").toString()).contains("notifications=", "lag=10001");
    }

    @Test
    void downWhenTheLagCannotBeMeasured() {
        Health health = new ConsumerLagHealthIndicator(
                        () -> {
                            throw new ExecutionException(
                                    new TimeoutException("Timed out waiting for a node assignment"));
                        },
                        BOUND,
                        () -> true,
                        Duration.ZERO)
                .health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString()).contains("TimeoutException", "node assignment");
    }

    @Test
    void notMeasuredWhileTheBrokerIsUnreachable() {
        Health health = new ConsumerLagHealthIndicator(
                        () -> {
                            throw new AssertionError("must not ask an unreachable broker");
                        },
                        BOUND,
                        () -> false,
                        Duration.ZERO)
                .health();
        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
    }

    private static ConsumerLag.GroupLag lag(long stakeholders, long forums) {
        Map<String, Long> byTopic = new LinkedHashMap<>();
        byTopic.put("arrival.registry.stakeholders.v1", stakeholders);
        byTopic.put("arrival.registry.forums.v1", forums);
        return new ConsumerLag.GroupLag(stakeholders + forums, byTopic);
    }

    private static ConsumerLagHealthIndicator indicator(Map<String, ConsumerLag.GroupLag> groups) {
        return new ConsumerLagHealthIndicator(() -> groups, BOUND, () -> true, Duration.ZERO);
    }
}
