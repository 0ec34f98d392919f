package org.arrival.forum.coherence.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlagParameters;
import org.arrival.contracts.forum.FlaggedRecord;
import org.arrival.contracts.forum.FlaggedRecordKind;
import org.arrival.forum.projection.domain.Lateness;
import org.arrival.forum.projection.domain.Places;
import org.arrival.forum.projection.domain.ProjectionStore;
import org.arrival.forum.projection.domain.Rows;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Rows.GapRow;
import org.arrival.forum.projection.domain.Rows.MembershipRow;
import org.arrival.forum.projection.domain.Rows.MilestoneState;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.projection.domain.Rows.OrganisationRow;
import org.jspecify.annotations.Nullable;

/**
 * The forum's coherence checks over one state of the projection. Pure: the same state gives the same findings, with
 * the same keys, in the same order.
 *
 * <p>The checks flag records shared with the forum, RESTRICTED ones included: a flag is derived from the records it
 * names and is shown only to members who may read every one of them (the platform's read policy, applied where flags
 * are read), never ORGANISATION records. What settles a need or a gap (an action addressing it) must be an action
 * every member of the forum may read (PUBLIC, or FORUM and shared with it): a RESTRICTED action does not make a
 * flag go away for those who cannot see it.
 */
public final class CoherenceChecks {

    static final Set<String> ENDED = Set.of("CANCELLED", "COMPLETED", "EVALUATED");
    static final Set<String> VALIDATED_NEED = Set.of("VALIDATED", "PRIORITISED");
    static final String LOCAL_GOVERNMENT = "LOCAL_GOVERNMENT";
    static final String ALL_RESIDENTS = "ALL_RESIDENTS";
    static final String GUIDE_ACTION_PREFIX = "UNH-R";

    private CoherenceChecks() {}

    /**
     * The findings of every check over the forum's records.
     *
     * @param today the day lateness is read on (UTC): a report is overdue, and a milestone late, from the day after
     *        its due date
     */
    public static List<Finding> run(ProjectionStore store, UUID forumId, ActionLinks links, LocalDate today) {
        return run(store, forumId, links, today, CheckSettings.DEFAULTS);
    }

    /**
     * The findings of the checks the forum runs, rated as the forum rates them.
     *
     * @param today the day lateness is read on (UTC): a report is overdue, and a milestone late, from the day after
     *        its due date
     */
    public static List<Finding> run(
            ProjectionStore store, UUID forumId, ActionLinks links, LocalDate today, CheckSettings settings) {
        return run(
                store,
                forumId,
                links,
                today,
                settings,
                id -> store.organisation(id).map(o -> o.hidden).orElse(false));
    }

