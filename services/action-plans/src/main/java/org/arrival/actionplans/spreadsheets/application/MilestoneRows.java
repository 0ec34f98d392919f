package org.arrival.actionplans.spreadsheets.application;

import static org.arrival.actionplans.spreadsheets.application.RecordRows.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.arrival.actionplans.actions.persistence.ActionRepository.StoredAction;
import org.arrival.actionplans.milestones.application.MilestoneService;
import org.arrival.actionplans.milestones.domain.Milestone;
import org.arrival.actionplans.milestones.persistence.MilestoneRepository;
import org.arrival.actionplans.milestones.persistence.MilestoneRepository.StoredMilestone;
import org.arrival.actionplans.progress.application.ActionAccess;
import org.arrival.actionplans.progress.domain.ActionState;
import org.arrival.actionplans.spreadsheets.domain.ImportRow;
import org.arrival.actionplans.spreadsheets.domain.ImportRow.MilestoneValues;
import org.arrival.actionplans.spreadsheets.domain.MilestoneSheet;
import org.arrival.actionplans.spreadsheets.domain.MilestoneSheet.RowReading;
import org.arrival.contracts.actionplans.MilestoneStatus;
import org.arrival.platform.security.Caller;
import org.arrival.platform.security.Viewer;
import org.arrival.platform.spreadsheets.Table;
import org.arrival.platform.spreadsheets.imports.CellProblem;
import org.arrival.platform.spreadsheets.imports.ImportOutcome;
import org.arrival.platform.spreadsheets.imports.RowChange;
import org.arrival.platform.web.InvalidInput;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The milestones of an organisation's forum actions as spreadsheet rows. A row is judged by taking the steps the
 * milestone would take (schedule or reschedule, then reach, miss or cancel) on the domain as the API does, so it is
 * refused for the same reasons; the confirmation takes them through {@link MilestoneService}.
 */
@Component
class MilestoneRows implements RecordRows {

    private final MilestoneService service;
    private final MilestoneRepository milestones;
    private final ActionAccess access;

    MilestoneRows(MilestoneService service, MilestoneRepository milestones, ActionAccess access) {
        this.service = service;
        this.milestones = milestones;
        this.access = access;
    }

    /** A milestone and its action. */
    private record Found(StoredAction action, StoredMilestone milestone) {}

    /** The milestones of the actions, in the actions' order, each action's by due date. */
    private List<Found> of(List<StoredAction> actions) {
        List<Found> all = new ArrayList<>();
        for (StoredAction a : actions) {
            for (int page = 0; ; page++) {
                PageResult<StoredMilestone> found =
                        milestones.list(a.action().id(), null, new PageQuery(page, PageQuery.MAX_SIZE, "dueOn", false));
                found.items().forEach(m -> all.add(new Found(a, m)));
                if (page + 1 >= found.totalPages()) {
                    break;
                }
            }
        }
        return all;
    }

    @Override
    public List<List<String>> exported(Viewer viewer, List<StoredAction> actions) {
        return of(actions).stream()
                .map(f -> {
                    Milestone m = f.milestone().milestone();
                    return List.of(
                            m.id().toString(),
                            Long.toString(m.version()),
                            m.actionId().toString(),
                            f.action().action().details().title(),
                            m.title(),
                            m.dueOn().toString(),
                            m.status().name(),
                            text(m.reachedOn()));
                })
                .toList();
    }

    @Override
    public List<ImportRow> judged(Table table, Viewer viewer, UUID organisation, List<StoredAction> actions) {
        List<RowReading> readings =
                table.rows().stream().map(r -> MilestoneSheet.read(table, r)).toList();
        Map<UUID, StoredMilestone> known = new HashMap<>();
        if (readings.stream().anyMatch(r -> r.id() != null)) {
            of(actions).forEach(f -> known.put(f.milestone().milestone().id(), f.milestone()));
        }
        Judge judge = new Judge(table, viewer, organisation, RecordRows.forumActions(actions), known);
        return readings.stream().map(judge::row).toList();
    }

    private final class Judge {
        private final Viewer viewer;
        private final UUID organisation;
        private final KnownRecords<StoredMilestone> records;
        private final Map<UUID, ActionState> states = new HashMap<>();
        private final LocalDate today = access.today();

        Judge(Table table, Viewer viewer, UUID organisation, Set<UUID> forumActions, Map<UUID, StoredMilestone> known) {
            this.viewer = viewer;
            this.organisation = organisation;
            this.records = new KnownRecords<>(
                    table,
                    "milestone",
                    known,
                    forumActions,
                    m -> m.milestone().version(),
                    m -> m.milestone().actionId(),
                    this::changedSince);
        }

