package org.arrival.notifications.webhooks.domain;

/**
 * A webhook URL the platform will not call: malformed, of another scheme, carrying credentials, or pointing at an
 * address a server-side request must never reach. {@link #unresolvable()} tells a host that does not resolve (now)
 * from one that is refused, so a delivery can be retried after a DNS hiccup but not after a refusal.
 */
public class UnsafeTarget extends RuntimeException {

    private final String reason;
    private final boolean unresolvable;

    public UnsafeTarget(String reason) {
        this(reason, false);
    }

    public UnsafeTarget(String reason, boolean unresolvable) {
        super(reason);
        this.reason = reason;
        this.unresolvable = unresolvable;
    }

    /** Why the URL is refused (the exception's message). */
    public String reason() {
        return reason;
    }

    public boolean unresolvable() {
        return unresolvable;
    }
}
