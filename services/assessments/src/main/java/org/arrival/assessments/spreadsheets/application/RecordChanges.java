package org.arrival.assessments.spreadsheets.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.arrival.assessments.spreadsheets.domain.AreaCells;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.platform.spreadsheets.imports.RowCells;
import org.arrival.platform.spreadsheets.imports.RowChange;
import org.jspecify.annotations.Nullable;

/**
 * The changes of a row, field by field in the order of the sheet, from the values as the sheet writes them (an empty
 * cell and no value are the same).
 */
final class RecordChanges {

    private final List<RowChange> changes = new ArrayList<>();

    /** A field of one value, written as its text (an enum's as its name). */
    RecordChanges field(String key, @Nullable Object from, @Nullable Object to) {
        String before = text(from);
        String after = text(to);
        if (!Objects.equals(before, after)) {
            changes.add(new RowChange(key, before, after));
        }
        return this;
    }

    /** A field of several values, separated by ; in its cell, whose order counts. */
    RecordChanges list(String key, List<?> from, List<?> to) {
        return field(key, RowCells.joined(from), RowCells.joined(to));
    }

    /** A field of several values whose order does not count: only another set of values changes it. */
    RecordChanges set(String key, List<?> from, List<?> to) {
        return Set.copyOf(from).equals(Set.copyOf(to)) ? this : list(key, from, to);
    }

    /** The area's four columns. */
    RecordChanges area(Jurisdiction from, Jurisdiction to) {
        return field(AreaCells.COUNTRY, from.country(), to.country())
                .field(AreaCells.SUBDIVISION, from.subdivision(), to.subdivision())
                .field(AreaCells.AREA_CODE, from.areaCode(), to.areaCode())
                .field(AreaCells.AREA_NAME, from.areaName(), to.areaName());
    }

    List<RowChange> changes() {
        return changes;
    }

    private static @Nullable String text(@Nullable Object value) {
        String s = value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
        return s == null || s.isEmpty() ? null : s;
    }
}
