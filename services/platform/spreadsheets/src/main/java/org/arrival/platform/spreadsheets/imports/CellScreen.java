package org.arrival.platform.spreadsheets.imports;

import org.jspecify.annotations.Nullable;

/**
 * What is wrong with a cell's text, or null: a service's own screens (control characters; in free text, personal
 * data). {@code freeText} is false for codes and identifiers, which only the character checks apply to.
 */
@FunctionalInterface
public interface CellScreen {

    @Nullable
    String problem(String value, boolean freeText);
}
