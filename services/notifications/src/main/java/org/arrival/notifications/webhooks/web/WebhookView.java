package org.arrival.notifications.webhooks.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.arrival.notifications.webhooks.persistence.WebhookRepository.StoredWebhook;
import org.jspecify.annotations.Nullable;

/**
 * A webhook as the API shows it. {@code secret} is present only in the answer that created or rotated it; it is
 * never shown again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        UUID id,
        long version,
        UUID ownerId,
        String url,
        List<String> eventTypes,
        boolean active,
        int consecutiveFailures,
        @Nullable String disabledReason,
        @Nullable String secret,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public static WebhookView of(StoredWebhook w) {
        return withSecret(w, null);
    }

    public static WebhookView withSecret(StoredWebhook w, @Nullable String secret) {
        return new WebhookView(
                w.id(),
                w.version(),
                w.ownerOrg(),
                w.url(),
                w.eventTypes(),
                w.active(),
                w.failures(),
                w.disabledReason(),
                secret,
                w.createdAt(),
                w.createdBy(),
                w.updatedAt(),
                w.updatedBy());
    }
}
