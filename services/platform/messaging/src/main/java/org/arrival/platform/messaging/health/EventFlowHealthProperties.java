package org.arrival.platform.messaging.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of the event-flow health indicators ({@code arrival.messaging.health.*}).
 *
 * @param enabled whether the indicators are registered at all (default true)
 * @param brokerTimeout how long one look at the broker may take before it counts as unreachable (default 2 s);
 *        a probe's own timeout should be longer
 * @param cacheFor how long a measurement is reused, so frequent probes cost one broker round trip (default 5 s)
 * @param outboxMaxAge the oldest unpublished outbox row may be this old before the service is not ready
 *        (default 60 s)
 * @param maxLag records a consumer group may be behind the end of the topics it reads, summed over their
 *        partitions, before the service is not ready (default 10,000)
 */
@ConfigurationProperties("arrival.messaging.health")
public record EventFlowHealthProperties(
        Boolean enabled, Duration brokerTimeout, Duration cacheFor, Duration outboxMaxAge, Long maxLag) {

    public EventFlowHealthProperties {
        enabled = enabled == null || enabled;
        brokerTimeout = brokerTimeout == null ? Duration.ofSeconds(2) : brokerTimeout;
        cacheFor = cacheFor == null ? Duration.ofSeconds(5) : cacheFor;
        outboxMaxAge = outboxMaxAge == null ? Duration.ofSeconds(60) : outboxMaxAge;
        maxLag = maxLag == null ? 10_000L : maxLag;
    }
}
