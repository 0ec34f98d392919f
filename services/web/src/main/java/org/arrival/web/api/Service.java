package org.arrival.web.api;

/** The services whose public APIs the pages call. */
public enum Service {
    REGISTRY,
    ASSESSMENTS,
    ACTION_PLANS,
    NOTIFICATIONS,
    FORUM
}
