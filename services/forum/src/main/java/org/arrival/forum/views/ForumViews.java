package org.arrival.forum.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Inclusion;
import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.assessments.Disaggregation;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.forum.CoherenceFlag;
import org.arrival.contracts.forum.CoherenceFlagParameters;
import org.arrival.contracts.forum.CoherenceFlagRaised;
import org.arrival.contracts.forum.CoherenceFlagUpdated;
import org.arrival.contracts.forum.FlaggedRecord;
import org.arrival.forum.projection.domain.Lateness;
import org.arrival.forum.projection.domain.Places;
import org.arrival.forum.projection.domain.ProjectedEvent;
import org.arrival.forum.projection.domain.ProjectionStore;
import org.arrival.forum.projection.domain.Rows;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.AgendaItemState;
import org.arrival.forum.projection.domain.Rows.AssignmentRow;
import org.arrival.forum.projection.domain.Rows.DecisionRow;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Rows.FundingTotal;
import org.arrival.forum.projection.domain.Rows.GapRow;
import org.arrival.forum.projection.domain.Rows.InputRow;
import org.arrival.forum.projection.domain.Rows.MeetingRow;
import org.arrival.forum.projection.domain.Rows.MilestoneState;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.projection.domain.Rows.OrganisationRow;
import org.arrival.forum.projection.domain.Rows.PlanRow;
import org.arrival.forum.projection.domain.Rows.PopulationRow;
import org.arrival.forum.projection.domain.Rows.RecordRef;
import org.arrival.forum.projection.domain.Rows.RoundScoreRow;
import org.arrival.forum.projection.domain.Scopes;
import org.arrival.forum.views.ForumListings.ActionFilter;
import org.arrival.forum.views.ForumListings.SectorProgress;
import org.arrival.forum.views.ForumListings.TrackerCounts;
import org.arrival.forum.views.ForumListings.WhoWhatWhereCount;
import org.arrival.platform.directory.Organisations;
import org.arrival.platform.security.DisclosureControl;
import org.arrival.platform.security.RecordScope;
import org.arrival.platform.security.Viewer;
import org.jspecify.annotations.Nullable;

/**
 * The forum's views over one state of the projection (live or as of a time), filtered for the viewer: records by
 * {@link Viewer#mayRead} with their classification and shared forums, and for enforcement bodies never records of
 * organisations hidden from them. {@link ForumListings} applies the same rules in the database for the live views;
 * the as-of view applies them here to a projection held in memory.
 */
public class ForumViews {

    private static final Set<String> ACTIVE = Set.of("COMMITTED", "IN_PROGRESS", "COMPLETED", "EVALUATED");

    /** Orders records as the listings do: by title (as the database's "C" collation), then by id. */
    static final Comparator<ActionRow> BY_TITLE = Comparator.comparing((ActionRow a) -> a.title == null ? "" : a.title)
            .thenComparing(a -> a.id.toString());

    private final ProjectionStore store;
    private final Organisations replica;
    private final Viewer viewer;
    private final LocalDate today;

    /**
     * @param today the day lateness is read on: today (UTC) for the live views, the day of the instant for the
     *        as-of view
     */
    public ForumViews(ProjectionStore store, Organisations replica, Viewer viewer, LocalDate today) {
        this.store = store;
        this.replica = replica;
        this.viewer = viewer;
        this.today = today;
    }

    /**
     * An action in the tracker. {@code overdue} and {@code daysOverdue} say whether its report due ({@code reportDueOn})
     * is past its due date, {@code nextMilestone} is its earliest planned milestone (late when its due date has
     * passed), {@code lateMilestones} its planned milestones past their due dates and {@code missedMilestones} those
     * recorded missed: all as of the day the tracker is read.
     */
    public record TrackerItem(
            UUID actionId,
            String title,
            UUID ownerId,
            @Nullable String ownerName,
            @Nullable String status,
            @Nullable String kind,
            @Nullable String orientation,
            List<String> sectors,
            List<String> targetGroups,
            List<Jurisdiction> areas,
            List<String> frameworkItems,
            @Nullable Integer percentComplete,
            @Nullable String rag,
            @Nullable LocalDate reportPeriodEnd,
            @Nullable NextMilestone nextMilestone,
            boolean overdue,
            @Nullable Integer daysOverdue,
            List<FundingTotal> funding,
            String classification,
            @Nullable UUID planId,
            @Nullable LocalDate startDate,
            @Nullable LocalDate endDate,
            @Nullable LocalDate reportDueOn,
            List<MilestoneItem> lateMilestones,
            List<MilestoneItem> missedMilestones) {}

    public record NextMilestone(
            UUID milestoneId,
            String title,
            LocalDate dueOn,
            boolean late,
            @Nullable Long daysLate) {}

    /** A milestone that is late (with by how many days) or missed. */
    public record MilestoneItem(
            UUID milestoneId,
            String title,
            LocalDate dueOn,
            @Nullable Long daysLate) {}

    public record WhoWhatWhere(
            UUID organisationId,
            @Nullable String organisationName,
            String sector,
            @Nullable String area,
            @Nullable String status,
            int actions) {}

