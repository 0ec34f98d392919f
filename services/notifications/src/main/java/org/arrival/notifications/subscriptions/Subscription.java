package org.arrival.notifications.subscriptions;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored subscription; {@code userId} is null for one of a whole organisation. {@code language} is the language
 * tag its e-mails and digests are worded in.
 */
public record Subscription(UUID id, long version, UUID ownerOrg, String userId, Channel channel, String address,
        UUID webhookId, Frequency frequency, SubscriptionFilter filter, String language, boolean active,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public Scope scope() {
        return userId == null ? Scope.ORGANISATION : Scope.USER;
    }
}
