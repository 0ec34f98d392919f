package org.arrival.notifications.subscriptions;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A subscription as the API shows it; {@code language} is the one its e-mails and digests are worded in. */
public record SubscriptionView(
        UUID id,
        long version,
        Scope scope,
        UUID organisationId,
        @Nullable String userId,
        Channel channel,
        @Nullable String address,
        @Nullable UUID webhookId,
        Frequency frequency,
        SubscriptionFilter filter,
        String language,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public static SubscriptionView of(Subscription s) {
        return new SubscriptionView(
                s.id(),
                s.version(),
                s.scope(),
                s.ownerOrg(),
                s.userId(),
                s.channel(),
                s.address(),
                s.webhookId(),
                s.frequency(),
                s.filter(),
                s.language(),
                s.createdAt(),
                s.createdBy(),
                s.updatedAt(),
                s.updatedBy());
    }
}
