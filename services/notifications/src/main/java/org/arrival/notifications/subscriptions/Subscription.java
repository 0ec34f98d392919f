package org.arrival.notifications.subscriptions;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored subscription; {@code userId} is null for one of a whole organisation. {@code language} is the language
 * tag its e-mails and digests are worded in.
 */
public record Subscription(
        UUID id,
        long version,
        UUID ownerOrg,
        @Nullable String userId,
        Channel channel,
        @Nullable String address,
        @Nullable UUID webhookId,
        Frequency frequency,
        SubscriptionFilter filter,
        String language,
        boolean active,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public Scope scope() {
        return userId == null ? Scope.ORGANISATION : Scope.USER;
    }
}
