package org.arrival.contracts.assessments;

import org.jspecify.annotations.Nullable;

/**
 * A head count as others see it: the number, or {@code "<5"} in {@code suppressed} when it is a small cell that
 * could point at individuals.
 */
public record Count(@Nullable Integer value, @Nullable String suppressed) {

    public static final String SMALL = "<5";

    public static Count of(int value) {
        return new Count(value, null);
    }

    public static Count hidden() {
        return new Count(null, SMALL);
    }
}
