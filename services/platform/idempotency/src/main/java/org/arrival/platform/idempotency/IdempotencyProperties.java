package org.arrival.platform.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a write sent with an {@code Idempotency-Key} is remembered.
 *
 * @param retention how long after it started a request's answer is replayed to retries (24 hours); after that the
 *     key is free again and expired rows are deleted
 * @param abandonAfter how long a request may stay in progress before a retry may take its key over (a service
 *     that stopped in the middle of a request never finishes it); 10 minutes, longer than any write may run (a
 *     spreadsheet's confirmation may take 5)
 */
@ConfigurationProperties("arrival.idempotency")
public record IdempotencyProperties(Duration retention, Duration abandonAfter) {

    public IdempotencyProperties {
        retention = retention == null ? Duration.ofHours(24) : retention;
        abandonAfter = abandonAfter == null ? Duration.ofMinutes(10) : abandonAfter;
    }
}