    /**
     * One cell of the needs coverage: a sector, population group and area, how well its needs are covered, by which
     * actions.
     *
     * @param inputs the inputs about the cell's needs the viewer may see
     * @param inputsPerNeed of those, how many about each need (needs without any are left out)
     */
    public record CoverageCell(
            @Nullable String sector,
            String group,
            @Nullable String area,
            String coverage,
            int needs,
            List<UUID> needIds,
            List<UUID> actionIds,
            int inputs,
            Map<UUID, Integer> inputsPerNeed) {}

    /**
     * A published round's overall score. A question nobody answered is not assessed: {@code assessedMax} is the maximum
     * of the assessed questions, {@code questionsAssessed} of {@code questions}, and {@code percent} is the points out
     * of {@code assessedMax} (null when nothing was assessed). The three are null for rounds published before scores
     * carried them; {@code percent} is then out of {@code max}.
     */
    public record RoundScore(
            UUID roundId,
            String title,
            @Nullable Instant publishedAt,
            @Nullable Double points,
            @Nullable Integer max,
            @Nullable Double percent,
            int respondents,
            List<String> divergentQuestions,
            @Nullable Integer assessedMax,
            @Nullable Integer questionsAssessed,
            @Nullable Integer questions) {}

    public record Readiness(
            @Nullable RoundScore latest,
            List<RoundScore> trend,
            @Nullable Double change,
            List<Map<String, Object>> recommendations,
            List<String> divergentQuestions,
            List<GapItem> gaps) {}

    public record GapItem(
            UUID gapId, String questionCode, String consolidatedAnswer, double points, boolean divergent) {}

    /** A plan shared with the forum, with how many of the forum's actions the viewer sees in it. */
    public record PlanItem(
            UUID planId,
            String title,
            UUID ownerId,
            @Nullable String ownerName,
            @Nullable String type,
            @Nullable String status,
            Jurisdiction jurisdiction,
            @Nullable LocalDate periodStart,
            @Nullable LocalDate periodEnd,
            List<String> objectives,
            @Nullable String nupPhase,
            Inclusion inclusion,
            String classification,
            int actions) {}

    /**
     * A population estimate with its counts as the forum shows them: a count below 5 reads {@code "<5"}, the others
     * are rounded to a multiple of 5.
     */
    public record EstimateItem(
            UUID estimateId,
            UUID ownerId,
            @Nullable String ownerName,
            @Nullable String seriesId,
            Jurisdiction area,
            @Nullable String group,
            @Nullable Count registered,
            @Nullable Count estimated,
            List<Disaggregation> breakdown,
            String source,
            @Nullable String method,
            LocalDate asOf,
            String classification) {}

    // ---- meetings and decisions

    /** A coherence flag as it stood (now, or as of a time from its events), for naming it and listing it open. */
    public record FlagState(
            UUID flagId,
            long version,
            UUID forumId,
            String checkCode,
            @Nullable String severity,
            String status,
            String summary,
            List<UUID> recordIds,
            @Nullable CoherenceFlagParameters parameters) {

        public static FlagState of(CoherenceFlag f) {
            return new FlagState(
                    f.flagId(),
                    f.version(),
                    f.forumId(),
                    f.checkCode() == null ? "" : f.checkCode().name(),
                    f.severity() == null ? null : f.severity().name(),
                    f.status() == null ? "" : f.status().name(),
                    f.summary(),
                    f.recordIds() == null ? List.of() : f.recordIds(),
                    f.parameters());
        }

        boolean open() {
            return "OPEN".equals(status) || "ACKNOWLEDGED".equals(status);
        }
    }

    /**
     * A flag in a meeting's pack, in the fields of the flag list's items it has (a flag as it stood on a past date is
     * read from its events); {@code records} are the records it names, {@code parameters} what its check found.
     */
    public record FlagItem(
            UUID flagId,
            long version,
            UUID forumId,
            String checkCode,
            @Nullable String severity,
            String status,
            String summary,
            List<UUID> recordIds,
            List<FlaggedRecord> records,
            boolean conditionHolds,
            @Nullable CoherenceFlagParameters parameters) {}

    /** A record an agenda item or a decision points at, named as the reader may read it. */
    public record RecordItem(
            String kind,
            UUID recordId,
            @Nullable String title,
            @Nullable String status) {}

    public record Votes(int inFavour, int against, int abstaining) {}

    public record DissentItem(UUID stakeholderId, @Nullable String organisationName, String reason) {}

    public record ProgressItem(
            LocalDate periodStart,
            LocalDate periodEnd,
            @Nullable String rag,
            @Nullable String summary) {}

    /** The assignee's own action that took an assignment on. */
    public record LinkedAction(
            UUID actionId,
            String title,
            @Nullable String status,
            boolean reportingOverdue,
            @Nullable ProgressItem latestProgress) {}

    /**
     * What came of one assignment: {@code overdue} when it was not accepted by its due date ({@code NOT_ACCEPTED})
     * or its linked action's report is late ({@code REPORTING_OVERDUE}).
     */
    public record AssignmentOutcome(
            UUID assignmentId,
            UUID assigneeId,
            @Nullable String assigneeName,
            String expected,
            LocalDate dueOn,
            @Nullable String status,
            @Nullable String declineReason,
            boolean overdue,
            List<String> overdueReasons,
            @Nullable LinkedAction action) {}