        ImportRow row(RowReading r) {
            List<CellProblem> problems = new ArrayList<>(r.problems());
            KnownRecords.Named<StoredMilestone> named =
                    records.named(r.row(), r.id(), r.version(), r.actionId(), problems);
            StoredMilestone current = named.current();
            Milestone m = current == null ? null : current.milestone();
            UUID actionId = named.actionId();
            String label = r.title() != null ? r.title() : m == null ? null : m.title();
            Long basedOn = m == null ? null : m.version();
            String title = r.title();
            LocalDate dueOn = r.dueOn();
            if (!problems.isEmpty() || actionId == null || title == null || dueOn == null) {
                return refused(r, actionId, label, List.of(), problems, basedOn);
            }
            ActionState action = states.computeIfAbsent(actionId, a -> access.readable(viewer, a));
            List<RowChange> changes = new ArrayList<>();
            boolean reschedule = false;
            MilestoneStatus target = null;
            String step = MilestoneSheet.ACTION_ID;
            try {
                Milestone next;
                if (m == null) {
                    next = Milestone.schedule(new UUID(0, 0), action, title, dueOn);
                } else {
                    next = m;
                    boolean retitled = !m.title().equals(title);
                    boolean moved = !m.dueOn().equals(dueOn);
                    if (retitled || moved) {
                        reschedule = true;
                        step = retitled ? MilestoneSheet.TITLE : MilestoneSheet.DUE_ON;
                        next = m.reschedule(action, title, dueOn);
                        if (retitled) {
                            changes.add(new RowChange(MilestoneSheet.TITLE, m.title(), next.title()));
                        }
                        if (moved) {
                            changes.add(new RowChange(
                                    MilestoneSheet.DUE_ON,
                                    m.dueOn().toString(),
                                    next.dueOn().toString()));
                        }
                    }
                }
                MilestoneStatus asked = r.status();
                if (asked != null && asked != next.status()) {
                    step = MilestoneSheet.STATUS;
                    target = asked;
                    MilestoneStatus from = next.status();
                    next = switch (asked) {
                        case REACHED -> next.reach(action, r.reachedOn(), today);
                        case MISSED -> next.miss(action);
                        case CANCELLED -> next.cancel(action);
                        case PLANNED ->
                            throw new RuleViolation("A " + from + " milestone does not go back to PLANNED; the"
                                    + " status is changed only to REACHED, MISSED or CANCELLED");
                    };
                    if (m != null) {
                        changes.add(new RowChange(MilestoneSheet.STATUS, from.name(), asked.name()));
                        if (asked == MilestoneStatus.REACHED) {
                            changes.add(new RowChange(MilestoneSheet.REACHED_ON, null, text(next.reachedOn())));
                        }
                    }
                } else if (r.reachedOn() != null && !r.reachedOn().equals(next.reachedOn())) {
                    problems.add(problem(
                            MilestoneSheet.REACHED_ON,
                            r.row(),
                            next.reachedOn() == null
                                    ? "is only filled for a REACHED milestone: set status to REACHED or empty it"
                                    : "is kept as recorded (" + next.reachedOn()
                                            + "): the day a milestone was reached is not changed"));
                }
            } catch (InvalidInput e) {
                if (e.errors().isEmpty()) {
                    problems.add(problem(step, r.row(), e.getMessage()));
                }
                String at = step;
                e.errors()
                        .forEach(f -> problems.add(problem(f.field() == null ? at : f.field(), r.row(), f.message())));
            } catch (RuleViolation e) {
                problems.add(problem(step, r.row(), e.getMessage()));
            }
            if (!problems.isEmpty()) {
                return refused(r, actionId, label, changes, problems, basedOn);
            }
            ImportOutcome outcome = ImportRow.outcome(m != null, changes);
            MilestoneValues values = new MilestoneValues(
                    actionId,
                    title,
                    dueOn,
                    reschedule,
                    target,
                    target == MilestoneStatus.REACHED ? r.reachedOn() : null);
            return new ImportRow(
                    r.row(), actionId, label, outcome, changes, null, List.of(), basedOn, null, r.id(), values, null);
        }

        private ImportRow refused(
                RowReading r,
                @Nullable UUID actionId,
                @Nullable String label,
                List<RowChange> changes,
                List<CellProblem> problems,
                @Nullable Long basedOn) {
            return ImportRow.refusedRecord(r.row(), r.id(), actionId, label, changes, problems, basedOn);
        }

        private CellProblem problem(String key, int row, @Nullable String message) {
            return records.problem(key, row, message);
        }

        /** Only the action owner's editors change its milestones: the owner is who changed it. */
        private String changedSince(long exported, StoredMilestone current) {
            String by =
                    access.organisations().find(organisation).map(o -> o.name()).orElse("your organisation");
            return RecordRows.changedSinceExport(exported, current.milestone().version(), by, current.updatedAt());
        }
    }

    @Override
    public @Nullable String changedSincePreview(ImportRow row) {
        return KnownRecords.changedSincePreview(
                row,
                (actionId, id) ->
                        milestones.find(actionId, id).map(m -> m.milestone().version()));
    }

    @Override
    public void apply(Caller caller, ImportRow row) {
        MilestoneValues v = Objects.requireNonNull(row.milestone(), "an accepted row has values");
        UUID id = row.recordId();
        Long expected = row.basedOn();
        if (row.outcome() == ImportOutcome.CREATE) {
            id = service.schedule(caller, v.actionId(), v.title(), v.dueOn())
                    .milestone()
                    .id();
            expected = null;
        } else if (row.outcome() != ImportOutcome.UPDATE || id == null) {
            return;
        } else if (v.reschedule()) {
            service.reschedule(caller, v.actionId(), id, Objects.requireNonNull(expected), v.title(), v.dueOn());
            expected = null;
        }
        MilestoneStatus target = v.status();
        if (target == null) {
            return;
        }
        switch (target) {
            case REACHED -> service.reach(caller, v.actionId(), id, expected, Objects.requireNonNull(v.reachedOn()));
            case MISSED -> service.miss(caller, v.actionId(), id, expected);
            case CANCELLED -> service.cancel(caller, v.actionId(), id, expected);
            case PLANNED -> throw new IllegalStateException("a milestone is not moved back to PLANNED");
        }
    }
}
