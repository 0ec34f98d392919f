package org.arrival.notifications.delivery;

/**
 * What happened to one attempt.
 *
 * @param delivered the receiver accepted it
 * @param retryable worth trying again later (timeouts, 5xx, refused connections); false gives up at once
 * @param status the receiver's status code where there is one (HTTP status, SMTP reply)
 * @param error what went wrong, for the delivery log
 */
public record DeliveryOutcome(boolean delivered, boolean retryable, Integer status, String error) {

    public static DeliveryOutcome delivered(Integer status) {
        return new DeliveryOutcome(true, false, status, null);
    }

    public static DeliveryOutcome retryLater(Integer status, String error) {
        return new DeliveryOutcome(false, true, status, error);
    }

    public static DeliveryOutcome giveUp(Integer status, String error) {
        return new DeliveryOutcome(false, false, status, error);
    }
}
