package org.arrival.platform.spreadsheets.imports;

import org.jspecify.annotations.Nullable;

/** A field a row changes, as the spreadsheet writes it before and after (null for an empty cell). */
public record RowChange(
        String field, @Nullable String from, @Nullable String to) {}
