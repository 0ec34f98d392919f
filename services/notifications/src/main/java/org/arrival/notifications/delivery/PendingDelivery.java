package org.arrival.notifications.delivery;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A delivery row that is due: where to, what, and how often it was tried already. */
public record PendingDelivery(
        UUID id,
        String channel,
        @Nullable UUID subscriptionId,
        @Nullable UUID webhookId,
        String eventId,
        String target,
        @Nullable String subject,
        String payload,
        int attempts) {}
