package org.arrival.notifications.subscriptions;

/** Whom a subscription tells: the user who made it, or their whole organisation (organisation administrators). */
public enum Scope {
    USER,
    ORGANISATION
}
