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
import org.arrival.assessments.population.application.PopulationService;
import org.arrival.assessments.population.domain.EstimateDetails;
import org.arrival.assessments.population.persistence.EstimateRepository;
import org.arrival.assessments.population.persistence.EstimateRepository.EstimateFilter;
import org.arrival.assessments.population.persistence.EstimateRepository.StoredEstimate;
import org.arrival.assessments.shared.application.EvidenceAccess;
import org.arrival.assessments.spreadsheets.domain.AreaCells;
import org.arrival.assessments.spreadsheets.domain.EstimateSheet;
import org.arrival.assessments.spreadsheets.domain.EstimateValues;
import org.arrival.assessments.spreadsheets.domain.SheetRecords;
import org.arrival.contracts.DataClassification;
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
import org.springframework.stereotype.Component;

/**
 * Population estimates in the spreadsheet round trip: those the organisation shares with the forum, with their exact
 * counts (the owner's own), through PopulationService; a breakdown is kept as it is.
 */
@Component
class EstimateRecords implements RecordSheet<EstimateValues, StoredEstimate> {

    private final PopulationService service;
    private final EstimateRepository estimates;
    private final EvidenceAccess access;

    EstimateRecords(PopulationService service, EstimateRepository estimates, EvidenceAccess access) {
        this.service = service;
        this.estimates = estimates;
        this.access = access;
    }

    @Override
    public SheetRecords records() {
        return SheetRecords.POPULATION_ESTIMATES;
    }

    @Override
    public Class<EstimateValues> valuesType() {
        return EstimateValues.class;
    }

    @Override
    public String sheetName() {
        return EstimateSheet.SHEET_NAME;
    }

    @Override
    public List<String> keys() {
        return EstimateSheet.KEYS;
    }

    @Override
    public List<String> headings(@Nullable Locale locale) {
        return EstimateSheet.headings(locale);
    }

    @Override
    public Map<String, List<String>> choices() {
        return EstimateSheet.choices();
    }

    @Override
    public Set<String> dateKeys() {
        return EstimateSheet.DATE_KEYS;
    }

