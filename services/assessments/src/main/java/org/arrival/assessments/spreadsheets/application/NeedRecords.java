package org.arrival.assessments.spreadsheets.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.arrival.assessments.needs.application.NeedService;
import org.arrival.assessments.needs.domain.NeedDetails;
import org.arrival.assessments.needs.persistence.NeedRepository;
import org.arrival.assessments.needs.persistence.NeedRepository.NeedFilter;
import org.arrival.assessments.needs.persistence.NeedRepository.StoredNeed;
import org.arrival.assessments.needs.persistence.RoundLookup;
import org.arrival.assessments.spreadsheets.domain.NeedSheet;
import org.arrival.assessments.spreadsheets.domain.NeedValues;
import org.arrival.assessments.spreadsheets.domain.SheetRecords;
import org.arrival.contracts.DataClassification;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.arrival.platform.spreadsheets.imports.RowChange;
import org.arrival.platform.spreadsheets.imports.RowReading;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Needs in the spreadsheet round trip: the open needs the organisation shares with the forum, through NeedService. */
@Component
class NeedRecords extends RecordSheet<NeedValues, StoredNeed, NeedDetails> {

    private final NeedService service;
    private final NeedRepository needs;
    private final RoundLookup rounds;

    NeedRecords(NeedService service, NeedRepository needs, RoundLookup rounds) {
        super(SheetRecords.NEEDS, NeedValues.class, NeedSheet.COLUMNS, "need", NeedSheet.STATEMENT);
        this.service = service;
        this.needs = needs;
        this.rounds = rounds;
    }

    @Override
    Stamp stamp(StoredNeed s) {
        return new Stamp(
                s.need().id(),
                s.need().version(),
                s.need().ownerId(),
                s.need().details().sharedWithForums(),
                s.createdAt(),
                s.updatedAt());
    }

    @Override
    NeedDetails details(StoredNeed s) {
        return s.need().details();
    }

    @Override
    PageResult<StoredNeed> page(Viewer viewer, UUID organisation, PageQuery query) {
        return needs.search(
                new NeedFilter(null, null, null, null, null, null, null, null, organisation, null), viewer, query);
    }

    /** Closed needs (RESOLVED, DEPRIORITISED) are not edited, so not exported. */
    @Override
    boolean exportable(StoredNeed s) {
        return s.need().open();
    }

    @Override
    List<String> exported(Viewer viewer, StoredNeed s) {
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
    RowReading<NeedValues> read(Table table, Table.Row row) {
        return NeedSheet.read(table, row);
    }

    @Override
    Optional<StoredNeed> find(UUID id) {
        return needs.find(id);
    }

    @Override
    String title(StoredNeed s) {
        return Objects.requireNonNullElse(NeedSheet.title(s.need().details().statement()), "");
    }

    /** The export leaves out a round the reader may not read (as the API does); the row keeps it. */
    @Override
    NeedValues kept(Viewer viewer, StoredNeed current, NeedValues values) {
        UUID kept = current.need().details().roundId();
        if (values.roundId() == null
                && kept != null
                && rounds.find(kept, viewer).isEmpty()) {
            return values.withRound(kept);
        }
        return values;
    }

    @Override
    List<CellProblem> refused(
            Viewer viewer,
            Table table,
            int row,
            @Nullable StoredNeed current,
            NeedValues values,
            List<RowChange> changes) {
        List<CellProblem> problems = new ArrayList<>();
        if (current != null && !changes.isEmpty() && !current.need().open()) {
            problems.add(CellProblem.at(
                    table,
                    NeedSheet.ID,
                    row,
                    "the need is " + current.need().status() + "; a closed need is not edited"));
        }
        UUID round = values.roundId();
        if (round != null
                && (current == null || !round.equals(current.need().details().roundId()))
                && rounds.find(round, viewer).isEmpty()) {
            problems.add(CellProblem.at(table, NeedSheet.ROUND_ID, row, "no assessment round " + round));
        }
        return problems;
    }

    @Override
    void validate(NeedDetails details) {
        details.validated();
    }

    @Override
    void create(Caller caller, NeedDetails details) {
        service.identify(caller, details);
    }

    @Override
    void revise(Caller caller, UUID id, long expectedVersion, NeedDetails details) {
        service.revise(caller, id, expectedVersion, details);
    }

    @Override
    NeedDetails created(NeedValues v, UUID forumId) {
        return details(v, DataClassification.FORUM, List.of(forumId));
    }

    @Override
    NeedDetails merged(NeedDetails d, NeedValues v) {
        return details(v, d.classification(), d.sharedWithForums());
    }

    /** The row's values, with the classification and forums they leave to the need. */
    private static NeedDetails details(NeedValues v, DataClassification classification, List<UUID> forums) {
        return new NeedDetails(
                v.statement(),
                v.sector(),
                v.populationGroups(),
                v.area(),
                v.severity(),
                v.barriers(),
                v.evidenceReferences(),
                v.roundId(),
                Objects.requireNonNullElse(v.classification(), classification),
                forums);
    }

    @Override
    List<RowChange> changes(NeedDetails d, NeedDetails n) {
        return new RecordChanges()
                .field(NeedSheet.STATEMENT, d.statement(), n.statement())
                .field(NeedSheet.SECTOR, d.sector(), n.sector())
                .set(NeedSheet.POPULATION_GROUPS, d.populationGroups(), n.populationGroups())
                .area(d.area(), n.area())
                .field(NeedSheet.SEVERITY, d.severity(), n.severity())
                .set(NeedSheet.BARRIERS, d.barriers(), n.barriers())
                .list(NeedSheet.EVIDENCE_REFERENCES, d.evidenceReferences(), n.evidenceReferences())
                .field(NeedSheet.ROUND_ID, d.roundId(), n.roundId())
                .field(NeedSheet.CLASSIFICATION, d.classification(), n.classification())
                .changes();
    }
}