    /** What came of a decision: the decision, the records it concerns and its assignments with their actions. */
    public record DecisionOutcome(
            UUID decisionId,
            UUID meetingId,
            @Nullable String meetingTitle,
            LocalDate decidedOn,
            String text,
            @Nullable String type,
            @Nullable String method,
            @Nullable Votes votes,
            List<DissentItem> dissent,
            List<RecordItem> concerns,
            List<AssignmentOutcome> assignments,
            boolean overdue) {}

    public record AttendanceItem(
            UUID stakeholderId,
            @Nullable String organisationName,
            @Nullable String status) {}

    public record AgendaEntry(
            UUID itemId, String title, @Nullable String note, List<RecordItem> records) {}

    public record PackMeeting(
            UUID meetingId,
            String title,
            LocalDate date,
            @Nullable String startTime,
            @Nullable String place,
            @Nullable String onlineLink,
            @Nullable String status,
            @Nullable String minutes,
            @Nullable String cancellationReason,
            List<AttendanceItem> attendance,
            List<AgendaEntry> agenda) {}

    public record MeetingRef(UUID meetingId, String title, LocalDate date) {}

    /**
     * What a meeting needs on the table: the meeting, the tracker and the open flags as they stood at the end of its
     * date, the previous meeting and what came of its decisions by then.
     */
    public record MeetingPack(
            PackMeeting meeting,
            List<TrackerItem> tracker,
            List<FlagItem> openFlags,
            @Nullable MeetingRef previousMeeting,
            List<DecisionOutcome> previousDecisions) {}

    static final String NOT_ACCEPTED = "NOT_ACCEPTED";
    static final String REPORTING_OVERDUE = "REPORTING_OVERDUE";

    /** The forum's flags as their events up to a time left them, by id. */
    public static Map<UUID, FlagState> flagsFrom(List<ProjectedEvent> events, UUID forumId) {
        Map<UUID, CoherenceFlag> latest = new LinkedHashMap<>();
        for (ProjectedEvent e : events) {
            CoherenceFlag f = flag(e);
            if (f != null && forumId.equals(f.forumId())) {
                CoherenceFlag known = latest.get(f.flagId());
                if (known == null || known.version() <= f.version()) {
                    latest.put(f.flagId(), f);
                }
            }
        }
        Map<UUID, FlagState> out = new LinkedHashMap<>();
        latest.forEach((id, f) -> out.put(id, FlagState.of(f)));
        return out;
    }

