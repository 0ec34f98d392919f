package org.arrival.actionplans.spreadsheets.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrival.actionplans.actions.application.ActionService;
import org.arrival.actionplans.actions.domain.Action;
import org.arrival.actionplans.actions.domain.ActionDetails;
import org.arrival.actionplans.actions.persistence.ActionRepository;
import org.arrival.actionplans.actions.persistence.ActionRepository.ActionFilter;
import org.arrival.actionplans.actions.persistence.ActionRepository.StoredAction;
import org.arrival.actionplans.freshness.application.ReportingService;
import org.arrival.actionplans.freshness.domain.ReportingSchedule.Period;
import org.arrival.actionplans.plans.persistence.PlanRepository;
import org.arrival.actionplans.plans.persistence.PlanRepository.PlanFilter;
import org.arrival.actionplans.plans.persistence.PlanRepository.StoredPlan;
import org.arrival.actionplans.progress.application.ActionAccess;
import org.arrival.actionplans.progress.application.ProgressService;
import org.arrival.actionplans.progress.domain.Report;
import org.arrival.actionplans.progress.persistence.ReportRepository;
import org.arrival.actionplans.shared.application.PlanningAccess;
import org.arrival.actionplans.spreadsheets.domain.ActionSheet;
import org.arrival.actionplans.spreadsheets.domain.ActionSheet.RowReading;
import org.arrival.actionplans.spreadsheets.domain.ImportRow;
import org.arrival.actionplans.spreadsheets.domain.ImportRow.Values;
import org.arrival.actionplans.spreadsheets.domain.RecordKind;
import org.arrival.actionplans.spreadsheets.domain.SpreadsheetImport;
import org.arrival.actionplans.spreadsheets.persistence.ImportRepository;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.common.Sector;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.spreadsheets.SpreadsheetFormat;
import org.arrival.platform.spreadsheets.SpreadsheetLimits;
import org.arrival.platform.spreadsheets.SpreadsheetReader;
import org.arrival.platform.spreadsheets.SpreadsheetWriter;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.arrival.platform.spreadsheets.imports.ImportOutcome;
import org.arrival.platform.spreadsheets.imports.ImportStatus;
import org.arrival.platform.spreadsheets.imports.RowChange;
import org.arrival.platform.web.AccessRefused;
import org.arrival.platform.web.ApiException;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RecordNotFound;
import org.arrival.platform.web.RuleViolation;
import org.arrival.platform.web.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spreadsheet round trip of an organisation's actions in a forum: the export (the actions of the forum's tracker
 * that the organisation owns, with the reporting period due), the preview of an uploaded file (stored, nothing else
 * written), its confirmation (every accepted row through {@link ActionService} and {@link ProgressService}, so
 * validation, events and history are those of the API, all in one transaction), its report and its discarding.
 * The milestones and funding lines of the same actions make the same round trip ({@link MilestoneRows},
 * {@link FundingRows}).
 * Only the organisation's editors and administrators use it, never for another organisation, never an enforcement
 * body.
 */
@Service
public class SpreadsheetService {

    private static final int PAGE = PageQuery.MAX_SIZE;

    private final ActionService actionService;
    private final ProgressService progress;
    private final ReportingService reporting;
    private final ActionRepository actions;
    private final PlanRepository plans;
    private final ReportRepository reports;
    private final ImportRepository imports;
    private final PlanningAccess access;
    private final ActionAccess actionAccess;
    private final Map<RecordKind, RecordRows> kinds;
    private final SpreadsheetReader reader = new SpreadsheetReader(SpreadsheetLimits.defaults());

    public SpreadsheetService(
            ActionService actionService,
            ProgressService progress,
            ReportingService reporting,
            ActionRepository actions,
            PlanRepository plans,
            ReportRepository reports,
            ImportRepository imports,
            PlanningAccess access,
            ActionAccess actionAccess,
            MilestoneRows milestoneRows,
            FundingRows fundingRows) {
        this.actionService = actionService;
        this.progress = progress;
        this.reporting = reporting;
        this.actions = actions;
        this.plans = plans;
        this.reports = reports;
        this.imports = imports;
        this.access = access;
        this.actionAccess = actionAccess;
        this.kinds = Map.of(RecordKind.MILESTONES, milestoneRows, RecordKind.FUNDING_LINES, fundingRows);
    }

