package org.arrival.notifications.delivery;

import org.jspecify.annotations.Nullable;

/**
 * What happened to one attempt.
 *
 * @param delivered the receiver accepted it
 * @param retryable worth trying again later (timeouts, 5xx, refused connections); false gives up at once
 * @param status the receiver's status code where there is one (HTTP status, SMTP reply)
 * @param error what went wrong, for the delivery log
 */
public record DeliveryOutcome(
        boolean delivered,
        boolean retryable,
        @Nullable Integer status,
        @Nullable String error) {

    public static DeliveryOutcome delivered(Integer status) {
        return new DeliveryOutcome(true, false, status, null);
    }

    public static DeliveryOutcome retryLater(@Nullable Integer status, @Nullable String error) {
        return new DeliveryOutcome(false, true, status, error);
    }

    public static DeliveryOutcome giveUp(@Nullable Integer status, @Nullable String error) {
        return new DeliveryOutcome(false, false, status, error);
    }
}
