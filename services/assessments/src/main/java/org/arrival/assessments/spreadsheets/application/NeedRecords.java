package org.arrival.assessments.spreadsheets.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.arrival.assessments.needs.application.NeedService;
import org.arrival.assessments.needs.domain.NeedDetails;
import org.arrival.assessments.needs.persistence.NeedRepository;
import org.arrival.assessments.needs.persistence.NeedRepository.NeedFilter;
import org.arrival.assessments.needs.persistence.NeedRepository.StoredNeed;
import org.arrival.assessments.needs.persistence.RoundLookup;
import org.arrival.assessments.spreadsheets.domain.AreaCells;
import org.arrival.assessments.spreadsheets.domain.NeedSheet;
import org.arrival.assessments.spreadsheets.domain.NeedValues;
import org.arrival.assessments.spreadsheets.domain.SheetRecords;
import org.arrival.contracts.DataClassification;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.arrival.platform.spreadsheets.imports.ImportedRow;
import org.arrival.platform.spreadsheets.imports.RowCells;
import org.arrival.platform.spreadsheets.imports.RowChange;
import org.arrival.platform.spreadsheets.imports.RowReading;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Needs in the spreadsheet round trip: the open needs the organisation shares with the forum, through NeedService. */
@Component
class NeedRecords implements RecordSheet<NeedValues, StoredNeed> {

    private final NeedService service;
    private final NeedRepository needs;
    private final RoundLookup rounds;

    NeedRecords(NeedService service, NeedRepository needs, RoundLookup rounds) {
        this.service = service;
        this.needs = needs;
        this.rounds = rounds;
    }

    @Override
    public SheetRecords records() {
        return SheetRecords.NEEDS;
    }

    @Override
    public Class<NeedValues> valuesType() {
        return NeedValues.class;
    }

    @Override
    public String sheetName() {
        return NeedSheet.SHEET_NAME;
    }

    @Override
    public List<String> keys() {
        return NeedSheet.KEYS;
    }

    @Override
    public List<String> headings(@Nullable Locale locale) {
        return NeedSheet.headings(locale);
    }

    @Override
    public Map<String, List<String>> choices() {
        return NeedSheet.choices();
    }

    @Override
    public Set<String> dateKeys() {
        return Set.of();
    }

