package org.arrival.notifications.subscriptions;

import java.util.List;
import java.util.UUID;

import org.arrival.contracts.common.Sector;
import org.arrival.platform.web.NotFreeText;
import org.arrival.platform.web.OrganisationContact;

/**
 * A subscription as sent to create or replace it.
 *
 * @param scope USER (default: the caller) or ORGANISATION (organisation administrators)
 * @param address the e-mail address, for EMAIL only: a member's own work address or their office's mailbox
 * @param webhookId one of the caller's organisation's webhooks, for WEBHOOK only
 * @param frequency IMMEDIATE (default) or DAILY_DIGEST (EMAIL only)
 * @param language the language its e-mails and digests are worded in: {@code en} (default), {@code fr}, {@code es}
 *        or {@code ar} (a longer tag such as {@code fr-CA} counts as its language)
 */
public record SubscriptionInput(Scope scope, Channel channel, @OrganisationContact String address, UUID webhookId,
        Frequency frequency, FilterInput filter, @NotFreeText String language) {

    /** Filter keys; all optional. Area codes and event types are codes, not text people write. */
    public record FilterInput(List<UUID> forums, List<UUID> organisations, List<Sector> sectors,
            @NotFreeText List<String> areas, List<UUID> records, @NotFreeText List<String> eventTypes) {
    }
}
