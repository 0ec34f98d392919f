package org.arrival.notifications.webhooks.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code arrival.notifications.webhooks.*}: whether loopback targets are allowed (local development and tests
 * only), after how many consecutive failed deliveries a webhook is disabled, and how long one call may take.
 */
@ConfigurationProperties("arrival.notifications.webhooks")
public record WebhookProperties(boolean allowLoopback, Integer disableAfter, Duration timeout) {

    public WebhookProperties {
        disableAfter = disableAfter == null || disableAfter < 1 ? 10 : disableAfter;
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofSeconds(10) : timeout;
    }
}
