package org.arrival.actionplans.shared.web;

import org.arrival.platform.web.ETags;

/** If-Match handling shared by the controllers. */
public final class Versions {

    private Versions() {
    }

    /** The version an optional If-Match names, or null when there is none. */
    public static Long optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.requiredVersion(ifMatch);
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
