package org.arrival.registry.shared;

import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.registry.OrganisationContact;
import org.arrival.platform.web.InvalidInput;

/** Normalises free text the way every registry record stores it: trimmed, and blank optional text absent. */
public final class Text {

    private Text() {
    }

    public static String optional(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static String required(String value, String field) {
        String trimmed = optional(value);
        if (trimmed == null) {
            throw InvalidInput.field(field, "must not be blank");
        }
        return trimmed;
    }

    public static Jurisdiction jurisdiction(Jurisdiction j) {
        return jurisdiction(j, "jurisdiction");
    }

    /** Normalises a place sent in the request field {@code field}, naming that field when it is refused. */
    public static Jurisdiction jurisdiction(Jurisdiction j, String field) {
        if (j == null) {
            return null;
        }
        Jurisdiction normalised = new Jurisdiction(optional(j.country()), optional(j.subdivision()),
                optional(j.areaCode()), optional(j.areaName()));
        if (normalised.country() == null) {
            if (normalised.subdivision() != null || normalised.areaCode() != null || normalised.areaName() != null) {
                throw InvalidInput.field(field + ".country", "is required when any other part of the place is given");
            }
            return null;
        }
        if (normalised.subdivision() != null && !normalised.subdivision().startsWith(normalised.country() + "-")) {
            throw InvalidInput.field(field + ".subdivision", "must be a subdivision of " + normalised.country());
        }
        return normalised;
    }

    public static OrganisationContact contact(OrganisationContact c) {
        if (c == null) {
            return null;
        }
        OrganisationContact normalised = new OrganisationContact(optional(c.email()), optional(c.phone()),
                optional(c.website()), optional(c.address()));
        boolean empty = normalised.email() == null && normalised.phone() == null && normalised.website() == null
                && normalised.address() == null;
        return empty ? null : normalised;
    }
}
