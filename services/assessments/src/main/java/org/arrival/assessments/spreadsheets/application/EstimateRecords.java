package org.arrival.assessments.spreadsheets.application;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.arrival.assessments.population.application.PopulationService;
import org.arrival.assessments.population.domain.Cell;
import org.arrival.assessments.population.domain.EstimateDetails;
import org.arrival.assessments.population.persistence.EstimateRepository;
import org.arrival.assessments.population.persistence.EstimateRepository.EstimateFilter;
import org.arrival.assessments.population.persistence.EstimateRepository.StoredEstimate;
import org.arrival.assessments.shared.application.EvidenceAccess;
import org.arrival.assessments.spreadsheets.domain.EstimateSheet;
import org.arrival.assessments.spreadsheets.domain.EstimateValues;
import org.arrival.assessments.spreadsheets.domain.SheetRecords;
import org.arrival.contracts.DataClassification;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.RowChange;
import org.arrival.platform.spreadsheets.imports.RowReading;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Population estimates in the spreadsheet round trip: those the organisation shares with the forum, with their exact
 * counts (the owner's own), through PopulationService; a breakdown is kept as it is.
 */
@Component
class EstimateRecords extends RecordSheet<EstimateValues, StoredEstimate, EstimateDetails> {

    private final PopulationService service;
    private final EstimateRepository estimates;
    private final EvidenceAccess access;

    EstimateRecords(PopulationService service, EstimateRepository estimates, EvidenceAccess access) {
        super(
                SheetRecords.POPULATION_ESTIMATES,
                EstimateValues.class,
                EstimateSheet.COLUMNS,
                "population estimate",
                EstimateSheet.SOURCE);
        this.service = service;
        this.estimates = estimates;
        this.access = access;
    }

    @Override
    Stamp stamp(StoredEstimate s) {
        return new Stamp(
                s.estimate().id(),
                s.estimate().version(),
                s.estimate().ownerId(),
                s.estimate().details().sharedWithForums(),
                s.createdAt(),
                s.updatedAt());
    }

    @Override
    EstimateDetails details(StoredEstimate s) {
        return s.estimate().details();
    }

    @Override
    PageResult<StoredEstimate> page(Viewer viewer, UUID organisation, PageQuery query) {
        return estimates.search(new EstimateFilter(null, null, null, null, null, organisation), viewer, query);
    }

    @Override
    List<String> exported(Viewer viewer, StoredEstimate s) {
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
    RowReading<EstimateValues> read(Table table, Table.Row row) {
        return EstimateSheet.read(table, row);
    }

    @Override
    Optional<StoredEstimate> find(UUID id) {
        return estimates.find(id);
    }

    @Override
    String title(StoredEstimate s) {
        EstimateDetails d = s.estimate().details();
        return EstimateSheet.title(d.group(), d.area(), d.asOf());
    }

    @Override
    void validate(EstimateDetails details) {
        details.validated(access.today());
    }

    @Override
    void create(Caller caller, EstimateDetails details) {
        service.record(caller, details);
    }

    @Override
    void revise(Caller caller, UUID id, long expectedVersion, EstimateDetails details) {
        service.revise(caller, id, expectedVersion, details);
    }

    @Override
    EstimateDetails created(EstimateValues v, UUID forumId) {
        return details(v, List.of(), DataClassification.FORUM, List.of(forumId));
    }

    @Override
    EstimateDetails merged(EstimateDetails d, EstimateValues v) {
        return details(v, d.breakdown(), d.classification(), d.sharedWithForums());
    }

    /**
     * The row's values, with the breakdown, classification and forums they leave to the estimate; either count may be
     * absent, as EstimateDetails.validated allows (its components are not annotated so).
     */
    @SuppressWarnings("NullAway")
    private static EstimateDetails details(
            EstimateValues v, List<Cell> breakdown, DataClassification classification, List<UUID> forums) {
        return new EstimateDetails(
                v.seriesId(),
                v.area(),
                v.group(),
                v.registered(),
                v.estimated(),
                breakdown,
                v.source(),
                v.method(),
                v.asOf(),
                Objects.requireNonNullElse(v.classification(), classification),
                forums);
    }

    @Override
    List<RowChange> changes(EstimateDetails d, EstimateDetails n) {
        return new RecordChanges()
                .field(EstimateSheet.SERIES_ID, d.seriesId(), n.seriesId())
                .area(d.area(), n.area())
                .field(EstimateSheet.GROUP, d.group(), n.group())
                .field(EstimateSheet.REGISTERED, d.registered(), n.registered())
                .field(EstimateSheet.ESTIMATED, d.estimated(), n.estimated())
                .field(EstimateSheet.SOURCE, d.source(), n.source())
                .field(EstimateSheet.METHOD, d.method(), n.method())
                .field(EstimateSheet.AS_OF, d.asOf(), n.asOf())
                .field(EstimateSheet.CLASSIFICATION, d.classification(), n.classification())
                .changes();
    }

    @Override
    String message(@Nullable String field, String message) {
        return field != null && field.startsWith("breakdown")
                ? "the estimate's breakdown, kept as it is, no longer fits: " + message
                : message;
    }

    /** The breakdown's total is the count it divides. */
    @Override
    String key(@Nullable String field, EstimateValues values) {
        if (field != null && field.startsWith("breakdown")) {
            return values.estimated() != null ? EstimateSheet.ESTIMATED : EstimateSheet.REGISTERED;
        }
        return super.key(field, values);
    }
}
