package org.arrival.assessments.spreadsheets.application;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.arrival.assessments.shared.application.EvidenceAccess;
import org.arrival.assessments.spreadsheets.domain.SheetRecords;
import org.arrival.assessments.spreadsheets.persistence.ImportRepository;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.spreadsheets.SpreadsheetFormat;
import org.arrival.platform.spreadsheets.SpreadsheetLimits;
import org.arrival.platform.spreadsheets.SpreadsheetReader;
import org.arrival.platform.spreadsheets.SpreadsheetWriter;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.arrival.platform.spreadsheets.imports.ImportReport;
import org.arrival.platform.spreadsheets.imports.ImportedRow;
import org.arrival.platform.spreadsheets.imports.RowReading;
import org.arrival.platform.spreadsheets.imports.SheetKeys;
import org.arrival.platform.spreadsheets.imports.SpreadsheetImport;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.ApiException;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.RuleViolation;
import org.arrival.platform.web.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spreadsheet round trip of an organisation's needs or population estimates in a forum: the export (the records
 * it shares with the forum), the preview of an uploaded file (stored, nothing else written), its confirmation (every
 * accepted row through NeedService or PopulationService, so validation, events and history are those of the API, all
 * in one transaction), its report and its discarding. Only the organisation's editors and administrators use it,
 * never for another organisation, never an enforcement body.
 */
@Service
public class SpreadsheetService {

    private final Map<SheetRecords, RecordSheet<?, ?, ?>> sheets = new HashMap<>();
    private final ImportRepository imports;
    private final EvidenceAccess access;
    private final Organisations organisations;
    private final SpreadsheetReader reader = new SpreadsheetReader(SpreadsheetLimits.defaults());

    SpreadsheetService(
            NeedRecords needs,
            EstimateRecords estimates,
            ImportRepository imports,
            EvidenceAccess access,
            Organisations organisations) {
        sheets.put(needs.records(), needs);
        sheets.put(estimates.records(), estimates);
        this.imports = imports;
        this.access = access;
        this.organisations = organisations;
    }

    /** A file to download. */
    public record SpreadsheetFile(String fileName, String contentType, byte[] content) {}

    @Transactional(readOnly = true)
    public SpreadsheetFile export(
            Caller caller, UUID forumId, SheetRecords records, SpreadsheetFormat format, @Nullable Locale locale) {
        Viewer viewer = requireImporter(caller);
        UUID organisation = requireForum(caller, forumId);
        byte[] content = exported(sheet(records), viewer, organisation, forumId, format, locale);
        LocalDate today = LocalDate.ofInstant(access.clock().instant(), ZoneOffset.UTC);
        String name =
                records.value() + "-" + forumId.toString().substring(0, 8) + "-" + today + "." + format.extension();
        return new SpreadsheetFile(name, format.contentType(), content);
    }

    private static <V, R> byte[] exported(
            RecordSheet<V, R, ?> sheet,
            Viewer viewer,
            UUID organisation,
            UUID forumId,
            SpreadsheetFormat format,
            @Nullable Locale locale) {
        List<Table.Row> rows = new ArrayList<>();
        int number = 3;
        for (R r : sheet.forumRecords(viewer, organisation, forumId)) {
            rows.add(new Table.Row(number++, sheet.exported(viewer, r)));
        }
        Table table = new Table(sheet.headings(locale), sheet.keys(), rows);
        return format == SpreadsheetFormat.XLSX
                ? SpreadsheetWriter.xlsx(table, sheet.sheetName(), sheet.choices(), sheet.dateKeys())
                : SpreadsheetWriter.csv(table);
    }

    @Transactional
    public SpreadsheetImport<?> preview(
            Caller caller, UUID forumId, SheetRecords records, @Nullable String fileName, byte[] content) {
        Viewer viewer = requireImporter(caller);
        UUID organisation = requireForum(caller, forumId);
        Table table = reader.read(content);
        SheetRecords held = SheetRecords.holding(table.keys());
        if (held != null && held != records) {
            throw InvalidInput.field("file", "This file holds " + held.words() + "; choose that kind to import it");
        }
        RecordSheet<?, ?, ?> sheet = sheet(records);
        // every column is required: a column left out would otherwise empty that field of every record updated
        List<String> keyProblems = SheetKeys.problems(table.keys(), sheet.keys(), java.util.Set.copyOf(sheet.keys()));
        if (!keyProblems.isEmpty()) {
            throw new InvalidInput(
                    "The file's columns cannot be read: " + String.join("; ", keyProblems),
                    keyProblems.stream()
                            .map(p -> new ApiException.FieldError("file", p, "spreadsheet.keys"))
                            .toList());
        }
        SpreadsheetImport<?> imported = SpreadsheetImport.previewed(
                forumId,
                organisation,
                records.value(),
                fileName,
                access.clock().instant().truncatedTo(ChronoUnit.MICROS),
                caller.userId(),
                judged(sheet, table, viewer, organisation, forumId));
        imports.insert(imported);
        return imported;
    }

