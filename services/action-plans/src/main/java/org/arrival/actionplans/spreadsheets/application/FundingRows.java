package org.arrival.actionplans.spreadsheets.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.actionplans.actions.persistence.ActionRepository.StoredAction;
import org.arrival.actionplans.funding.application.FundingService;
import org.arrival.actionplans.funding.domain.FundingLine;
import org.arrival.actionplans.funding.persistence.FundingRepository;
import org.arrival.actionplans.funding.persistence.FundingRepository.StoredLine;
import org.arrival.actionplans.progress.application.ActionAccess;
import org.arrival.actionplans.spreadsheets.domain.FundingSheet;
import org.arrival.actionplans.spreadsheets.domain.FundingSheet.RowReading;
import org.arrival.actionplans.spreadsheets.domain.ImportRow;
import org.arrival.actionplans.spreadsheets.domain.ImportRow.FundingValues;
import org.arrival.platform.directory.Organisations.KnownOrganisation;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.arrival.platform.spreadsheets.imports.ImportOutcome;
import org.arrival.platform.spreadsheets.imports.RowChange;
import org.arrival.platform.web.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The funding lines of an organisation's forum actions as spreadsheet rows: those whose source the caller may see,
 * as the API shows them. A row is judged by the funding line's own rules (amounts, currency, nothing disbursed beyond
 * what is committed, a known source) and applied through {@link FundingService}.
 */
@Component
class FundingRows implements RecordRows {

    private final FundingService service;
    private final FundingRepository lines;
    private final ActionAccess access;

    FundingRows(FundingService service, FundingRepository lines, ActionAccess access) {
        this.service = service;
        this.lines = lines;
        this.access = access;
    }

    private record Found(StoredAction action, StoredLine line) {}

    /** The lines of the actions the viewer may see, in the actions' order, each action's by source then currency. */
    private List<Found> of(Viewer viewer, List<StoredAction> actions) {
        List<Found> all = new ArrayList<>();
        for (StoredAction a : actions) {
            lines.ofAction(a.action().id()).stream()
                    .filter(l -> viewer.maySeeOrganisation(l.line().sourceId()))
                    .sorted(Comparator.comparing((StoredLine l) -> l.line().sourceName())
                            .thenComparing(l -> l.line().currency())
                            .thenComparing(l -> l.line().id()))
                    .forEach(l -> all.add(new Found(a, l)));
        }
        return all;
    }

    @Override
    public List<List<String>> exported(Viewer viewer, List<StoredAction> actions) {
        return of(viewer, actions).stream()
                .map(f -> {
                    FundingLine l = f.line().line();
                    return List.of(
                            l.id().toString(),
                            Long.toString(l.version()),
                            l.actionId().toString(),
                            f.action().action().details().title(),
                            RecordRows.text(l.sourceId()),
                            l.sourceName(),
                            l.currency(),
                            l.required().toPlainString(),
                            l.committed().toPlainString(),
                            l.disbursed().toPlainString());
                })
                .toList();
    }

    @Override
    public List<ImportRow> judged(Table table, Viewer viewer, UUID organisation, List<StoredAction> actions) {
        List<RowReading> readings =
                table.rows().stream().map(r -> FundingSheet.read(table, r)).toList();
        Map<UUID, StoredLine> known = new HashMap<>();
        if (readings.stream().anyMatch(r -> r.id() != null)) {
            of(viewer, actions).forEach(f -> known.put(f.line().line().id(), f.line()));
        }
        Judge judge = new Judge(table, viewer, RecordRows.forumActions(actions), known);
        return readings.stream().map(judge::row).toList();
    }

    private final class Judge {
        private final Viewer viewer;
        private final KnownRecords<StoredLine> records;

        Judge(Table table, Viewer viewer, Set<UUID> forumActions, Map<UUID, StoredLine> known) {
            this.viewer = viewer;
            this.records = new KnownRecords<>(
                    table,
                    "funding line",
                    known,
                    forumActions,
                    l -> l.line().version(),
                    l -> l.line().actionId(),
                    this::changedSince);
        }

