package org.arrival.notifications.delivery;

import java.util.UUID;

/** A delivery row that is due: where to, what, and how often it was tried already. */
public record PendingDelivery(UUID id, String channel, UUID subscriptionId, UUID webhookId, String eventId,
        String target, String subject, String payload, int attempts) {
}