    private <V, R> List<ImportedRow<V>> judged(
            RecordSheet<V, R, ?> sheet, Table table, Viewer viewer, UUID organisation, UUID forumId) {
        List<RowReading<V>> readings =
                table.rows().stream().map(row -> sheet.read(table, row)).toList();
        Map<UUID, R> known = new HashMap<>();
        // a file of new records only needs none of the organisation's records in the forum
        if (readings.stream().anyMatch(r -> r.id() != null)) {
            sheet.forumRecords(viewer, organisation, forumId).forEach(r -> known.put(sheet.id(r), r));
        }
        Map<UUID, Integer> seen = new HashMap<>();
        List<ImportedRow<V>> rows = new ArrayList<>();
        for (RowReading<V> reading : readings) {
            rows.add(judged(sheet, table, viewer, organisation, forumId, known, seen, reading));
        }
        return rows;
    }

    private <V, R> ImportedRow<V> judged(
            RecordSheet<V, R, ?> sheet,
            Table table,
            Viewer viewer,
            UUID organisation,
            UUID forumId,
            Map<UUID, R> known,
            Map<UUID, Integer> seen,
            RowReading<V> r) {
        List<CellProblem> problems = new ArrayList<>(r.problems());
        String singular = sheet.singular();
        R current = null;
        UUID id = r.id();
        if (id != null) {
            current = known.get(id);
            if (current == null) {
                current = sheet.find(id)
                        .filter(s -> sheet.owner(s).equals(organisation)
                                && sheet.forums(s).contains(forumId))
                        .orElse(null);
            }
            Integer earlier = seen.putIfAbsent(id, r.row());
            if (current == null) {
                problems.add(CellProblem.at(
                        table, "id", r.row(), "no " + singular + " " + id + " of your organisation in this forum"));
            } else if (earlier != null) {
                problems.add(CellProblem.at(table, "id", r.row(), "the same " + singular + " is on row " + earlier));
                current = null;
            } else if (r.version() != null && r.version() != sheet.version(current)) {
                problems.add(CellProblem.at(table, "version", r.row(), changedSince(sheet, r.version(), current)));
            }
        }
        V values = r.values();
        List<org.arrival.platform.spreadsheets.imports.RowChange> changes = List.of();
        if (values != null && (id == null || current != null)) {
            RecordSheet.Check<V> check = sheet.check(viewer, forumId, table, r.row(), current, values);
            problems.addAll(check.problems());
            changes = check.changes();
            values = check.values();
        }
        String title = r.title() != null ? r.title() : current == null ? null : sheet.title(current);
        Long basedOn = current == null ? null : sheet.version(current);
        return ImportedRow.judged(r.row(), id, null, title, current != null, changes, problems, basedOn, values);
    }

    private <V, R> String changedSince(RecordSheet<V, R, ?> sheet, long exported, R current) {
        String by = organisations.find(sheet.owner(current)).map(o -> o.name()).orElse("its organisation");
        return "changed since your export: version " + exported + " → " + sheet.version(current) + " by " + by + " on "
                + LocalDate.ofInstant(sheet.updatedAt(current), ZoneOffset.UTC);
    }

    @Transactional(readOnly = true)
    public SpreadsheetImport<?> get(Caller caller, UUID id) {
        requireImporter(caller);
        return owned(caller, imports.find(id, this::valuesType), id);
    }