    /** Closed needs (RESOLVED, DEPRIORITISED) are not edited, so not exported. */
    @Override
    public List<StoredNeed> forumRecords(Viewer viewer, UUID organisation, UUID forumId) {
        NeedFilter filter = new NeedFilter(null, null, null, null, null, null, null, null, organisation, null);
        List<StoredNeed> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageResult<StoredNeed> found =
                    needs.search(filter, viewer, new PageQuery(page, PageQuery.MAX_SIZE, "createdAt", false));
            found.items().stream()
                    .filter(s -> s.need().open()
                            && s.need().details().sharedWithForums().contains(forumId))
                    .forEach(all::add);
            if (page + 1 >= found.totalPages()) {
                break;
            }
        }
        all.sort(Comparator.comparing(StoredNeed::createdAt)
                .thenComparing(s -> s.need().id()));
        return all;
    }

    @Override
    public List<String> exported(Viewer viewer, StoredNeed s) {
        NeedDetails d = s.need().details();
        UUID round = d.roundId() != null && rounds.find(d.roundId(), viewer).isPresent() ? d.roundId() : null;
        return NeedSheet.exported(
                s.need().id(),
                s.need().version(),
                d.statement(),
                d.sector(),
                d.populationGroups(),
                d.area(),
                d.severity(),
                d.barriers(),
                d.evidenceReferences(),
                round,
                d.classification());
    }

    @Override
    public RowReading<NeedValues> read(Table table, Table.Row row) {
        return NeedSheet.read(table, row);
    }

    @Override
    public Optional<StoredNeed> find(UUID id) {
        return needs.find(id);
    }

    @Override
    public UUID id(StoredNeed s) {
        return s.need().id();
    }

    @Override
    public long version(StoredNeed s) {
        return s.need().version();
    }

    @Override
    public UUID owner(StoredNeed s) {
        return s.need().ownerId();
    }

    @Override
    public List<UUID> forums(StoredNeed s) {
        return s.need().details().sharedWithForums();
    }

    @Override
    public Instant updatedAt(StoredNeed s) {
        return s.updatedAt();
    }

    @Override
    public String title(StoredNeed s) {
        return Objects.requireNonNullElse(NeedSheet.title(s.need().details().statement()), "");
    }

    @Override
    public Check<NeedValues> check(
            Viewer viewer, UUID forumId, Table table, int row, @Nullable StoredNeed current, NeedValues values) {
        List<CellProblem> problems = new ArrayList<>();
        UUID kept = current == null ? null : current.need().details().roundId();
        if (values.roundId() == null
                && kept != null
                && rounds.find(kept, viewer).isEmpty()) {
            // the export leaves out a round the reader may not read (as the API does); the row keeps it
            values = withRound(values, kept);
        }
        NeedDetails next = current == null
                ? created(values, forumId)
                : merged(current.need().details(), values);
        try {
            next.validated();
        } catch (InvalidInput e) {
            e.errors().forEach(f -> problems.add(CellProblem.at(table, key(f.field()), row, message(f.message()))));
        }
        List<RowChange> changes = List.of();
        if (current != null) {
            changes = changes(current.need().details(), next);
            if (!changes.isEmpty() && !current.need().open()) {
                problems.add(CellProblem.at(
                        table,
                        NeedSheet.ID,
                        row,
                        "the need is " + current.need().status() + "; a closed need is not edited"));
            }
        }
        UUID round = values.roundId();
        if (round != null
                && (current == null || !round.equals(current.need().details().roundId()))
                && rounds.find(round, viewer).isEmpty()) {
            problems.add(CellProblem.at(table, NeedSheet.ROUND_ID, row, "no assessment round " + round));
        }
        return new Check<>(changes, problems, values);
    }

    @Override
    public void apply(Caller caller, UUID forumId, ImportedRow<NeedValues> row) {
        NeedValues v = Objects.requireNonNull(row.values(), "an accepted row has values");
        UUID id = row.recordId();
        if (id == null) {
            service.identify(caller, created(v, forumId));
            return;
        }
        StoredNeed current = needs.find(id).orElseThrow(() -> new RecordNotFound("need", id));
        service.revise(
                caller,
                id,
                Objects.requireNonNull(row.basedOn()),
                merged(current.need().details(), v));
    }

    private static NeedValues withRound(NeedValues v, UUID roundId) {
        return new NeedValues(
                v.statement(),
                v.sector(),
                v.populationGroups(),
                v.area(),
                v.severity(),
                v.barriers(),
                v.evidenceReferences(),
                roundId,
                v.classification());
    }

    private static NeedDetails created(NeedValues v, UUID forumId) {
        return new NeedDetails(
                v.statement(),
                v.sector(),
                v.populationGroups(),
                v.area(),
                v.severity(),
                v.barriers(),
                v.evidenceReferences(),
                v.roundId(),
                Objects.requireNonNullElse(v.classification(), DataClassification.FORUM),
                List.of(forumId));
    }

    private static NeedDetails merged(NeedDetails d, NeedValues v) {
        return new NeedDetails(
                v.statement(),
                v.sector(),
                v.populationGroups(),
                v.area(),
                v.severity(),
                v.barriers(),
                v.evidenceReferences(),
                v.roundId(),
                Objects.requireNonNullElse(v.classification(), d.classification()),
                d.sharedWithForums());
    }

    /** The fields a row changes, as the spreadsheet writes them. */
    static List<RowChange> changes(NeedDetails d, NeedDetails n) {
        Map<String, @Nullable String[]> pairs = new LinkedHashMap<>();
        pairs.put(NeedSheet.STATEMENT, new @Nullable String[] {d.statement(), n.statement()});
        pairs.put(
                NeedSheet.SECTOR,
                new @Nullable String[] {d.sector().name(), n.sector().name()});
        if (!Set.copyOf(d.populationGroups()).equals(Set.copyOf(n.populationGroups()))) {
            pairs.put(NeedSheet.POPULATION_GROUPS, new @Nullable String[] {
                RowCells.joined(d.populationGroups()), RowCells.joined(n.populationGroups())
            });
        }
        pairs.put(
                AreaCells.COUNTRY,
                new @Nullable String[] {d.area().country(), n.area().country()});
        pairs.put(
                AreaCells.SUBDIVISION,
                new @Nullable String[] {d.area().subdivision(), n.area().subdivision()});
        pairs.put(
                AreaCells.AREA_CODE,
                new @Nullable String[] {d.area().areaCode(), n.area().areaCode()});
        pairs.put(
                AreaCells.AREA_NAME,
                new @Nullable String[] {d.area().areaName(), n.area().areaName()});
        pairs.put(
                NeedSheet.SEVERITY,
                new @Nullable String[] {d.severity().name(), n.severity().name()});
        if (!Set.copyOf(d.barriers()).equals(Set.copyOf(n.barriers()))) {
            pairs.put(
                    NeedSheet.BARRIERS,
                    new @Nullable String[] {RowCells.joined(d.barriers()), RowCells.joined(n.barriers())});
        }
        pairs.put(NeedSheet.EVIDENCE_REFERENCES, new @Nullable String[] {
            RowCells.joined(d.evidenceReferences()), RowCells.joined(n.evidenceReferences())
        });
        pairs.put(NeedSheet.ROUND_ID, new @Nullable String[] {str(d.roundId()), str(n.roundId())});
        pairs.put(NeedSheet.CLASSIFICATION, new @Nullable String[] {
            d.classification().name(), n.classification().name()
        });
        return RecordChanges.of(pairs);
    }

    private static @Nullable String str(@Nullable Object o) {
        return o == null ? null : o.toString();
    }

    /** The column of a field the need's rules name ("area.country" is the country column). */
    private static String key(@Nullable String field) {
        if (field == null) {
            return NeedSheet.STATEMENT;
        }
        return field.startsWith("area.") ? field.substring("area.".length()) : field;
    }

    private static String message(@Nullable String message) {
        return message == null ? "is not accepted" : message;
    }
}
