package org.arrival.web.problems;

import org.jspecify.annotations.Nullable;

/** One choice of a select, a group of radios or of checkboxes: the value sent, its label and an optional hint. */
public record Choice(String value, String label, @Nullable String hint) {

    public Choice(String value, String label) {
        this(value, label, null);
    }
}
