package org.arrival.assessments.spreadsheets.application;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.arrival.assessments.spreadsheets.domain.SheetRecords;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.arrival.platform.spreadsheets.imports.ImportedRow;
import org.arrival.platform.spreadsheets.imports.RowChange;
import org.arrival.platform.spreadsheets.imports.RowReading;
import org.jspecify.annotations.Nullable;

/**
 * One kind of record in the spreadsheet round trip: its sheet, which of the organisation's records the export holds,
 * how a row's values are checked against the record as it is, and how an accepted row is applied through the kind's
 * own service (so validation, events and history are those of the API).
 *
 * @param <V> the values a row sets
 * @param <R> the record as stored
 */
interface RecordSheet<V, R> {

    SheetRecords records();

    Class<V> valuesType();

    String sheetName();

    List<String> keys();

    List<String> headings(@Nullable Locale locale);

    Map<String, List<String>> choices();

    Set<String> dateKeys();

    /** The organisation's records shared with the forum, in the order the export writes them. */
    List<R> forumRecords(Viewer viewer, UUID organisation, UUID forumId);

    /** The record's cells, as the reader may see it. */
    List<String> exported(Viewer viewer, R record);

    RowReading<V> read(Table table, Table.Row row);

    Optional<R> find(UUID id);

    UUID id(R record);

    long version(R record);

    UUID owner(R record);

    List<UUID> forums(R record);

    Instant updatedAt(R record);

    String title(R record);

    /**
     * What a row changes in the record (none for a new one), what the record's own rules refuse in it, and the values
     * the confirmation applies (the row's, with what the reader may not see of the record kept).
     */
    Check<V> check(Viewer viewer, UUID forumId, Table table, int row, @Nullable R current, V values);

    /** Applies an accepted row that writes (CREATE or UPDATE); the record is at the version the row is based on. */
    void apply(Caller caller, UUID forumId, ImportedRow<V> row);

    record Check<V>(List<RowChange> changes, List<CellProblem> problems, V values) {}
}