    /** A file to download. */
    public record SpreadsheetFile(String fileName, String contentType, byte[] content) {}

    @Transactional(readOnly = true)
    public SpreadsheetFile export(
            Caller caller, UUID forumId, RecordKind kind, SpreadsheetFormat format, @Nullable Locale locale) {
        Viewer viewer = requireImporter(caller);
        UUID organisation = requireForum(caller, forumId);
        List<Table.Row> rows = new ArrayList<>();
        int number = 3;
        List<StoredAction> forumActions = forumActions(viewer, organisation, forumId);
        if (kind == RecordKind.ACTIONS) {
            for (StoredAction s : forumActions) {
                rows.add(new Table.Row(number++, exported(caller, s.action())));
            }
        } else {
            for (List<String> cells : rowsOf(kind).exported(viewer, forumActions)) {
                rows.add(new Table.Row(number++, cells));
            }
        }
        Table table = new Table(kind.headings(locale), kind.keys(), rows);
        byte[] content = format == SpreadsheetFormat.XLSX
                ? SpreadsheetWriter.xlsx(table, kind.sheetName(), kind.choices(), kind.dateKeys())
                : SpreadsheetWriter.csv(table);
        LocalDate today = LocalDate.ofInstant(access.clock().instant(), ZoneOffset.UTC);
        String name =
                kind.parameter() + "-" + forumId.toString().substring(0, 8) + "-" + today + "." + format.extension();
        return new SpreadsheetFile(name, format.contentType(), content);
    }

    private List<String> exported(Caller caller, Action a) {
        ActionDetails d = a.details();
        Period due = due(caller, a);
        return List.of(
                a.id().toString(),
                Long.toString(a.version()),
                d.title(),
                text(d.description()),
                d.kind().name(),
                d.sectors().stream().map(Sector::name).collect(Collectors.joining(";")),
                text(d.startDate()),
                text(d.endDate()),
                d.reportingCadence().name(),
                text(d.planId()),
                due == null ? "" : due.start().toString(),
                due == null ? "" : due.end().toString(),
                "",
                "",
                "");
    }

    /** The period whose report is due (it has ended and no report covers it), as the reporting standing says. */
    private @Nullable Period due(Caller caller, Action a) {
        ReportingService.Standing standing = reporting.standing(caller, a.id(), null);
        Period next = standing.nextDue();
        if (!standing.reportsExpected() || next == null || next.end().isAfter(standing.asOf())) {
            return null;
        }
        return next;
    }

