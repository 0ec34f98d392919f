package org.arrival.notifications.inbox;

import java.time.Instant;
import java.util.UUID;

/** A notification in a user's inbox; {@code personal} is false for one addressed to their whole organisation. */
public record InboxItem(UUID id, String eventType, String subjectId, String title, String body, String link,
        String classification, boolean personal, Instant occurredAt, Instant createdAt, boolean read,
        Instant readAt) {
}
