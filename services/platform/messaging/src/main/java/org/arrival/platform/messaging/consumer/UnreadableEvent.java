package org.arrival.platform.messaging.consumer;

/** A record that can never be handled (missing CloudEvents headers, unreadable payload): retrying is pointless. */
public class UnreadableEvent extends RuntimeException {

    public UnreadableEvent(String message) {
        super(message);
    }

    public UnreadableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
