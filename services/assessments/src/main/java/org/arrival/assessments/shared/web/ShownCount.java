package org.arrival.assessments.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.arrival.contracts.assessments.Count;
import org.jspecify.annotations.Nullable;

/** A count as the API shows it: {@code {"value": 120}} or {@code {"suppressed": "<5"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShownCount(@Nullable Integer value, @Nullable String suppressed) {

    public static @Nullable ShownCount of(@Nullable Count count) {
        return count == null ? null : new ShownCount(count.value(), count.suppressed());
    }
}
