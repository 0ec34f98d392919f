package org.arrival.notifications.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A notification in a user's inbox; {@code personal} is false for one addressed to their whole organisation.
 * {@code code} and {@code parameters} say what happened in no language (the event's simple name, such as
 * {@code ProgressReported}, and the names, titles, codes, dates and numbers its wording needs), for clients that
 * word it in their reader's language; {@code title} and {@code body} are its English wording. Notifications routed
 * before codes were kept have none ({@code code} absent, {@code parameters} empty).
 */
public record InboxItem(
        UUID id,
        String eventType,
        String subjectId,
        @Nullable String code,
        Map<String, Object> parameters,
        String title,
        String body,
        String link,
        String classification,
        boolean personal,
        Instant occurredAt,
        Instant createdAt,
        boolean read,
        @Nullable Instant readAt) {}
