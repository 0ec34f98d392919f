package org.arrival.notifications.subscriptions;

import java.util.List;
import java.util.UUID;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.web.NotFreeText;
import org.arrival.platform.web.OrganisationContact;
import org.jspecify.annotations.Nullable;

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
public record SubscriptionInput(
        @Nullable Scope scope,
        @Nullable Channel channel,
        @OrganisationContact @Nullable String address,
        @Nullable UUID webhookId,
        @Nullable Frequency frequency,
        @Nullable FilterInput filter,
        @NotFreeText @Nullable String language) {

    /** Filter keys; all optional. Area codes and event types are codes, not text people write. */
    public record FilterInput(
            @Nullable List<UUID> forums,
            @Nullable List<UUID> organisations,
            @Nullable List<Sector> sectors,
            @NotFreeText @Nullable List<String> areas,
            @Nullable List<UUID> records,
            @NotFreeText @Nullable List<String> eventTypes) {}
}