        ImportRow row(RowReading r) {
            List<CellProblem> problems = new ArrayList<>(r.problems());
            KnownRecords.Named<StoredLine> named = records.named(r.row(), r.id(), r.version(), r.actionId(), problems);
            StoredLine current = named.current();
            FundingLine line = current == null ? null : current.line();
            UUID actionId = named.actionId();
            KnownOrganisation source = null;
            UUID sourceId = r.sourceId();
            if (sourceId != null) {
                source = access.organisations()
                        .find(sourceId)
                        .filter(o -> viewer.maySeeOrganisation(o.id()))
                        .orElse(null);
                if (source == null) {
                    problems.add(problem(FundingSheet.SOURCE_ID, r.row(), "no organisation " + sourceId));
                }
            }
            String label = r.sourceName() != null
                    ? r.sourceName()
                    : source != null ? source.name() : line == null ? null : line.sourceName();
            Long basedOn = line == null ? null : line.version();
            String currency = r.currency();
            BigDecimal required = r.required();
            BigDecimal committed = r.committed();
            BigDecimal disbursed = r.disbursed();
            if (!problems.isEmpty()
                    || actionId == null
                    || (sourceId != null && source == null)
                    || currency == null
                    || required == null
                    || committed == null
                    || disbursed == null) {
                return refused(r, actionId, label, problems, basedOn);
            }
            String name = r.sourceName() != null ? r.sourceName() : source == null ? "" : source.name();
            FundingLine.Terms terms = terms(sourceId, name, currency, required, committed, disbursed);
            FundingLine next;
            try {
                next = line == null ? FundingLine.record(new UUID(0, 0), actionId, terms) : line.revise(terms);
            } catch (InvalidInput e) {
                e.errors()
                        .forEach(f -> problems.add(
                                problem(f.field() == null ? FundingSheet.ACTION_ID : f.field(), r.row(), f.message())));
                if (e.errors().isEmpty()) {
                    problems.add(problem(FundingSheet.ACTION_ID, r.row(), e.getMessage()));
                }
                return refused(r, actionId, label, problems, basedOn);
            }
            List<RowChange> changes = line == null ? List.of() : changes(line, next);
            ImportOutcome outcome = ImportRow.outcome(line != null, changes);
            FundingValues values = new FundingValues(
                    actionId,
                    next.sourceId(),
                    next.sourceName(),
                    next.currency(),
                    next.required(),
                    next.committed(),
                    next.disbursed());
            return new ImportRow(
                    r.row(), actionId, label, outcome, changes, null, List.of(), basedOn, null, r.id(), null, values);
        }

        private ImportRow refused(
                RowReading r,
                @Nullable UUID actionId,
                @Nullable String label,
                List<CellProblem> problems,
                @Nullable Long basedOn) {
            return ImportRow.refusedRecord(r.row(), r.id(), actionId, label, List.of(), problems, basedOn);
        }

        private CellProblem problem(String key, int row, @Nullable String message) {
            return records.problem(key, row, message);
        }

        /** A line is changed by the action owner or by its funding organisation: its revision says which. */
        private String changedSince(long exported, StoredLine current) {
            FundingLine l = current.line();
            String by = lines.changedFor(l.id(), l.version())
                    .flatMap(o -> access.organisations().find(o))
                    .filter(o -> viewer.maySeeOrganisation(o.id()))
                    .map(KnownOrganisation::name)
                    .orElse("another organisation");
            return RecordRows.changedSinceExport(exported, l.version(), by, current.updatedAt());
        }
    }

    /** The fields a row changes, as the spreadsheet writes them. */
    static List<RowChange> changes(FundingLine from, FundingLine to) {
        List<RowChange> changes = new ArrayList<>();
        if (!Objects.equals(from.sourceId(), to.sourceId())) {
            changes.add(new RowChange(FundingSheet.SOURCE_ID, str(from.sourceId()), str(to.sourceId())));
        }
        if (!from.sourceName().equals(to.sourceName())) {
            changes.add(new RowChange(FundingSheet.SOURCE_NAME, from.sourceName(), to.sourceName()));
        }
        if (!from.currency().equals(to.currency())) {
            changes.add(new RowChange(FundingSheet.CURRENCY, from.currency(), to.currency()));
        }
        amount(changes, FundingSheet.REQUIRED, from.required(), to.required());
        amount(changes, FundingSheet.COMMITTED, from.committed(), to.committed());
        amount(changes, FundingSheet.DISBURSED, from.disbursed(), to.disbursed());
        return changes;
    }

    private static void amount(List<RowChange> changes, String field, BigDecimal from, BigDecimal to) {
        if (from.compareTo(to) != 0) {
            changes.add(new RowChange(field, from.toPlainString(), to.toPlainString()));
        }
    }

    private static @Nullable String str(@Nullable UUID id) {
        return id == null ? null : id.toString();
    }

    /**
     * The terms of a line; a line may have no source id (a source the platform does not know, named by its name), as
     * the API and the funding_line table allow, although Terms does not declare it nullable.
     */
    @SuppressWarnings("NullAway")
    private static FundingLine.Terms terms(
            @Nullable UUID sourceId,
            String sourceName,
            String currency,
            BigDecimal required,
            BigDecimal committed,
            BigDecimal disbursed) {
        return new FundingLine.Terms(sourceId, sourceName, currency, required, committed, disbursed);
    }

    @Override
    public @Nullable String changedSincePreview(ImportRow row) {
        return KnownRecords.changedSincePreview(
                row,
                (actionId, id) -> lines.find(actionId, id).map(l -> l.line().version()));
    }

    @Override
    public void apply(Caller caller, ImportRow row) {
        FundingValues v = Objects.requireNonNull(row.funding(), "an accepted row has values");
        FundingLine.Terms terms =
                terms(v.sourceId(), v.sourceName(), v.currency(), v.required(), v.committed(), v.disbursed());
        UUID id = row.recordId();
        if (row.outcome() == ImportOutcome.CREATE) {
            service.record(caller, v.actionId(), terms);
        } else if (row.outcome() == ImportOutcome.UPDATE && id != null) {
            service.revise(caller, v.actionId(), id, Objects.requireNonNull(row.basedOn()), terms);
        }
    }
}