    /**
     * The findings of the checks the forum runs, rated as the forum rates them.
     *
     * @param today the day lateness is read on (UTC): a report is overdue, and a milestone late, from the day after
     *        its due date
     * @param hidden whether an organisation is hidden from enforcement bodies
     */
    public static List<Finding> run(
            ProjectionStore store,
            UUID forumId,
            ActionLinks links,
            LocalDate today,
            CheckSettings settings,
            java.util.function.Predicate<UUID> hidden) {
        ForumRow forum = store.forum(forumId).orElse(null);
        if (forum == null) {
            return List.of();
        }
        Set<UUID> members = store.membershipsOf(forumId).stream()
                .filter(MembershipRow::active)
                .map(m -> m.stakeholderId)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        List<ActionRow> flaggable = store.actionsSharedWith(forumId).stream()
                .filter(a -> !a.placeholder && a.ownerId != null && members.contains(a.ownerId))
                .filter(a -> flaggable(a.classification, a.sharedWithForums, forumId))
                .sorted(Comparator.comparing(a -> a.id))
                .toList();
        List<ActionRow> addressing = flaggable.stream()
                .filter(a -> shareable(a.classification, a.sharedWithForums, forumId))
                .toList();
        PolicyChecks.ForumRecords records = new PolicyChecks.ForumRecords(
                forum,
                flaggable,
                addressing,
                store.needsConcerning(forumId, members).stream()
                        .filter(n -> concerns(n.ownerId, n.classification, n.sharedWithForums, forumId, members))
                        .sorted(Comparator.comparing(n -> n.id))
                        .toList(),
                store.plans().stream()
                        .filter(p -> concerns(p.ownerId, p.classification, p.sharedWithForums, forumId, members))
                        .sorted(Comparator.comparing(p -> p.id))
                        .toList(),
                store.estimates().stream()
                        .filter(e -> concerns(e.ownerId, e.classification, e.sharedWithForums, forumId, members))
                        .sorted(Comparator.comparing(e -> e.id))
                        .toList(),
                store.rounds().stream()
                        .filter(r -> concerns(r.ownerId, r.classification, r.sharedWithForums, forumId, members))
                        .sorted(Comparator.comparing(r -> r.id))
                        .toList(),
                id -> store.organisation(id)
                        .map(o -> LOCAL_GOVERNMENT.equals(o.type))
                        .orElse(false),
                links);
        List<Finding> out = new ArrayList<>();
        out.addAll(needsWithoutAction(store, forumId, members, addressing));
        out.addAll(gapsWithoutAction(store, forumId, members, addressing, links));
        out.addAll(OverlappingActions.find(
                flaggable,
                links,
                a -> shareable(a.classification, a.sharedWithForums, forumId)
                        && a.ownerId != null
                        && !hidden.test(a.ownerId)));
        out.addAll(missingLocalImplementation(store, members, flaggable, links));
        out.addAll(actionsWithoutFunding(flaggable));
        out.addAll(reportingOverdue(flaggable, today));
        out.addAll(milestonesLate(flaggable, today));
        out.addAll(assignmentsNotAccepted(store, forumId, today));
        out.addAll(PolicyChecks.actionsWithoutEvidence(records));
        out.addAll(PolicyChecks.parallelStructures(records));
        out.addAll(PolicyChecks.hostCommunityLeftOut(records));
        out.addAll(PolicyChecks.migrantsMissingFromPlans(records));
        out.addAll(PolicyChecks.smallCitiesLeftOut(records, settings));
        out.addAll(PolicyChecks.undercounts(records, settings));
        out.addAll(PolicyChecks.staleEvidence(records, settings, today));
        out.addAll(PolicyChecks.disaggregationGaps(records, settings));
        out.addAll(PolicyChecks.transitionGaps(records, settings, today));
        out.addAll(PolicyChecks.frameworkCoverageGaps(records, settings));
        out.addAll(PolicyChecks.checklistRegressions(records, settings));
        return out.stream()
                .filter(f -> settings.runs(f.check()))
                .map(f -> f.rated(settings.severity(f.check())))
                .toList();
    }

    /** A record the forum's checks read: one they may flag, owned by a member or shared with the forum. */
    static boolean concerns(
            @Nullable UUID owner, String classification, List<UUID> sharedWith, UUID forumId, Set<UUID> members) {
        return flaggable(classification, sharedWith, forumId)
                && ((owner != null && members.contains(owner)) || sharedWith.contains(forumId));
    }

    /** Readable by every member of the forum (the hidden-organisation rule aside). */
    static boolean shareable(String classification, List<UUID> sharedWith, UUID forumId) {
        return "PUBLIC".equals(classification) || ("FORUM".equals(classification) && sharedWith.contains(forumId));
    }

    /** Shared with the forum, if only with those of its members who may read RESTRICTED records. */
    static boolean flaggable(String classification, List<UUID> sharedWith, UUID forumId) {
        return shareable(classification, sharedWith, forumId)
                || ("RESTRICTED".equals(classification) && sharedWith.contains(forumId));
    }

    static List<Finding> needsWithoutAction(
            ProjectionStore store, UUID forumId, Set<UUID> members, List<ActionRow> actions) {
        List<Finding> out = new ArrayList<>();
        for (NeedRow n : store.needsConcerning(forumId, members)) {
            if (n.status == null
                    || !VALIDATED_NEED.contains(n.status)
                    || !flaggable(n.classification, n.sharedWithForums, forumId)
                    || !(members.contains(n.ownerId) || n.sharedWithForums.contains(forumId))) {
                continue;
            }
            boolean addressed = actions.stream()
                    .filter(a -> !"CANCELLED".equals(a.status))
                    .anyMatch(a -> a.needIds.contains(n.id)
                            || (a.sectors.contains(n.sector)
                                    && n.populationGroups.stream()
                                            .anyMatch(g -> a.targetGroups.contains(g)
                                                    || a.targetGroups.contains(ALL_RESIDENTS))
                                    && covers(a.areas, n.area)));
            if (!addressed) {
                out.add(Finding.of(
                        CoherenceCheckCode.NEED_WITHOUT_ACTION,
                        List.of(n.id),
                        "Validated need '" + n.statement + "' (" + n.sector + ", " + areaName(n.area)
                                + ") has no action addressing it.",
                        CoherenceFlagParameters.naming(List.of(record(n.id, FlaggedRecordKind.NEED, n.statement)))
                                .withPlace(
                                        sectors(n.sector == null ? List.of() : List.of(n.sector)),
                                        groups(n.populationGroups),
                                        areaNames(n.area == null ? List.of() : List.of(n.area)))));
            }
        }
        return out;
    }

