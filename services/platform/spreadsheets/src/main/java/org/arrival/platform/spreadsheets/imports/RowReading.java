package org.arrival.platform.spreadsheets.imports;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A data row as the file says it, before it is compared with the records: the record it names (id and the version
 * it was exported at), the label shown for it, the values it sets (null when a required cell is empty or wrong) and
 * the problems of its cells.
 *
 * @param <V> the values of one kind of record
 */
public record RowReading<V>(
        int row,
        @Nullable UUID id,
        @Nullable Long version,
        @Nullable String title,
        @Nullable V values,
        List<CellProblem> problems) {

    public RowReading {
        problems = List.copyOf(problems);
    }
}
