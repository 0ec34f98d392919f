package org.arrival.platform.web;

import org.jspecify.annotations.Nullable;

/** Record versions as strong entity tags: version 3 is {@code "3"}. */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; refuses a missing or unreadable one. */
    public static long requiredVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequired();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw InvalidInput.field("If-Match", "not an ETag of this API: " + ifMatch);
        }
    }
}