    @Override
    public List<StoredEstimate> forumRecords(Viewer viewer, UUID organisation, UUID forumId) {
        EstimateFilter filter = new EstimateFilter(null, null, null, null, null, organisation);
        List<StoredEstimate> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageResult<StoredEstimate> found =
                    estimates.search(filter, viewer, new PageQuery(page, PageQuery.MAX_SIZE, "createdAt", false));
            found.items().stream()
                    .filter(s -> s.estimate().details().sharedWithForums().contains(forumId))
                    .forEach(all::add);
            if (page + 1 >= found.totalPages()) {
                break;
            }
        }
        all.sort(Comparator.comparing(StoredEstimate::createdAt)
                .thenComparing(s -> s.estimate().id()));
        return all;
    }

    @Override
    public List<String> exported(Viewer viewer, StoredEstimate s) {
        EstimateDetails d = s.estimate().details();
        return EstimateSheet.exported(
                s.estimate().id(),
                s.estimate().version(),
                d.seriesId(),
                d.area(),
                d.group(),
                d.registered(),
                d.estimated(),
                d.source(),
                d.method(),
                d.asOf(),
                d.classification());
    }

    @Override
    public RowReading<EstimateValues> read(Table table, Table.Row row) {
        return EstimateSheet.read(table, row);
    }

    @Override
    public Optional<StoredEstimate> find(UUID id) {
        return estimates.find(id);
    }

    @Override
    public UUID id(StoredEstimate s) {
        return s.estimate().id();
    }

    @Override
    public long version(StoredEstimate s) {
        return s.estimate().version();
    }

    @Override
    public UUID owner(StoredEstimate s) {
        return s.estimate().ownerId();
    }

    @Override
    public List<UUID> forums(StoredEstimate s) {
        return s.estimate().details().sharedWithForums();
    }

    @Override
    public Instant updatedAt(StoredEstimate s) {
        return s.updatedAt();
    }

    @Override
    public String title(StoredEstimate s) {
        EstimateDetails d = s.estimate().details();
        return EstimateSheet.title(d.group(), d.area(), d.asOf());
    }

    @Override
    public Check<EstimateValues> check(
            Viewer viewer,
            UUID forumId,
            Table table,
            int row,
            @Nullable StoredEstimate current,
            EstimateValues values) {
        List<CellProblem> problems = new ArrayList<>();
        EstimateDetails next = current == null
                ? created(values, forumId)
                : merged(current.estimate().details(), values);
        try {
            next.validated(access.today());
        } catch (InvalidInput e) {
            e.errors()
                    .forEach(f -> problems.add(
                            CellProblem.at(table, key(f.field(), values), row, message(f.field(), f.message()))));
        }
        List<RowChange> changes =
                current == null ? List.of() : changes(current.estimate().details(), next);
        return new Check<>(changes, problems, values);
    }

    @Override
    public void apply(Caller caller, UUID forumId, ImportedRow<EstimateValues> row) {
        EstimateValues v = Objects.requireNonNull(row.values(), "an accepted row has values");
        UUID id = row.recordId();
        if (id == null) {
            service.record(caller, created(v, forumId));
            return;
        }
        StoredEstimate current = estimates.find(id).orElseThrow(() -> new RecordNotFound("population estimate", id));
        service.revise(
                caller,
                id,
                Objects.requireNonNull(row.basedOn()),
                merged(current.estimate().details(), v));
    }

    // either count may be absent, as EstimateDetails.validated allows (its components are not annotated so)
    @SuppressWarnings("NullAway")
    private static EstimateDetails created(EstimateValues v, UUID forumId) {
        return new EstimateDetails(
                v.seriesId(),
                v.area(),
                v.group(),
                v.registered(),
                v.estimated(),
                List.of(),
                v.source(),
                v.method(),
                v.asOf(),
                Objects.requireNonNullElse(v.classification(), DataClassification.FORUM),
                List.of(forumId));
    }

    // either count may be absent, as EstimateDetails.validated allows (its components are not annotated so)
    @SuppressWarnings("NullAway")
    private static EstimateDetails merged(EstimateDetails d, EstimateValues v) {
        return new EstimateDetails(
                v.seriesId(),
                v.area(),
                v.group(),
                v.registered(),
                v.estimated(),
                d.breakdown(),
                v.source(),
                v.method(),
                v.asOf(),
                Objects.requireNonNullElse(v.classification(), d.classification()),
                d.sharedWithForums());
    }

    static List<RowChange> changes(EstimateDetails d, EstimateDetails n) {
        Map<String, @Nullable String[]> pairs = new LinkedHashMap<>();
        pairs.put(EstimateSheet.SERIES_ID, new @Nullable String[] {d.seriesId(), n.seriesId()});
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
                EstimateSheet.GROUP,
                new @Nullable String[] {d.group().name(), n.group().name()});
        pairs.put(EstimateSheet.REGISTERED, new @Nullable String[] {str(d.registered()), str(n.registered())});
        pairs.put(EstimateSheet.ESTIMATED, new @Nullable String[] {str(d.estimated()), str(n.estimated())});
        pairs.put(EstimateSheet.SOURCE, new @Nullable String[] {d.source(), n.source()});
        pairs.put(EstimateSheet.METHOD, new @Nullable String[] {d.method(), n.method()});
        pairs.put(EstimateSheet.AS_OF, new @Nullable String[] {str(d.asOf()), str(n.asOf())});
        pairs.put(EstimateSheet.CLASSIFICATION, new @Nullable String[] {
            d.classification().name(), n.classification().name()
        });
        return RecordChanges.of(pairs);
    }

    private static @Nullable String str(@Nullable Object o) {
        return o == null ? null : o.toString();
    }

    private static String message(@Nullable String field, @Nullable String message) {
        String said = message == null ? "is not accepted" : message;
        return field != null && field.startsWith("breakdown")
                ? "the estimate's breakdown, kept as it is, no longer fits: " + said
                : said;
    }

    /** The column of a field the estimate's rules name; the breakdown's total is the count it divides. */
    private static String key(@Nullable String field, EstimateValues values) {
        if (field == null) {
            return EstimateSheet.SOURCE;
        }
        if (field.startsWith("breakdown")) {
            return values.estimated() != null ? EstimateSheet.ESTIMATED : EstimateSheet.REGISTERED;
        }
        return field.startsWith("area.") ? field.substring("area.".length()) : field;
    }
}
