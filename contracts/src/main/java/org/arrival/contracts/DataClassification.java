package org.arrival.contracts;

/**
 * Who may see a record or event. Ordered from least to most protected.
 * Enforcement bodies (immigration, police, security) never receive {@link #RESTRICTED}.
 */
public enum DataClassification {
    /** Anyone, including people outside the platform. */
    PUBLIC,
    /** Members of the forums the record is shared with. */
    FORUM,
    /** The owning organisation only. */
    ORGANISATION,
    /** Sensitive: never to enforcement bodies, and only where a purpose is recorded. */
    RESTRICTED;

    public boolean isMoreProtectedThan(DataClassification other) {
        return compareTo(other) > 0;
    }
}
