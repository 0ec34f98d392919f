package org.arrival.assessments.population.domain;

import java.util.List;

/**
 * The ways an estimate may be broken down, each with its fixed categories (age bands as used in humanitarian
 * population data; {@code NOT_STATED} where the source does not say).
 */
public enum Dimension {
    SEX(List.of("FEMALE", "MALE", "OTHER", "NOT_STATED")),
    AGE_BAND(List.of("0-4", "5-11", "12-17", "18-59", "60+", "NOT_STATED")),
    DISABILITY(List.of("WITH_DISABILITY", "WITHOUT_DISABILITY", "NOT_STATED"));

    @SuppressWarnings("ImmutableEnumChecker") // always a List.of, which cannot be changed
    private final List<String> categories;

    Dimension(List<String> categories) {
        this.categories = categories;
    }

    public List<String> categories() {
        return categories;
    }
}