    /**
     * Applies every accepted row in one transaction: a record changed since the preview (its version differs)
     * refuses the whole confirmation (409, naming the rows), and so does a row the services refuse now; then nothing
     * is applied. Allowed a generous time: a file may hold thousands of rows.
     */
    @Transactional(timeout = 300)
    public SpreadsheetImport<?> confirm(Caller caller, UUID id, @Nullable Long expectedVersion) {
        requireImporter(caller);
        SpreadsheetImport<?> imported = owned(caller, imports.findForUpdate(id, this::valuesType), id);
        String why = imported.whyNotApplicable();
        if (why != null) {
            throw new RuleViolation(why);
        }
        if (expectedVersion != null && expectedVersion != imported.version()) {
            throw new StaleVersion("spreadsheet import", id, expectedVersion);
        }
        RecordSheet<?, ?, ?> sheet = sheet(SheetRecords.named(imported.records()));
        applyAll(caller, sheet, imported);
        SpreadsheetImport<?> applied = imported.applied(access.clock().instant().truncatedTo(ChronoUnit.MICROS));
        imports.update(applied, caller.userId());
        return applied;
    }

    @SuppressWarnings("unchecked")
    private <V, R> void applyAll(Caller caller, RecordSheet<V, R, ?> sheet, SpreadsheetImport<?> imported) {
        SpreadsheetImport<V> typed = (SpreadsheetImport<V>) imported;
        List<String> stale = typed.staleRows(
                recordId -> sheet.find(recordId).map(sheet::version).orElse(null));
        if (!stale.isEmpty()) {
            throw new RuleViolation(capitalised(sheet.records().words()) + " changed since the preview, so nothing"
                    + " was applied: " + String.join(", ", stale) + "; export the spreadsheet again or upload it"
                    + " again");
        }
        for (ImportedRow<V> row : typed.rows()) {
            if (!row.writes()) {
                continue;
            }
            try {
                sheet.apply(caller, imported.forumId(), row);
            } catch (ApiException e) {
                throw new RuleViolation("Row " + row.row() + " cannot be applied (" + e.getMessage()
                        + "), so nothing was applied; upload the file again");
            }
        }
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @Transactional
    public SpreadsheetImport<?> discard(Caller caller, UUID id) {
        requireImporter(caller);
        SpreadsheetImport<?> imported = owned(caller, imports.findForUpdate(id, this::valuesType), id);
        String why = imported.whyNotDiscardable();
        if (why != null) {
            throw new RuleViolation(why);
        }
        if (imported.status() == org.arrival.platform.spreadsheets.imports.ImportStatus.DISCARDED) {
            return imported;
        }
        SpreadsheetImport<?> discarded = imported.discarded();
        imports.update(discarded, caller.userId());
        return discarded;
    }

    /** The outcome of each row as CSV: row, outcome, recordId, title, problems. */
    @Transactional(readOnly = true)
    public SpreadsheetFile report(Caller caller, UUID id) {
        SpreadsheetImport<?> imported = get(caller, id);
        return new SpreadsheetFile(
                ImportReport.fileName(id), SpreadsheetFormat.CSV.contentType(), ImportReport.csv(imported));
    }

    /** An editor or administrator of an organisation that is no enforcement body (403 otherwise), as for a need. */
    private Viewer requireImporter(Caller caller) {
        EvidenceAccess.requireEditor(caller, "import or export needs and population estimates as spreadsheets");
        Viewer viewer = access.viewer(caller);
        if (viewer.enforcementBody()) {
            throw new AccessRefused(
                    "Enforcement bodies do not import or export needs and population estimates as spreadsheets");
        }
        return viewer;
    }

    /** The caller's organisation, if it holds a seat in the forum; 404 otherwise (as if the forum did not exist). */
    private UUID requireForum(Caller caller, UUID forumId) {
        UUID organisation = Objects.requireNonNull(caller.organisationId());
        if (!organisations.forumsOf(organisation).contains(forumId)) {
            throw new RecordNotFound("forum", forumId);
        }
        return organisation;
    }

    private static SpreadsheetImport<?> owned(Caller caller, Optional<SpreadsheetImport<?>> found, UUID id) {
        return found.filter(i -> i.organisationId().equals(caller.organisationId()))
                .orElseThrow(() -> new RecordNotFound("spreadsheet import", id));
    }

    private RecordSheet<?, ?, ?> sheet(SheetRecords records) {
        return Objects.requireNonNull(sheets.get(records), "every kind has its sheet");
    }

    private Class<?> valuesType(String records) {
        return sheet(SheetRecords.named(records)).valuesType();
    }
}
