package org.arrival.assessments.spreadsheets.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.arrival.platform.spreadsheets.imports.RowChange;
import org.jspecify.annotations.Nullable;

/** The changes of a row from pairs of values as the sheet writes them (an empty cell and no value are the same). */
final class RecordChanges {

    private RecordChanges() {}

    static List<RowChange> of(Map<String, @Nullable String[]> pairs) {
        List<RowChange> changes = new ArrayList<>();
        pairs.forEach((field, p) -> {
            String from = blankToNull(p[0]);
            String to = blankToNull(p[1]);
            if (!Objects.equals(from, to)) {
                changes.add(new RowChange(field, from, to));
            }
        });
        return changes;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
