package org.arrival.notifications.subscriptions;

import java.time.Instant;
import java.util.UUID;

/** A subscription as the API shows it. */
public record SubscriptionView(UUID id, long version, Scope scope, UUID organisationId, String userId,
        Channel channel, String address, UUID webhookId, Frequency frequency, SubscriptionFilter filter,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id(), s.version(), s.scope(), s.ownerOrg(), s.userId(), s.channel(),
                s.address(), s.webhookId(), s.frequency(), s.filter(), s.createdAt(), s.createdBy(), s.updatedAt(),
                s.updatedBy());
    }
}
