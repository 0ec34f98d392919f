package org.arrival.notifications.subscriptions;

/** How a subscriber is told. */
public enum Channel {
    IN_APP,
    EMAIL,
    WEBHOOK
}
