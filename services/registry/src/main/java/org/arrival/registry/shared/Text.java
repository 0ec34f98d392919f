package org.arrival.registry.shared;

import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.registry.OrganisationContact;
import org.arrival.platform.web.InvalidInput;
import org.jspecify.annotations.Nullable;

/** Normalises free text the way every registry record stores it: trimmed, and blank optional text absent. */
public final class Text {

    private Text() {}

    public static @Nullable String optional(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static String required(@Nullable String value, String field) {
        String trimmed = optional(value);
        if (trimmed == null) {
            throw InvalidInput.field(field, "must not be blank");
        }
        return trimmed;
    }

    public static @Nullable Jurisdiction jurisdiction(@Nullable Jurisdiction j) {
        return jurisdiction(j, "jurisdiction");
    }

    /** Normalises a place sent in the request field {@code field}, naming that field when it is refused. */
    public static @Nullable Jurisdiction jurisdiction(@Nullable Jurisdiction j, String field) {
        if (j == null) {
            return null;
        }
        return jurisdiction(j.country(), j.subdivision(), j.areaCode(), j.areaName(), field);
    }

    /**
     * The place made of these parts, normalised like {@link #jurisdiction(Jurisdiction, String)}: absent when no part
     * is given; refused (naming the request field {@code field}) when a part is given without the country.
     */
    public static @Nullable Jurisdiction jurisdiction(
            @Nullable String country,
            @Nullable String subdivision,
            @Nullable String areaCode,
            @Nullable String areaName,
            String field) {
        String c = optional(country);
        String s = optional(subdivision);
        String code = optional(areaCode);
        String name = optional(areaName);
        if (c == null) {
            if (s != null || code != null || name != null) {
                throw InvalidInput.field(field + ".country", "is required when any other part of the place is given");
            }
            return null;
        }
        if (s != null && !s.startsWith(c + "-")) {
            throw InvalidInput.field(field + ".subdivision", "must be a subdivision of " + c);
        }
        return new Jurisdiction(c, s, code, name);
    }

    public static @Nullable OrganisationContact contact(@Nullable OrganisationContact c) {
        if (c == null) {
            return null;
        }
        OrganisationContact normalised = new OrganisationContact(
                optional(c.email()), optional(c.phone()), optional(c.website()), optional(c.address()));
        boolean empty = normalised.email() == null
                && normalised.phone() == null
                && normalised.website() == null
                && normalised.address() == null;
        return empty ? null : normalised;
    }
}
