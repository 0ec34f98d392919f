package org.arrival.notifications.webhooks.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.arrival.notifications.webhooks.persistence.WebhookRepository.DeliveryLine;
import org.jspecify.annotations.Nullable;

/**
 * One delivery of a webhook: PENDING, SENT, FAILED (will retry at {@code nextAttemptAt}) or DEAD (gave up), how
 * often it was tried, the receiver's last HTTP status and the last error.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(
        UUID id,
        String eventId,
        String target,
        String status,
        int attempts,
        @Nullable Integer lastStatus,
        @Nullable String lastError,
        @Nullable Instant nextAttemptAt,
        Instant createdAt,
        @Nullable Instant sentAt) {

    public static DeliveryView of(DeliveryLine d) {
        boolean waiting = d.status().equals("PENDING") || d.status().equals("FAILED");
        return new DeliveryView(
                d.id(),
                d.eventId(),
                d.target(),
                d.status(),
                d.attempts(),
                d.lastStatus(),
                d.lastError(),
                waiting ? d.nextAttemptAt() : null,
                d.createdAt(),
                d.sentAt());
    }
}
