package org.arrival.notifications.subscriptions;

/** When a subscriber is told: at once, or in a daily digest (e-mail only). */
public enum Frequency {
    IMMEDIATE,
    DAILY_DIGEST
}
