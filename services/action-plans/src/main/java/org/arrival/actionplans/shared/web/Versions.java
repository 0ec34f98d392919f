package org.arrival.actionplans.shared.web;

import org.arrival.platform.web.ETags;
import org.jspecify.annotations.Nullable;

/** If-Match handling shared by the controllers. */
public final class Versions {

    private Versions() {}

    /** The version an optional If-Match names, or null when there is none. */
    public static @Nullable Long optional(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.requiredVersion(ifMatch);
    }

    public static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
