package org.arrival.notifications.delivery;

/**
 * A way out of the platform (e-mail, webhook). The delivery worker hands each due delivery of the channel to it
 * and records the outcome, retrying with backoff until it succeeds or runs out of attempts.
 */
public interface DeliveryChannel {

    /** {@code EMAIL} or {@code WEBHOOK}, as in the {@code delivery.channel} column. */
    String name();

    DeliveryOutcome deliver(PendingDelivery delivery);
}