    /**
     * The forum's actions its tracker shows for the organisation: those the organisation owns and shared with the
     * forum (the forum view selects an action by its sharedWithForums), not cancelled, by title.
     */
    private List<StoredAction> forumActions(Viewer viewer, UUID organisation, UUID forumId) {
        ActionFilter filter = new ActionFilter(
                organisation, null, forumId, null, null, null, null, null, null, null, null, null, null);
        List<StoredAction> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageResult<StoredAction> found = actions.search(filter, viewer, new PageQuery(page, PAGE, "title", false));
            found.items().stream()
                    .filter(s -> s.action().status() != ActionStatus.CANCELLED)
                    .forEach(all::add);
            if (page + 1 >= found.totalPages()) {
                break;
            }
        }
        all.sort(Comparator.comparing((StoredAction s) -> s.action().details().title())
                .thenComparing(s -> s.action().id()));
        return all;
    }

    @Transactional
    public SpreadsheetImport preview(
            Caller caller, UUID forumId, RecordKind kind, @Nullable String fileName, byte[] content) {
        Viewer viewer = requireImporter(caller);
        UUID organisation = requireForum(caller, forumId);
        Table table = reader.read(content);
        List<String> keyProblems = kind.keyProblems(table.keys());
        Optional<RecordKind> other = keyProblems.isEmpty() ? Optional.empty() : kind.otherKindOf(table.keys());
        if (other.isPresent()) {
            String holds =
                    "This file holds " + other.get().parameter().replace('-', ' ') + "; choose that kind to import it";
            throw new InvalidInput(holds, List.of(new ApiException.FieldError("file", holds, "spreadsheet.kind")));
        }
        if (!keyProblems.isEmpty()) {
            throw new InvalidInput(
                    "The file's columns cannot be read: " + String.join("; ", keyProblems),
                    keyProblems.stream()
                            .map(p -> new ApiException.FieldError("file", p, "spreadsheet.keys"))
                            .toList());
        }
        List<ImportRow> rows = kind == RecordKind.ACTIONS
                ? actionRows(table, viewer, organisation, forumId)
                : rowsOf(kind).judged(table, viewer, organisation, forumActions(viewer, organisation, forumId));
        Instant now = access.clock().instant().truncatedTo(ChronoUnit.MICROS);
        SpreadsheetImport imported = new SpreadsheetImport(
                UUID.randomUUID(),
                forumId,
                organisation,
                kind,
                fileName(fileName),
                ImportStatus.PREVIEWED,
                now,
                caller.userId(),
                null,
                rows);
        imports.insert(imported);
        return imported;
    }

    private RecordRows rowsOf(RecordKind kind) {
        return Objects.requireNonNull(kinds.get(kind), kind.name());
    }

    private List<ImportRow> actionRows(Table table, Viewer viewer, UUID organisation, UUID forumId) {
        List<ActionSheet.RowReading> readings =
                table.rows().stream().map(row -> ActionSheet.read(table, row)).toList();
        Map<UUID, StoredAction> known = new HashMap<>();
        // a file of new actions only needs none of the organisation's actions in the forum
        if (readings.stream().anyMatch(r -> r.id() != null)) {
            forumActions(viewer, organisation, forumId)
                    .forEach(s -> known.put(s.action().id(), s));
        }
        Judge judge = new Judge(table, viewer, organisation, forumId, known);
        List<ImportRow> rows = new ArrayList<>();
        for (ActionSheet.RowReading reading : readings) {
            rows.add(judge.row(reading));
        }
        return rows;
    }

    private static String fileName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "spreadsheet";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        base = base.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return base.isEmpty() ? "spreadsheet" : base.length() > 200 ? base.substring(0, 200) : base;
    }

    @Transactional(readOnly = true)
    public SpreadsheetImport get(Caller caller, UUID id) {
        requireImporter(caller);
        return owned(caller, imports.find(id), id);
    }

    /**
     * Applies every accepted row in one transaction: an action changed since the preview (its version differs)
     * refuses the whole confirmation (409, naming the rows), and so does a row the services refuse now; then
     * nothing is applied. Allowed a generous time: a file may hold thousands of rows.
     */
    @Transactional(timeout = 300)
    public SpreadsheetImport confirm(Caller caller, UUID id, @Nullable Long expectedVersion) {
        requireImporter(caller);
        SpreadsheetImport imported = owned(caller, imports.findForUpdate(id), id);
        if (imported.status() != ImportStatus.PREVIEWED) {
            throw new RuleViolation("The import was already "
                    + imported.status().name().toLowerCase(Locale.ROOT) + "; upload the file again to import it anew");
        }
        if (expectedVersion != null && expectedVersion != imported.version()) {
            throw new StaleVersion("spreadsheet import", id, expectedVersion);
        }
        List<ImportRow> accepted =
                imported.rows().stream().filter(ImportRow::accepted).toList();
        List<String> stale = new ArrayList<>();
        RecordKind kind = imported.records();
        for (ImportRow row : accepted) {
            if (kind != RecordKind.ACTIONS) {
                String changed = rowsOf(kind).changedSincePreview(row);
                if (changed != null) {
                    stale.add(changed);
                }
            } else if (row.actionId() != null) {
                long now = actions.find(row.actionId())
                        .map(s -> s.action().version())
                        .orElse(-1L);
                if (row.basedOn() == null || now != row.basedOn()) {
                    stale.add("row " + row.row() + " (version " + row.basedOn() + " → " + now + ")");
                }
            }
        }
        if (!stale.isEmpty()) {
            String records = kind == RecordKind.ACTIONS
                    ? "Actions"
                    : kind == RecordKind.MILESTONES ? "Milestones" : "Funding lines";
            throw new RuleViolation(records + " changed since the preview, so nothing was applied: "
                    + String.join(", ", stale) + "; export the spreadsheet again or upload it again");
        }
        for (ImportRow row : accepted) {
            try {
                if (kind == RecordKind.ACTIONS) {
                    apply(caller, imported.forumId(), row);
                } else {
                    rowsOf(kind).apply(caller, row);
                }
            } catch (ApiException e) {
                throw new RuleViolation("Row " + row.row() + " cannot be applied (" + e.getMessage()
                        + "), so nothing was applied; upload the file again");
            }
        }
        SpreadsheetImport applied = imported.applied(access.clock().instant().truncatedTo(ChronoUnit.MICROS));
        imports.update(applied, caller.userId());
        return applied;
    }

    private void apply(Caller caller, UUID forumId, ImportRow row) {
        Values v = Objects.requireNonNull(row.values(), "an accepted row has values");
        UUID actionId = row.actionId();
        if (row.outcome() == ImportOutcome.CREATE) {
            actionId =
                    actionService.propose(caller, created(v, forumId)).action().id();
        } else if (row.outcome() == ImportOutcome.UPDATE && actionId != null) {
            Action current = actions.find(actionId)
                    .orElseThrow(() -> new RecordNotFound("action", current0(row)))
                    .action();
            actionService.revise(caller, actionId, Objects.requireNonNull(row.basedOn()), merged(current.details(), v));
        }
        ImportRow.ReportLine r = row.report();
        if (r != null && actionId != null) {
            progress.publish(
                    caller,
                    actionId,
                    new Report.Draft(
                            r.periodStart(),
                            r.periodEnd(),
                            r.percentComplete(),
                            r.rag(),
                            Objects.requireNonNullElse(r.narrative(), ""),
                            List.of()));
        }
    }

    private static UUID current0(ImportRow row) {
        return Objects.requireNonNull(row.actionId());
    }

    @Transactional
    public SpreadsheetImport discard(Caller caller, UUID id) {
        requireImporter(caller);
        SpreadsheetImport imported = owned(caller, imports.findForUpdate(id), id);
        if (imported.status() == ImportStatus.APPLIED) {
            throw new RuleViolation("The import was applied; an applied import is not discarded");
        }
        if (imported.status() == ImportStatus.DISCARDED) {
            return imported;
        }
        SpreadsheetImport discarded = imported.discarded();
        imports.update(discarded, caller.userId());
        return discarded;
    }

    /**
     * The outcome of each row as CSV: row, outcome, action id, title, problems; for milestones and funding lines the
     * record's id before its action's.
     */
    @Transactional(readOnly = true)
    public SpreadsheetFile report(Caller caller, UUID id) {
        SpreadsheetImport imported = get(caller, id);
        boolean actions = imported.records() == RecordKind.ACTIONS;
        List<List<String>> rows = imported.rows().stream()
                .map(r -> {
                    List<String> cells = new ArrayList<>(
                            List.of(Integer.toString(r.row()), r.outcome().name()));
                    if (!actions) {
                        cells.add(text(r.recordId()));
                    }
                    cells.add(text(r.actionId()));
                    cells.add(text(r.title()));
                    cells.add(r.problems().stream()
                            .map(p -> (p.cell() == null ? "" : p.cell() + " ")
                                    + (p.column() == null ? "" : p.column() + ": ")
                                    + p.message())
                            .collect(Collectors.joining("; ")));
                    return (List<String>) cells;
                })
                .toList();
        byte[] content = SpreadsheetWriter.csv(
                actions
                        ? List.of("row", "outcome", "actionId", "title", "problems")
                        : List.of("row", "outcome", "recordId", "actionId", "title", "problems"),
                rows);
        return new SpreadsheetFile("import-" + id + "-report.csv", SpreadsheetFormat.CSV.contentType(), content);
    }

    /** An editor or administrator of an organisation that is no enforcement body (403 otherwise). */
    private Viewer requireImporter(Caller caller) {
        ActionAccess.requireEditor(caller, "import or export their actions, milestones or funding as a spreadsheet");
        Viewer viewer = access.viewer(caller);
        if (viewer.enforcementBody()) {
            throw new AccessRefused(
                    "Enforcement bodies do not import or export actions, milestones or funding as spreadsheets");
        }
        return viewer;
    }

    /** The caller's organisation, if it holds a seat in the forum; 404 otherwise (as if the forum did not exist). */
    private UUID requireForum(Caller caller, UUID forumId) {
        UUID organisation = Objects.requireNonNull(caller.organisationId());
        if (!access.organisations().forumsOf(organisation).contains(forumId)) {
            throw new RecordNotFound("forum", forumId);
        }
        return organisation;
    }

    private static SpreadsheetImport owned(Caller caller, Optional<SpreadsheetImport> found, UUID id) {
        return found.filter(i -> i.organisationId().equals(caller.organisationId()))
                .orElseThrow(() -> new RecordNotFound("spreadsheet import", id));
    }

    private static ActionDetails created(Values v, UUID forumId) {
        return new ActionDetails(
                v.planId(),
                v.title(),
                v.description(),
                v.kind(),
                null,
                v.sectors(),
                List.of(),
                List.of(),
                v.startDate(),
                v.endDate(),
                v.reportingCadence(),
                List.of(),
                null,
                false,
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                DataClassification.FORUM,
                List.of(forumId));
    }

    private static ActionDetails merged(ActionDetails d, Values v) {
        return new ActionDetails(
                v.planId(),
                v.title(),
                v.description(),
                v.kind(),
                d.orientation(),
                v.sectors(),
                d.targetGroups(),
                d.areas(),
                v.startDate(),
                v.endDate(),
                v.reportingCadence(),
                d.participants(),
                d.implementsActionId(),
                d.requiresLocalImplementation(),
                d.expectedImplementers(),
                d.weight(),
                d.needIds(),
                d.gapIds(),
                d.frameworkItems(),
                d.classification(),
                d.sharedWithForums());
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    /** Judges the rows of one file against the records as they are. */
    private final class Judge {
        private final Table table;
        private final Viewer viewer;
        private final UUID organisation;
        private final UUID forumId;
        private final Map<UUID, StoredAction> known;
        private final Map<UUID, Integer> seen = new HashMap<>();
        private final Map<UUID, Boolean> ownPlans = new HashMap<>();
        private final LocalDate today = actionAccess.today();
        private @Nullable List<StoredPlan> forumPlans;

        Judge(Table table, Viewer viewer, UUID organisation, UUID forumId, Map<UUID, StoredAction> known) {
            this.table = table;
            this.viewer = viewer;
            this.organisation = organisation;
            this.forumId = forumId;
            this.known = known;
        }

        ImportRow row(RowReading r) {
            List<CellProblem> problems = new ArrayList<>(r.problems());
            StoredAction current = null;
            if (r.id() != null) {
                current = known.get(r.id());
                if (current == null) {
                    current = actions.find(r.id())
                            .filter(s -> s.action().ownerId().equals(organisation))
                            .orElse(null);
                }
                Integer earlier = seen.putIfAbsent(r.id(), r.row());
                if (current == null) {
                    problems.add(problem(ActionSheet.ID, r.row(), "no action " + r.id() + " of your organisation"));
                } else if (earlier != null) {
                    problems.add(problem(ActionSheet.ID, r.row(), "the same action is on row " + earlier));
                } else if (current.action().status() == ActionStatus.CANCELLED) {
                    problems.add(problem(ActionSheet.ID, r.row(), "the action was cancelled; it is not changed"));
                } else if (r.version() != null
                        && r.version() != current.action().version()) {
                    problems.add(problem(ActionSheet.VERSION, r.row(), changedSince(r.version(), current)));
                }
            }
            Action action = current == null ? null : current.action();
            UUID planId = plan(r, action, problems);
            Values values = values(r, action, planId);
            List<RowChange> changes = List.of();
            if (values != null) {
                ActionDetails next = action == null ? created(values, forumId) : merged(action.details(), values);
                try {
                    next.validated();
                } catch (InvalidInput e) {
                    e.errors().forEach(f -> problems.add(problem(f.field(), r.row(), f.message())));
                }
                if (action != null) {
                    changes = changes(action.details(), values);
                }
            }
            checkReport(r, action, problems);
            String title = r.title() != null
                    ? r.title()
                    : action == null ? null : action.details().title();
            Long basedOn = action == null ? null : action.version();
            if (!problems.isEmpty() || values == null) {
                return new ImportRow(
                        r.row(),
                        r.id(),
                        title,
                        ImportOutcome.REFUSED,
                        changes,
                        null,
                        problems,
                        basedOn,
                        null,
                        r.id(),
                        null,
                        null);
            }
            ImportOutcome outcome = action == null
                    ? ImportOutcome.CREATE
                    : changes.isEmpty() ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATE;
            return new ImportRow(
                    r.row(),
                    r.id(),
                    title,
                    outcome,
                    changes,
                    r.report(),
                    List.of(),
                    basedOn,
                    values,
                    r.id(),
                    null,
                    null);
        }

        private CellProblem problem(@Nullable String key, int row, @Nullable String message) {
            int c = key == null ? -1 : table.column(key);
            return new CellProblem(
                    key, c < 0 ? null : Table.address(c, row), message == null ? "is not accepted" : message);
        }

        private String changedSince(long exported, StoredAction current) {
            String by = access.organisations()
                    .find(current.action().ownerId())
                    .map(o -> o.name())
                    .orElse("its organisation");
            return "changed since your export: version " + exported + " → "
                    + current.action().version() + " by " + by + " on "
                    + LocalDate.ofInstant(current.updatedAt(), ZoneOffset.UTC);
        }

        private @Nullable UUID plan(RowReading r, @Nullable Action action, List<CellProblem> problems) {
            if (r.planId() != null) {
                if (action == null || !r.planId().equals(action.details().planId())) {
                    boolean own = ownPlans.computeIfAbsent(
                            r.planId(),
                            p -> plans.find(p)
                                    .map(s -> s.plan().ownerId().equals(organisation)
                                            && s.plan().open())
                                    .orElse(false));
                    if (!own) {
                        problems.add(problem(
                                ActionSheet.PLAN_ID, r.row(), "no open plan " + r.planId() + " of your organisation"));
                    }
                }
                return r.planId();
            }
            if (action != null) {
                return null;
            }
            List<StoredPlan> candidates = forumPlans();
            if (candidates.size() > 1) {
                problems.add(problem(
                        ActionSheet.PLAN_ID,
                        r.row(),
                        "your organisation shares "
                                + candidates.size() + " plans with this forum; name the plan of the new action ("
                                + candidates.stream()
                                        .map(s -> s.plan().id() + " "
                                                + s.plan().details().title())
                                        .collect(Collectors.joining(", "))
                                + ")"));
                return null;
            }
            return candidates.isEmpty() ? null : candidates.getFirst().plan().id();
        }

        /** The organisation's open plans shared with the forum: a new action without a plan goes to the only one. */
        private List<StoredPlan> forumPlans() {
            if (forumPlans == null) {
                List<StoredPlan> found = new ArrayList<>();
                PlanFilter filter = new PlanFilter(organisation, null, null, null, null, forumId);
                for (int page = 0; ; page++) {
                    PageResult<StoredPlan> p = plans.search(filter, viewer, new PageQuery(page, PAGE, "title", false));
                    p.items().stream().filter(s -> s.plan().open()).forEach(found::add);
                    if (page + 1 >= p.totalPages()) {
                        break;
                    }
                }
                forumPlans = found;
            }
            return forumPlans;
        }

        private @Nullable Values values(RowReading r, @Nullable Action action, @Nullable UUID planId) {
            ActionDetails d = action == null ? null : action.details();
            var kind = r.kind() != null ? r.kind() : d == null ? null : d.kind();
            var cadence = r.reportingCadence() != null ? r.reportingCadence() : d == null ? null : d.reportingCadence();
            if (r.title() == null
                    || kind == null
                    || cadence == null
                    || r.sectors().isEmpty()) {
                return null;
            }
            return new Values(
                    planId, r.title(), r.description(), kind, r.sectors(), r.startDate(), r.endDate(), cadence);
        }

        private void checkReport(RowReading r, @Nullable Action action, List<CellProblem> problems) {
            ImportRow.ReportLine report = r.report();
            if (report == null) {
                return;
            }
            if (action == null) {
                problems.add(problem(
                        ActionSheet.PERCENT_COMPLETE,
                        r.row(),
                        "a new action starts PROPOSED; report"
                                + " its progress once it is committed, in a later export"));
                return;
            }
            if (action.status() == ActionStatus.PROPOSED || action.status() == ActionStatus.CANCELLED) {
                problems.add(problem(
                        ActionSheet.PERCENT_COMPLETE,
                        r.row(),
                        "the action is " + action.status() + "; progress is reported once it is committed"));
            }
            if (report.periodEnd().isAfter(today)) {
                problems.add(problem(
                        ActionSheet.REPORT_PERIOD_END,
                        r.row(),
                        "must not be in the future: a report" + " covers a period that has passed"));
            } else if (reports.covers(action.id(), report.periodEnd())) {
                problems.add(problem(
                        ActionSheet.REPORT_PERIOD_END,
                        r.row(),
                        "the action already has a report for" + " a period that includes " + report.periodEnd()
                                + "; report the next period instead"));
            }
        }
    }

    /** The fields a row changes, as the spreadsheet writes them. */
    static List<RowChange> changes(ActionDetails d, Values v) {
        Map<String, String[]> pairs = new LinkedHashMap<>();
        pairs.put(ActionSheet.TITLE, new String[] {d.title(), v.title()});
        pairs.put(ActionSheet.DESCRIPTION, new String[] {d.description(), v.description()});
        pairs.put(ActionSheet.KIND, new String[] {d.kind().name(), v.kind().name()});
        pairs.put(ActionSheet.SECTORS, new String[] {sectors(d.sectors()), sectors(v.sectors())});
        pairs.put(ActionSheet.START_DATE, new String[] {str(d.startDate()), str(v.startDate())});
        pairs.put(ActionSheet.END_DATE, new String[] {str(d.endDate()), str(v.endDate())});
        pairs.put(
                ActionSheet.REPORTING_CADENCE,
                new String[] {d.reportingCadence().name(), v.reportingCadence().name()});
        pairs.put(ActionSheet.PLAN_ID, new String[] {str(d.planId()), str(v.planId())});
        List<RowChange> changes = new ArrayList<>();
        pairs.forEach((field, p) -> {
            boolean same = ActionSheet.SECTORS.equals(field)
                    ? java.util.Set.copyOf(d.sectors()).equals(java.util.Set.copyOf(v.sectors()))
                    : Objects.equals(p[0], p[1]);
            if (!same) {
                changes.add(new RowChange(field, p[0], p[1]));
            }
        });
        return changes;
    }

    private static @Nullable String str(@Nullable Object o) {
        return o == null ? null : o.toString();
    }

    private static String sectors(List<Sector> sectors) {
        return sectors.stream().map(Sector::name).collect(Collectors.joining(";"));
    }
}
