package org.arrival.assessments.spreadsheets.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.arrival.assessments.spreadsheets.domain.SheetColumns;
import org.arrival.assessments.spreadsheets.domain.SheetRecords;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.arrival.platform.spreadsheets.imports.ImportedRow;
import org.arrival.platform.spreadsheets.imports.RowChange;
import org.arrival.platform.spreadsheets.imports.RowReading;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.jspecify.annotations.Nullable;

/**
 * One kind of record in the spreadsheet round trip: its sheet, which of the organisation's records the export holds,
 * how a row's values are checked against the record as it is, and how an accepted row is applied through the kind's
 * own service (so validation, events and history are those of the API).
 *
 * @param <V> the values a row sets
 * @param <R> the record as stored
 * @param <D> the record's details, as its service takes them
 */
abstract class RecordSheet<V, R, D> {

    private final SheetRecords records;
    private final Class<V> valuesType;
    private final SheetColumns columns;
    private final String singular;
    private final String mainKey;

    /**
     * @param singular the kind as a sentence names one record
     * @param mainKey the column of a problem the record's rules name no field of
     */
    RecordSheet(SheetRecords records, Class<V> valuesType, SheetColumns columns, String singular, String mainKey) {
        this.records = records;
        this.valuesType = valuesType;
        this.columns = columns;
        this.singular = singular;
        this.mainKey = mainKey;
    }

    /** Where a stored record stands: its id, version, owner, forums and times. */
    record Stamp(UUID id, long version, UUID owner, List<UUID> forums, Instant createdAt, Instant updatedAt) {}

    record Check<V>(List<RowChange> changes, List<CellProblem> problems, V values) {}

    abstract Stamp stamp(R record);

    abstract D details(R record);

    /** One page of the organisation's records, whichever forums they are shared with. */
    abstract PageResult<R> page(Viewer viewer, UUID organisation, PageQuery query);

    /** The record's cells, as the reader may see it. */
    abstract List<String> exported(Viewer viewer, R record);

    abstract RowReading<V> read(Table table, Table.Row row);

    abstract Optional<R> find(UUID id);

    abstract String title(R record);

    /** The details of a new record shared with the forum. */
    abstract D created(V values, UUID forumId);

    /** The record's details with a row's values; what the sheet does not hold is kept. */
    abstract D merged(D details, V values);

    /** Refuses details the record's own rules refuse, naming each field. */
    abstract void validate(D details);

    /** The fields the details change, as the sheet writes them. */
    abstract List<RowChange> changes(D details, D next);

    abstract void create(Caller caller, D details);

    abstract void revise(Caller caller, UUID id, long expectedVersion, D details);

    /** Whether the export holds a record shared with the forum. */
    boolean exportable(R record) {
        return true;
    }

    /** The row's values with what the reader may not see of the record kept. */
    V kept(Viewer viewer, R current, V values) {
        return values;
    }

    /** What the kind refuses in a row beyond the record's own rules. */
    List<CellProblem> refused(
            Viewer viewer, Table table, int row, @Nullable R current, V values, List<RowChange> changes) {
        return List.of();
    }

    /** The column of a field the record's rules name ("area.country" is the country column). */
    String key(@Nullable String field, V values) {
        if (field == null) {
            return mainKey;
        }
        return field.startsWith("area.") ? field.substring("area.".length()) : field;
    }

    /** A problem the record's rules name, as the row's cell shows it. */
    String message(@Nullable String field, String message) {
        return message;
    }

    final SheetRecords records() {
        return records;
    }

    final Class<V> valuesType() {
        return valuesType;
    }

    final String singular() {
        return singular;
    }

    final String sheetName() {
        return columns.sheetName();
    }

    final List<String> keys() {
        return columns.keys();
    }

    final List<String> headings(@Nullable Locale locale) {
        return columns.headings(locale);
    }

    final Map<String, List<String>> choices() {
        return columns.choices();
    }

    final Set<String> dateKeys() {
        return columns.dateKeys();
    }

    final UUID id(R record) {
        return stamp(record).id();
    }

    final long version(R record) {
        return stamp(record).version();
    }

    final UUID owner(R record) {
        return stamp(record).owner();
    }

    final List<UUID> forums(R record) {
        return stamp(record).forums();
    }

    final Instant updatedAt(R record) {
        return stamp(record).updatedAt();
    }

    /** The organisation's records shared with the forum, in the order the export writes them. */
    final List<R> forumRecords(Viewer viewer, UUID organisation, UUID forumId) {
        List<R> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageResult<R> found =
                    page(viewer, organisation, new PageQuery(page, PageQuery.MAX_SIZE, "createdAt", false));
            found.items().stream()
                    .filter(r -> exportable(r) && forums(r).contains(forumId))
                    .forEach(all::add);
            if (page + 1 >= found.totalPages()) {
                break;
            }
        }
        all.sort(Comparator.comparing((R r) -> stamp(r).createdAt()).thenComparing(this::id));
        return all;
    }

    /**
     * What a row changes in the record (none for a new one), what the record's own rules refuse in it, and the values
     * the confirmation applies (the row's, with what the reader may not see of the record kept).
     */
    final Check<V> check(Viewer viewer, UUID forumId, Table table, int row, @Nullable R current, V values) {
        V applied = current == null ? values : kept(viewer, current, values);
        D next = current == null ? created(applied, forumId) : merged(details(current), applied);
        List<CellProblem> problems = new ArrayList<>();
        try {
            validate(next);
        } catch (InvalidInput e) {
            e.errors()
                    .forEach(f -> problems.add(CellProblem.at(
                            table,
                            key(f.field(), applied),
                            row,
                            message(f.field(), Objects.requireNonNullElse(f.message(), "is not accepted")))));
        }
        List<RowChange> changes = current == null ? List.of() : changes(details(current), next);
        problems.addAll(refused(viewer, table, row, current, applied, changes));
        return new Check<>(changes, problems, applied);
    }

    /** Applies an accepted row that writes (CREATE or UPDATE); the record is at the version the row is based on. */
    final void apply(Caller caller, UUID forumId, ImportedRow<V> row) {
        V values = Objects.requireNonNull(row.values(), "an accepted row has values");
        UUID id = row.recordId();
        if (id == null) {
            create(caller, created(values, forumId));
            return;
        }
        R current = find(id).orElseThrow(() -> new RecordNotFound(singular, id));
        revise(caller, id, Objects.requireNonNull(row.basedOn()), merged(details(current), values));
    }
}