    private static @Nullable CoherenceFlag flag(ProjectedEvent e) {
        try {
            return switch (e.name()) {
                case "CoherenceFlagRaised" ->
                    e.payloadAs(CoherenceFlagRaised.class).flag();
                case "CoherenceFlagUpdated" ->
                    e.payloadAs(CoherenceFlagUpdated.class).flag();
                default -> null;
            };
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * The forum's decisions, newest first, with what came of them as this state of the projection holds it. The
     * firewall: a concern or a linked action the viewer may not read is left out, as is a dissent or an assignment
     * naming an organisation hidden from the viewer; a linked action is shown only when its owner is the assignee.
     */
    public List<DecisionOutcome> decisions(UUID forumId, Map<UUID, FlagState> flags) {
        Map<UUID, List<AssignmentRow>> assignments = new HashMap<>();
        store.assignmentsOf(forumId).stream()
                .sorted(Comparator.comparing((AssignmentRow a) -> a.dueOn).thenComparing(a -> a.id.toString()))
                .forEach(a -> assignments
                        .computeIfAbsent(a.decisionId, k -> new ArrayList<>())
                        .add(a));
        return store.decisionsOf(forumId).stream()
                .sorted(Comparator.comparing((DecisionRow d) -> d.decidedOn)
                        .thenComparing(d -> d.recordedAt)
                        .reversed()
                        .thenComparing(d -> d.id.toString()))
                .map(d -> outcome(d, assignments.getOrDefault(d.id, List.of()), flags))
                .toList();
    }

    private DecisionOutcome outcome(DecisionRow d, List<AssignmentRow> assignments, Map<UUID, FlagState> flags) {
        List<AssignmentOutcome> shown = assignments.stream()
                .filter(a -> viewer.maySeeOrganisation(a.assigneeId))
                .map(this::assignment)
                .toList();
        return new DecisionOutcome(
                d.id,
                d.meetingId,
                store.meeting(d.meetingId).map(m -> m.title).orElse(null),
                d.decidedOn,
                d.text,
                d.type,
                d.method,
                d.inFavour == null || d.against == null || d.abstaining == null
                        ? null
                        : new Votes(d.inFavour, d.against, d.abstaining),
                d.dissent.stream()
                        .filter(x -> viewer.maySeeOrganisation(x.stakeholderId))
                        .map(x -> new DissentItem(x.stakeholderId, organisationName(x.stakeholderId), x.reason))
                        .toList(),
                records(d.concerns, d.forumId, flags),
                shown,
                shown.stream().anyMatch(AssignmentOutcome::overdue));
    }

    private AssignmentOutcome assignment(AssignmentRow a) {
        LinkedAction action = linkedAction(a);
        List<String> reasons = new ArrayList<>();
        if ("OPEN".equals(a.status) && a.dueOn.isBefore(today)) {
            reasons.add(NOT_ACCEPTED);
        }
        if (action != null && action.reportingOverdue()) {
            reasons.add(REPORTING_OVERDUE);
        }
        return new AssignmentOutcome(
                a.id,
                a.assigneeId,
                organisationName(a.assigneeId),
                a.expected,
                a.dueOn,
                a.status,
                a.declineReason,
                !reasons.isEmpty(),
                List.copyOf(reasons),
                action);
    }

    /** The action the assignee linked, if it is the assignee's own and the viewer may read it. */
    private @Nullable LinkedAction linkedAction(AssignmentRow a) {
        if (a.actionId == null) {
            return null;
        }
        ActionRow action = store.action(a.actionId).orElse(null);
        if (action == null
                || action.placeholder
                || !a.assigneeId.equals(action.ownerId)
                || !visible(action.ownerId, action.classification, action.sharedWithForums)) {
            return null;
        }
        Rows.Report r = action.latestReport;
        return new LinkedAction(
                action.id,
                action.title,
                action.status,
                Lateness.overdueReport(action, today) != null,
                r == null ? null : new ProgressItem(r.periodStart, r.periodEnd, r.rag, r.summary));
    }

    /** The records the viewer may read among those referred to, each with its title and status. */
    private List<RecordItem> records(List<RecordRef> refs, UUID forumId, Map<UUID, FlagState> flags) {
        List<RecordItem> out = new ArrayList<>();
        for (RecordRef ref : refs) {
            RecordItem item = record(ref, forumId, flags);
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }

    private @Nullable RecordItem record(RecordRef ref, UUID forumId, Map<UUID, FlagState> flags) {
        String kind = ref.kind;
        UUID id = ref.recordId;
        if (kind == null || id == null) {
            return null;
        }
        return switch (kind) {
            case "ACTION" ->
                store.action(id)
                        .filter(a -> !a.placeholder && visible(a.ownerId, a.classification, a.sharedWithForums))
                        .map(a -> new RecordItem(kind, id, a.title, a.status))
                        .orElse(null);
            case "NEED" ->
                store.need(id)
                        .filter(n -> visible(n.ownerId, n.classification, n.sharedWithForums))
                        .map(n -> new RecordItem(kind, id, n.statement, n.status))
                        .orElse(null);
            case "PLAN" ->
                store.plan(id)
                        .filter(p -> visible(p.ownerId, p.classification, p.sharedWithForums))
                        .map(p -> new RecordItem(kind, id, p.title, p.status))
                        .orElse(null);
            case "ROUND" ->
                store.round(id)
                        .filter(r -> visible(r.ownerId, r.classification, r.sharedWithForums)
                                && viewer.visibleOrganisations(Scopes.named(r)).size()
                                        == Scopes.named(r).size())
                        .map(r -> new RecordItem(kind, id, r.title, r.status))
                        .orElse(null);
            case "FLAG" -> {
                FlagState f = flags.get(id);
                yield f == null || !forumId.equals(f.forumId()) || !mayReadAll(f.recordIds())
                        ? null
                        : new RecordItem(kind, id, f.summary(), f.status());
            }
            case "DECISION" ->
                store.decision(id)
                        .filter(d -> forumId.equals(d.forumId))
                        .map(d -> new RecordItem(kind, id, d.text, null))
                        .orElse(null);
            default -> null;
        };
    }

    /** The flags open (or acknowledged) among those given that the viewer may read, oldest first. */
    public List<FlagItem> openFlags(Map<UUID, FlagState> flags) {
        return flags.values().stream()
                .filter(f -> f.open() && mayReadAll(f.recordIds()))
                .map(f -> new FlagItem(
                        f.flagId(),
                        f.version(),
                        f.forumId(),
                        f.checkCode(),
                        f.severity(),
                        f.status(),
                        f.summary(),
                        f.recordIds(),
                        f.parameters() == null || f.parameters().records() == null
                                ? List.of()
                                : f.parameters().records(),
                        true,
                        f.parameters()))
                .toList();
    }

    /** The meeting as the pack shows it: attendance of the organisations the viewer may know of, agenda records named. */
    public PackMeeting packMeeting(MeetingRow m, Map<UUID, FlagState> flags) {
        return new PackMeeting(
                m.id,
                m.title,
                m.date,
                m.startTime,
                m.place,
                m.onlineLink,
                m.status,
                m.minutes,
                m.cancellationReason,
                m.attendance.stream()
                        .filter(a -> viewer.maySeeOrganisation(a.stakeholderId))
                        .map(a -> new AttendanceItem(a.stakeholderId, organisationName(a.stakeholderId), a.status))
                        .toList(),
                m.agenda.stream()
                        .map((AgendaItemState i) ->
                                new AgendaEntry(i.itemId, i.title, i.note, records(i.records, m.forumId, flags)))
                        .toList());
    }

    /** The forum's meeting held (or to be held) last before this one, leaving out cancelled ones. */
    public @Nullable MeetingRef previousMeeting(MeetingRow meeting) {
        return store.meetingsOf(meeting.forumId).stream()
                .filter(m -> !m.id.equals(meeting.id) && !"CANCELLED".equals(m.status) && m.date.isBefore(meeting.date))
                .max(Comparator.comparing((MeetingRow m) -> m.date).thenComparing(m -> m.id.toString()))
                .map(m -> new MeetingRef(m.id, m.title, m.date))
                .orElse(null);
    }

    // ---- which records the viewer sees in the forum (the rules ForumListings runs as SQL)

    /** The forum's actions the viewer may see: shared with the forum by organisations holding a seat in it. */
    public List<ActionRow> visibleActions(UUID forumId) {
        Set<UUID> members = members(forumId);
        return store.actionsSharedWith(forumId).stream()
                .filter(a -> !a.placeholder && a.ownerId != null && members.contains(a.ownerId))
                .filter(a -> visible(a.ownerId, a.classification, a.sharedWithForums))
                .sorted(BY_TITLE)
                .toList();
    }

    /** Needs within the forum's area the viewer may see, whatever their status. */
    public List<NeedRow> visibleNeeds(UUID forumId) {
        ForumRow forum = store.forum(forumId).orElse(null);
        return store.needs().stream()
                .filter(n -> visible(n.ownerId, n.classification, n.sharedWithForums) && within(n.area, forum))
                .toList();
    }

    /**
     * Rounds the viewer may see that are shared with the forum or lie within its area, published or not. A round is
     * made of what the organisations it names answer: it exists only for a viewer who may know of every one of them.
     */
    public List<RoundScoreRow> visibleRounds(UUID forumId) {
        ForumRow forum = store.forum(forumId).orElse(null);
        return store.rounds().stream()
                .filter(r -> visible(r.ownerId, r.classification, r.sharedWithForums))
                .filter(r -> viewer.visibleOrganisations(Scopes.named(r)).size()
                        == Scopes.named(r).size())
                .filter(r -> r.sharedWithForums.contains(forumId) || within(r.jurisdiction, forum))
                .toList();
    }

    /** The gaps of the round the viewer may see, with the round's forums as theirs. */
    public List<GapRow> visibleGaps(RoundScoreRow round) {
        return store.gaps().stream()
                .filter(g -> round.id.equals(g.roundId) && visible(g.ownerId, g.classification, round.sharedWithForums))
                .toList();
    }

    /** Plans shared with the forum by organisations holding a seat in it, that the viewer may see. */
    public List<PlanRow> visiblePlans(UUID forumId) {
        Set<UUID> members = members(forumId);
        return store.plans().stream()
                .filter(p -> p.sharedWithForums.contains(forumId)
                        && members.contains(p.ownerId)
                        && visible(p.ownerId, p.classification, p.sharedWithForums))
                .toList();
    }

    /** Population estimates within the forum's area the viewer may see. */
    public List<PopulationRow> visibleEstimates(UUID forumId) {
        ForumRow forum = store.forum(forumId).orElse(null);
        return store.estimates().stream()
                .filter(e -> within(e.area, forum) && visible(e.ownerId, e.classification, e.sharedWithForums))
                .toList();
    }

    /** Inputs the viewer may see about the needs and rounds given (their owners by id). */
    public List<InputRow> visibleInputs(Map<UUID, UUID> subjectOwners) {
        return store.inputs().stream()
                .filter(i -> subjectOwners.containsKey(i.subjectId) && inputVisible(i, subjectOwners.get(i.subjectId)))
                .toList();
    }

    /**
     * The viewer may see the input: their own; one they may read by classification and forum; or, as the owner of
     * its need or round, one not kept to the contributor's organisation. Never a RESTRICTED one or one of a hidden
     * organisation for an enforcement body.
     */
    boolean inputVisible(InputRow i, @Nullable UUID subjectOwner) {
        if (visible(i.contributorId, i.classification, i.sharedWithForums)) {
            return true;
        }
        if (i.contributorId == null
                || i.classification == null
                || subjectOwner == null
                || !viewer.owns(subjectOwner)
                || "ORGANISATION".equals(i.classification)) {
            return false;
        }
        return !(viewer.enforcementBody() && "RESTRICTED".equals(i.classification))
                && viewer.maySeeOrganisation(i.contributorId);
    }

    /** The record ids the viewer sees in the forum, by record type (the as-of view's "what changed" uses them). */
    public Map<String, Set<UUID>> visibleRecords(UUID forumId) {
        Map<String, Set<UUID>> out = new LinkedHashMap<>();
        out.put(RecordTypes.ACTION, ids(visibleActions(forumId).stream().map(a -> a.id)));
        List<NeedRow> needs = visibleNeeds(forumId);
        out.put(RecordTypes.NEED, ids(needs.stream().map(n -> n.id)));
        List<RoundScoreRow> rounds = visibleRounds(forumId);
        out.put(RecordTypes.ROUND, ids(rounds.stream().map(r -> r.id)));
        out.put(
                RecordTypes.GAP,
                ids(rounds.stream().flatMap(r -> visibleGaps(r).stream()).map(g -> g.id)));
        out.put(RecordTypes.PLAN, ids(visiblePlans(forumId).stream().map(p -> p.id)));
        out.put(
                RecordTypes.POPULATION_ESTIMATE,
                ids(visibleEstimates(forumId).stream().map(e -> e.id)));
        Map<UUID, UUID> subjects = new LinkedHashMap<>();
        needs.forEach(n -> subjects.put(n.id, n.ownerId));
        rounds.forEach(r -> subjects.put(r.id, r.ownerId));
        out.put(RecordTypes.INPUT, ids(visibleInputs(subjects).stream().map(i -> i.id)));
        return out;
    }

    /**
     * The titles of the records the viewer sees in the forum, by id: actions, plans, needs (their statement), rounds
     * and checklist gaps (their question), and the forum's own name (the as-of view's "what changed" names them).
     */
    public Map<UUID, String> visibleTitles(UUID forumId) {
        Map<UUID, String> out = new HashMap<>();
        visibleActions(forumId).forEach(a -> putTitle(out, a.id, a.title));
        visibleNeeds(forumId).forEach(n -> putTitle(out, n.id, n.statement));
        for (RoundScoreRow r : visibleRounds(forumId)) {
            putTitle(out, r.id, r.title);
            visibleGaps(r).forEach(g -> putTitle(out, g.id, g.questionCode));
        }
        visiblePlans(forumId).forEach(p -> putTitle(out, p.id, p.title));
        store.forum(forumId).ifPresent(f -> putTitle(out, f.id, f.name));
        return out;
    }

    private static void putTitle(Map<UUID, String> titles, UUID id, String title) {
        if (id != null && title != null && !title.isBlank()) {
            titles.put(id, title);
        }
    }

    private static Set<UUID> ids(java.util.stream.Stream<UUID> ids) {
        return ids.collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Set<UUID> members(UUID forumId) {
        return store.membershipsOf(forumId).stream()
                .filter(m -> m.active())
                .map(m -> m.stakeholderId)
                .collect(Collectors.toSet());
    }

    // ---- the views

    /** The tracker over this state of the projection, filtered here (the live tracker filters in the database). */
    public List<TrackerItem> tracker(UUID forumId, ActionFilter filter) {
        return visibleActions(forumId).stream()
                .filter(a -> matches(a, filter))
                .map(this::item)
                .toList();
    }

    public List<WhoWhatWhere> whoWhatWhere(List<WhoWhatWhereCount> counts) {
        return counts.stream()
                .map(c -> new WhoWhatWhere(
                        c.organisationId(),
                        organisationName(c.organisationId()),
                        c.sector(),
                        c.area(),
                        c.status(),
                        c.actions()))
                .toList();
    }

    /**
     * What the tracker adds up to for the viewer: how many actions they see, their owners (named when known, as in
     * the tracker) and each sector's actions not cancelled with their average percent complete.
     */
    public record TrackerSummary(long actions, List<OwnerActions> owners, List<SectorProgress> sectors) {}

    public record OwnerActions(
            UUID organisationId, @Nullable String name, long actions) {}

    /** The summary of the counts, owners ordered by name (ignoring case; unnamed ones last), then by id. */
    public TrackerSummary trackerSummary(TrackerCounts counts) {
        List<OwnerActions> owners = counts.owners().stream()
                .map(o -> new OwnerActions(o.organisationId(), organisationName(o.organisationId()), o.actions()))
                .sorted(Comparator.comparing(
                                OwnerActions::name,
                                Comparator.nullsLast(
                                        String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder())))
                        .thenComparing(o -> o.organisationId().toString()))
                .toList();
        return new TrackerSummary(
                owners.stream().mapToLong(OwnerActions::actions).sum(), owners, counts.sectors());
    }

    /**
     * Coverage of the open needs by sector, population group and area: covered when every need of the cell has a
     * live action (one naming it, or one for its sector, group and area), partly when some have or only proposed
     * ones do, uncovered otherwise.
     */
    public List<CoverageCell> needsCoverage(
            List<NeedRow> openNeeds, List<ActionRow> forumActions, Map<UUID, Integer> inputsPerNeed) {
        List<ActionRow> actions =
                forumActions.stream().filter(a -> !"CANCELLED".equals(a.status)).toList();
        // a need is met by an action naming it or one of its sector: only those are looked at, not every action
        Map<UUID, List<ActionRow>> byNeed = new HashMap<>();
        Map<String, List<ActionRow>> bySector = new HashMap<>();
        Map<ActionRow, Integer> position = new HashMap<>();
        for (ActionRow a : actions) {
            position.put(a, position.size());
            a.needIds.forEach(
                    id -> byNeed.computeIfAbsent(id, k -> new ArrayList<>()).add(a));
            a.sectors.forEach(sector ->
                    bySector.computeIfAbsent(sector, k -> new ArrayList<>()).add(a));
        }
        Map<List<String>, List<NeedRow>> cells = new LinkedHashMap<>();
        for (NeedRow n : openNeeds) {
            for (String group : n.populationGroups) {
                // a sector this service does not know reads as null: a cell of its own, not a failure
                cells.computeIfAbsent(Arrays.asList(n.sector, group, areaName(n.area)), k -> new ArrayList<>())
                        .add(n);
            }
        }
        List<CoverageCell> out = new ArrayList<>();
        cells.entrySet().stream()
                .sorted(Comparator.comparing(e -> String.join("|", e.getKey())))
                .forEach(e -> {
                    String sector = e.getKey().get(0);
                    String group = e.getKey().get(1);
                    List<NeedRow> needs = e.getValue();
                    List<ActionRow> covering = new ArrayList<>();
                    int addressed = 0;
                    boolean onlyPlanned = true;
                    Map<UUID, Integer> inputs = new LinkedHashMap<>();
                    for (NeedRow need : needs) {
                        Set<ActionRow> candidates = new HashSet<>(byNeed.getOrDefault(need.id, List.of()));
                        candidates.addAll(bySector.getOrDefault(sector, List.of()));
                        List<ActionRow> forNeed = candidates.stream()
                                .sorted(Comparator.comparing(position::get))
                                .filter(a -> a.needIds.contains(need.id)
                                        || (a.sectors.contains(sector)
                                                && (a.targetGroups.contains(group)
                                                        || a.targetGroups.contains("ALL_RESIDENTS"))
                                                && covers(a.areas, need.area)))
                                .toList();
                        if (!forNeed.isEmpty()) {
                            addressed++;
                            forNeed.stream().filter(a -> !covering.contains(a)).forEach(covering::add);
                            if (forNeed.stream().anyMatch(a -> a.status != null && ACTIVE.contains(a.status))) {
                                onlyPlanned = false;
                            }
                        }
                        Integer n = inputsPerNeed.get(need.id);
                        if (n != null && n > 0) {
                            inputs.put(need.id, n);
                        }
                    }
                    String coverage = addressed == 0
                            ? "UNCOVERED"
                            : addressed == needs.size() && !onlyPlanned ? "COVERED" : "PARTLY_COVERED";
                    out.add(new CoverageCell(
                            sector,
                            group,
                            emptyToNull(e.getKey().get(2)),
                            coverage,
                            needs.size(),
                            needs.stream().map(n -> n.id).toList(),
                            covering.stream().map(a -> a.id).toList(),
                            inputs.values().stream().mapToInt(Integer::intValue).sum(),
                            inputs));
                });
        return out;
    }

    /** The latest published round's scores, the trend over the rounds given and the latest round's gaps. */
    public Readiness readiness(
            List<RoundScoreRow> publishedRounds, java.util.function.Function<RoundScoreRow, List<GapRow>> gapsOf) {
        List<RoundScoreRow> rounds = publishedRounds.stream()
                .sorted(Comparator.comparing((RoundScoreRow r) -> r.publishedAt).thenComparing(r -> r.id.toString()))
                .toList();
        List<RoundScore> trend = rounds.stream().map(ForumViews::score).toList();
        if (rounds.isEmpty()) {
            return new Readiness(null, List.of(), null, List.of(), List.of(), List.of());
        }
        RoundScoreRow latest = rounds.get(rounds.size() - 1);
        RoundScore latestScore = trend.get(trend.size() - 1);
        Double latestPercent = latestScore.percent();
        Double previousPercent =
                trend.size() < 2 ? null : trend.get(trend.size() - 2).percent();
        Double change = latestPercent == null || previousPercent == null ? null : latestPercent - previousPercent;
        List<Map<String, Object>> recommendations = latest.recommendations.stream()
                .map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", p.code);
                    m.put("points", p.points);
                    m.put("max", p.max);
                    m.put("assessedMax", p.assessedMax);
                    m.put("questionsAssessed", p.questionsAssessed);
                    m.put("questions", p.questions);
                    return m;
                })
                .toList();
        List<GapItem> gaps = new ArrayList<>(gapsOf.apply(latest).stream()
                .map(g -> new GapItem(g.id, g.questionCode, g.consolidatedAnswer, g.points, g.divergent))
                .toList());
        gaps.sort(Comparator.comparing(GapItem::questionCode, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Readiness(latestScore, trend, change, recommendations, latest.divergentQuestions, gaps);
    }

    public PlanItem plan(PlanRow p, int actions) {
        return new PlanItem(
                p.id,
                p.title,
                p.ownerId,
                organisationName(p.ownerId),
                p.type,
                p.status,
                p.jurisdiction,
                p.periodStart,
                p.periodEnd,
                p.objectives,
                p.nupPhase,
                p.inclusion,
                p.classification,
                actions);
    }

    public EstimateItem estimate(PopulationRow e) {
        List<Disaggregation> breakdown = e.breakdown.stream()
                .map(d -> new Disaggregation(d.dimension(), d.category(), shown(d.count())))
                .toList();
        return new EstimateItem(
                e.id,
                e.ownerId,
                organisationName(e.ownerId),
                e.seriesId,
                e.area,
                e.group,
                count(e.registered),
                count(e.estimated),
                breakdown,
                e.source,
                e.method,
                e.asOf,
                e.classification);
    }

    /**
     * A head count as the forum shows it, to every member and its owner too (a forum's views are a shared picture,
     * often on the wall of a meeting room; the owner reads its exact counts where it keeps them): under the platform's
     * disclosure control whatever the event carried, below 5 suppressed, others rounded to a multiple of 5, so no
     * difference between two counts shown (registered and estimated, a total and its breakdown, two revisions)
     * reveals a small number.
     */
    static @Nullable Count count(@Nullable Count c) {
        return c == null ? null : shown(c);
    }

    private static Count shown(Count c) {
        Integer value = c.value();
        return value == null ? c : DisclosureControl.shown(value);
    }

    private static RoundScore score(RoundScoreRow r) {
        Double points = r.overallPoints;
        // out of what was assessed; rounds published before the coverage was carried have only the maximum
        Integer max = r.overallAssessedMax != null ? r.overallAssessedMax : r.overallMax;
        Double percent = points == null || max == null || max == 0 ? null : Math.round(1000.0 * points / max) / 10.0;
        return new RoundScore(
                r.id,
                r.title,
                r.publishedAt,
                r.overallPoints,
                r.overallMax,
                percent,
                r.respondents,
                r.divergentQuestions,
                r.overallAssessedMax,
                r.overallQuestionsAssessed,
                r.overallQuestions);
    }

    public TrackerItem item(ActionRow a) {
        MilestoneState next = a.milestones.values().stream()
                .filter(m -> "PLANNED".equals(m.status) && m.dueOn != null)
                .min(Comparator.comparing((MilestoneState m) -> m.dueOn))
                .orElse(null);
        Rows.ReportDue due = Lateness.reportDue(a);
        Integer daysOverdue = Lateness.daysOverdue(a, today);
        return new TrackerItem(
                a.id,
                a.title,
                a.ownerId,
                organisationName(a.ownerId),
                a.status,
                a.kind,
                a.orientation,
                a.sectors,
                a.targetGroups,
                a.areas,
                a.frameworkItems,
                a.latestReport == null ? null : a.latestReport.percentComplete,
                a.latestReport == null ? null : a.latestReport.rag,
                a.latestReport == null ? null : a.latestReport.periodEnd,
                next == null
                        ? null
                        : new NextMilestone(
                                next.id,
                                next.title,
                                next.dueOn,
                                Lateness.late(next, today),
                                Lateness.late(next, today) ? Lateness.daysLate(next, today) : null),
                daysOverdue != null,
                daysOverdue,
                a.funding,
                a.classification,
                a.planId,
                a.startDate,
                a.endDate,
                due == null ? null : due.dueOn,
                Lateness.lateMilestones(a, today).stream()
                        .map(m -> milestone(m))
                        .toList(),
                Lateness.missedMilestones(a).stream().map(m -> milestone(m)).toList());
    }

    private MilestoneItem milestone(MilestoneState m) {
        return new MilestoneItem(m.id, m.title, m.dueOn, Lateness.late(m, today) ? Lateness.daysLate(m, today) : null);
    }

    private static boolean matches(ActionRow a, ActionFilter f) {
        return (f.org() == null || f.org().equals(a.ownerId))
                && (f.sector() == null || a.sectors.contains(f.sector()))
                && (f.group() == null || a.targetGroups.contains(f.group()))
                && (f.frameworkItem() == null || a.frameworkItems.contains(f.frameworkItem()))
                && (f.status() == null || f.status().equals(a.status))
                && (f.plan() == null || f.plan().equals(a.planId))
                && (f.area() == null
                        || a.areas.stream()
                                .anyMatch(j -> f.area().equalsIgnoreCase(j.areaCode())
                                        || f.area().equalsIgnoreCase(j.areaName())
                                        || f.area().equalsIgnoreCase(j.subdivision())
                                        || f.area().equalsIgnoreCase(j.country())));
    }

    /** The viewer may see a record of the owner: the platform's read policy (hidden organisations stay hidden). */
    public boolean visible(UUID owner, String classification, List<UUID> forums) {
        if (owner == null || classification == null) {
            return false;
        }
        return viewer.mayRead(RecordScope.of(owner, DataClassification.valueOf(classification), forums));
    }

    /** Whether the viewer may read every one of the records (derived data naming them is readable only then). */
    public boolean mayReadAll(List<UUID> recordIds) {
        return mayReadAll(recordIds, id -> Scopes.of(store, id));
    }

    /** {@link #mayReadAll(List)}, with the records' scopes looked up already. */
    public boolean mayReadAll(List<UUID> recordIds, java.util.function.Function<UUID, List<RecordScope>> scopes) {
        return recordIds.isEmpty() || viewer.mayReadAll(Scopes.all(recordIds, scopes));
    }

    // a page of a large forum names the same few organisations again and again: each is read once per view
    private final Map<UUID, Optional<String>> names = new HashMap<>();

    private @Nullable String organisationName(UUID id) {
        return names.computeIfAbsent(
                        id,
                        k -> store.organisation(k)
                                .map((OrganisationRow o) -> o.name)
                                .or(() -> replica.find(k).map(Organisations.KnownOrganisation::name)))
                .orElse(null);
    }

    /** Whether the place lies within the forum's geographic scope (a forum without one covers everywhere). */
    static boolean within(@Nullable Jurisdiction place, @Nullable ForumRow forum) {
        if (forum == null || forum.geographicScope == null) {
            return true;
        }
        return covers(List.of(forum.geographicScope), place);
    }

    static boolean covers(List<Jurisdiction> areas, @Nullable Jurisdiction place) {
        return Places.covers(areas, place);
    }

    static String areaName(@Nullable Jurisdiction j) {
        return Places.name(j, "");
    }

    private static @Nullable String emptyToNull(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