    /**
     * The gaps of a published round that no action answers, one finding per checklist action of the round (its
     * questions named together), keyed by the round and the checklist action so that it stays the same flag while
     * its questions are answered one by one.
     */
    static List<Finding> gapsWithoutAction(
            ProjectionStore store, UUID forumId, Set<UUID> members, List<ActionRow> actions, ActionLinks links) {
        Map<String, List<GapRow>> open = new java.util.TreeMap<>();
        for (GapRow g : store.gaps()) {
            List<UUID> roundForums =
                    store.round(g.roundId).map(r -> r.sharedWithForums).orElse(List.of());
            boolean forForum = roundForums.contains(forumId) || members.contains(g.ownerId);
            if (!forForum || !flaggable(g.classification, roundForums, forumId)) {
                continue;
            }
            boolean addressed = actions.stream()
                    .filter(a -> !"CANCELLED".equals(a.status))
                    .anyMatch(a -> links.of(a.id).gapIds().contains(g.id) || namesChecklistAction(a, g));
            if (!addressed) {
                open.computeIfAbsent(g.roundId + ":" + g.actionCode, k -> new ArrayList<>())
                        .add(g);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<GapRow>> group : open.entrySet()) {
            List<GapRow> gaps = group.getValue().stream()
                    .sorted(Comparator.comparing((GapRow g) -> questionOrder(g.questionCode))
                            .thenComparing(g -> g.id))
                    .toList();
            GapRow first = gaps.get(0);
            List<String> questions = gaps.stream().map(g -> g.questionCode).toList();
            out.add(Finding.keyed(
                    group.getKey(),
                    CoherenceCheckCode.GAP_WITHOUT_ACTION,
                    gaps.stream().map(g -> g.id).toList(),
                    "Checklist action " + first.actionCode + " (" + areaName(first.jurisdiction)
                            + ") has gaps no action answers, at question" + (questions.size() == 1 ? " " : "s ")
                            + String.join(", ", questions) + ".",
                    CoherenceFlagParameters.naming(gaps.stream()
                                    .limit(20)
                                    .map(g -> record(g.id, FlaggedRecordKind.GAP, g.questionCode))
                                    .toList())
                            .withPlace(
                                    null,
                                    null,
                                    areaNames(first.jurisdiction == null ? List.of() : List.of(first.jurisdiction)))
                            .withQuestion(questions.size() == 1 ? blankToNull(first.questionCode) : null)
                            .withChecklist(
                                    blankToNull(first.actionCode), questions, blankToNull(first.recommendationCode))));
        }
        return out;
    }

    /** A question code's parts as numbers where they are, so that 1.2.10 comes after 1.2.9. */
    static String questionOrder(@Nullable String code) {
        if (code == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String part : code.split("\\.")) {
            out.append(part.chars().allMatch(Character::isDigit) ? "%06d".formatted(Integer.parseInt(part)) : part)
                    .append('.');
        }
        return out.toString();
    }

    /**
     * Whether the action names the gap's checklist action as a framework item: the Guide's action {@code 1.2} is
     * {@code UNH-R1.2} in the framework catalogue (framework items cannot name single questions).
     */
    static boolean namesChecklistAction(ActionRow a, GapRow g) {
        return g.actionCode != null && a.frameworkItems.contains(GUIDE_ACTION_PREFIX + g.actionCode);
    }

    /** A local action implementing a commitment shares its sectors, groups and place by design: no overlap. */
    static boolean cascade(ActionRow a, ActionRow b, ActionLinks links) {
        return a.id.equals(links.of(b.id).implementsActionId())
                || b.id.equals(links.of(a.id).implementsActionId());
    }

    static boolean periodsOverlap(ActionRow a, ActionRow b) {
        LocalDate aStart = a.startDate == null ? LocalDate.MIN : a.startDate;
        LocalDate aEnd = a.endDate == null ? LocalDate.MAX : a.endDate;
        LocalDate bStart = b.startDate == null ? LocalDate.MIN : b.startDate;
        LocalDate bEnd = b.endDate == null ? LocalDate.MAX : b.endDate;
        return !aStart.isAfter(bEnd) && !bStart.isAfter(aEnd);
    }

    static List<Finding> missingLocalImplementation(
            ProjectionStore store, Set<UUID> members, List<ActionRow> actions, ActionLinks links) {
        List<Finding> out = new ArrayList<>();
        for (ActionRow commitment : actions) {
            ActionLinks.Links l = links.of(commitment.id);
            if (!l.requiresLocalImplementation() || "CANCELLED".equals(commitment.status)) {
                continue;
            }
            List<UUID> municipalities = (l.expectedImplementers().isEmpty()
                            ? members.stream()
                                    .filter(m -> store.organisation(m)
                                            .map(o -> LOCAL_GOVERNMENT.equals(o.type))
                                            .orElse(false))
                                    .toList()
                            : l.expectedImplementers().stream()
                                    .filter(members::contains)
                                    .toList())
                    .stream()
                            .filter(m -> !m.equals(commitment.ownerId))
                            .sorted()
                            .distinct()
                            .toList();
            List<ActionLinks.Implementation> implementations = links.implementationsOf(commitment.id);
            for (UUID m : municipalities) {
                boolean implementing = implementations.stream()
                        .anyMatch(i -> m.equals(i.ownerId()) && !"CANCELLED".equals(i.status()));
                if (!implementing) {
                    String name = store.organisation(m)
                            .map((OrganisationRow o) -> o.name)
                            .orElse(m.toString());
                    out.add(Finding.of(
                            CoherenceCheckCode.MISSING_LOCAL_IMPLEMENTATION,
                            List.of(commitment.id, m),
                            "Commitment '" + commitment.title + "' requires local implementation, but member "
                                    + "municipality " + name + " has no implementing action.",
                            CoherenceFlagParameters.naming(List.of(
                                    record(commitment.id, FlaggedRecordKind.ACTION, commitment.title),
                                    record(
                                            m,
                                            FlaggedRecordKind.ORGANISATION,
                                            store.organisation(m)
                                                    .map((OrganisationRow o) -> o.name)
                                                    .orElse(null))))));
                }
            }
        }
        return out;
    }

    static List<Finding> actionsWithoutFunding(List<ActionRow> actions) {
        List<Finding> out = new ArrayList<>();
        for (ActionRow a : actions) {
            if (ended(a)) {
                continue;
            }
            boolean funded = a.fundingLines.values().stream()
                    .anyMatch(l -> l.committed != null && l.committed.compareTo(BigDecimal.ZERO) > 0);
            if (!funded) {
                out.add(Finding.of(
                        CoherenceCheckCode.ACTION_WITHOUT_FUNDING,
                        List.of(a.id),
                        "Action '" + a.title + "' has no committed funding.",
                        CoherenceFlagParameters.naming(List.of(record(a.id, FlaggedRecordKind.ACTION, a.title)))));
            }
        }
        return out;
    }

    /**
     * An action under way whose report is past its due date, from the first day after it, whether or not the
     * ReportOverdue event has arrived. The summary names the period and the due date, not a count of days, so the
     * flag does not change (nor notify anyone again) every day it stays open.
     */
    static List<Finding> reportingOverdue(List<ActionRow> actions, LocalDate today) {
        List<Finding> out = new ArrayList<>();
        for (ActionRow a : actions) {
            Rows.ReportDue due = Lateness.overdueReport(a, today);
            if (due != null) {
                out.add(Finding.of(
                        CoherenceCheckCode.REPORTING_OVERDUE,
                        List.of(a.id),
                        "Action '" + a.title + "': the progress report for " + due.periodStart + " to " + due.periodEnd
                                + " was due on " + due.dueOn + " and has not arrived.",
                        CoherenceFlagParameters.naming(List.of(record(a.id, FlaggedRecordKind.ACTION, a.title)))
                                .withReport(due.periodStart, due.periodEnd, due.dueOn, null)));
            }
        }
        return out;
    }

    /**
     * An action that has not ended with milestones past their due date and not reached (late, from the day after
     * the due date) or recorded missed: one flag per action, naming them.
     */
    static List<Finding> milestonesLate(List<ActionRow> actions, LocalDate today) {
        List<Finding> out = new ArrayList<>();
        for (ActionRow a : actions) {
            List<MilestoneState> late = Lateness.lateMilestones(a, today);
            List<MilestoneState> missed = Lateness.missedMilestones(a);
            if (late.isEmpty() && missed.isEmpty()) {
                continue;
            }
            StringBuilder summary = new StringBuilder("Action '" + a.title + "':");
            if (!late.isEmpty()) {
                summary.append(" not reached by the due date: ")
                        .append(late.stream()
                                .map(m -> "'" + m.title + "' (due " + m.dueOn + ")")
                                .collect(Collectors.joining(", ")))
                        .append('.');
            }
            if (!missed.isEmpty()) {
                summary.append(" Missed: ")
                        .append(missed.stream()
                                .map(m -> "'" + m.title + "' (due " + m.dueOn + ")")
                                .collect(Collectors.joining(", ")))
                        .append('.');
            }
            out.add(Finding.of(
                    CoherenceCheckCode.MILESTONE_LATE,
                    List.of(a.id),
                    summary.toString(),
                    CoherenceFlagParameters.naming(List.of(record(a.id, FlaggedRecordKind.ACTION, a.title)))));
        }
        return out;
    }

    /**
     * An assignment a decision of the forum made, still neither accepted nor declined the day after its due date: one
     * flag naming the assignment and its assignee, which clears once the assignee accepts or declines it. Like a late
     * report, its summary names the due date, not a count of days.
     */
    static List<Finding> assignmentsNotAccepted(ProjectionStore store, UUID forumId, LocalDate today) {
        List<Finding> out = new ArrayList<>();
        List<Rows.AssignmentRow> open = store.assignmentsOf(forumId).stream()
                .filter(a -> "OPEN".equals(a.status) && a.dueOn != null && a.dueOn.isBefore(today))
                .sorted(Comparator.comparing(a -> a.id))
                .toList();
        for (Rows.AssignmentRow a : open) {
            String name = store.organisation(a.assigneeId)
                    .map((OrganisationRow o) -> o.name)
                    .orElse(null);
            out.add(Finding.of(
                    CoherenceCheckCode.ASSIGNMENT_NOT_ACCEPTED,
                    List.of(a.id, a.assigneeId),
                    "Assignment '" + a.expected + "' to " + (name == null ? a.assigneeId : name)
                            + " was to be accepted or declined by " + a.dueOn + " and is still open.",
                    CoherenceFlagParameters.naming(List.of(
                                    record(a.id, FlaggedRecordKind.ASSIGNMENT, a.expected),
                                    record(a.assigneeId, FlaggedRecordKind.ORGANISATION, name)))
                            .withReport(null, null, a.dueOn, null)));
        }
        return out;
    }

    /** Whether the action has ended; a status this service does not know (read as null) is not an ended one. */
    static boolean ended(ActionRow a) {
        return a.status != null && ENDED.contains(a.status);
    }

    static boolean covers(List<Jurisdiction> areas, Jurisdiction place) {
        return Places.covers(areas, place);
    }

    static String areaName(@Nullable Jurisdiction j) {
        return Places.name(j, "no area");
    }

    // ---- the parameters of a finding: what its summary says, for wording it in the reader's language

    static FlaggedRecord record(UUID id, FlaggedRecordKind kind, @Nullable String title) {
        return new FlaggedRecord(id, kind, blankToNull(title));
    }

    static List<Sector> sectors(List<String> codes) {
        return codes(Sector.class, codes);
    }

    static List<PopulationGroup> groups(List<String> codes) {
        return codes(PopulationGroup.class, codes);
    }

    /** The known constants among the codes, in their order, once each (the projection keeps what the events said). */
    private static <E extends Enum<E>> List<E> codes(Class<E> type, List<String> codes) {
        List<E> out = new ArrayList<>();
        for (String code : codes) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(code) && !out.contains(constant)) {
                    out.add(constant);
                }
            }
        }
        return out;
    }

    static List<String> areaNames(List<Jurisdiction> areas) {
        return areas.stream()
                .filter(Objects::nonNull)
                .map(j -> Places.name(j))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
