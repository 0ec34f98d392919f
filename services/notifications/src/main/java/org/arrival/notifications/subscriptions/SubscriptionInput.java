package org.arrival.notifications.subscriptions;

import java.util.List;
import java.util.UUID;

import org.arrival.contracts.common.Sector;

/**
 * A subscription as sent to create or replace it.
 *
 * @param scope USER (default: the caller) or ORGANISATION (organisation administrators)
 * @param address the e-mail address, for EMAIL only
 * @param webhookId one of the caller's organisation's webhooks, for WEBHOOK only
 * @param frequency IMMEDIATE (default) or DAILY_DIGEST (EMAIL only)
 */
public record SubscriptionInput(Scope scope, Channel channel, String address, UUID webhookId, Frequency frequency,
        FilterInput filter) {

    /** Filter keys; all optional. */
    public record FilterInput(List<UUID> forums, List<UUID> organisations, List<Sector> sectors, List<String> areas,
            List<UUID> records, List<String> eventTypes) {
    }
}
