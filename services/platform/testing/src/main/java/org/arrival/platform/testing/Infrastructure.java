package org.arrival.platform.testing;

import java.util.Locale;

/**
 * Which real servers the integration tests run on. The default is the embedded ones (in the test JVM, no
 * Docker); {@code -Ptestcontainers} sets {@value #PROPERTY}{@code =containers}, and the tests then run on
 * PostgreSQL, Kafka and Keycloak containers.
 */
public enum Infrastructure {

    /** Embedded PostgreSQL, an in-JVM KRaft broker and tokens signed by the test issuer. */
    EMBEDDED,

    /** PostgreSQL 16, Kafka (KRaft) and Keycloak with the platform's realm, in containers. */
    CONTAINERS;

    /** The system property that chooses. */
    public static final String PROPERTY = "arrival.infrastructure";

    /** The choice of this JVM. */
    public static Infrastructure current() {
        return of(System.getProperty(PROPERTY));
    }

    /** Reads a value of {@value #PROPERTY}; unset or blank means {@link #EMBEDDED}. */
    public static Infrastructure of(String value) {
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + "=" + value + " is not known: use embedded or containers", e);
        }
    }
}
