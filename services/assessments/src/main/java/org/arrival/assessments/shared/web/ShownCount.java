package org.arrival.assessments.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.arrival.contracts.assessments.Count;

/** A count as the API shows it: {@code {"value": 120}} or {@code {"suppressed": "<5"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShownCount(Integer value, String suppressed) {

    public static ShownCount of(Count count) {
        return count == null ? null : new ShownCount(count.value(), count.suppressed());
    }
}
