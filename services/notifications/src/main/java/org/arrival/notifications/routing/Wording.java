package org.arrival.notifications.routing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.ActionUpdated;
import org.arrival.contracts.actionplans.ContributionMade;
import org.arrival.contracts.actionplans.FundingRecorded;
import org.arrival.contracts.actionplans.FundingSummary;
import org.arrival.contracts.actionplans.MilestoneRecorded;
import org.arrival.contracts.actionplans.PlanRecorded;
import org.arrival.contracts.actionplans.PlanUpdated;
import org.arrival.contracts.actionplans.ProgressReported;
import org.arrival.contracts.actionplans.ReportDue;
import org.arrival.contracts.actionplans.ReportOverdue;
import org.arrival.contracts.assessments.AssessmentRoundClosed;
import org.arrival.contracts.assessments.AssessmentRoundOpened;
import org.arrival.contracts.assessments.ChecklistGapIdentified;
import org.arrival.contracts.assessments.ChecklistResponseSubmitted;
import org.arrival.contracts.assessments.ChecklistScoresPublished;
import org.arrival.contracts.assessments.InputContributed;
import org.arrival.contracts.assessments.NeedIdentified;
import org.arrival.contracts.assessments.NeedUpdated;
import org.arrival.contracts.assessments.PopulationEstimate;
import org.arrival.contracts.assessments.PopulationEstimateRecorded;
import org.arrival.contracts.assessments.PopulationEstimateRevised;
import org.arrival.contracts.forum.CoherenceFlag;
import org.arrival.contracts.forum.CoherenceFlagParameters;
import org.arrival.contracts.forum.CoherenceFlagRaised;
import org.arrival.contracts.forum.CoherenceFlagUpdated;
import org.arrival.contracts.forum.FlaggedRecord;
import org.arrival.contracts.forum.FlaggedRecordKind;
import org.arrival.contracts.registry.AgendaItemProposed;
import org.arrival.contracts.registry.Assignment;
import org.arrival.contracts.registry.AssignmentAccepted;
import org.arrival.contracts.registry.AssignmentDeclined;
import org.arrival.contracts.registry.AssignmentMade;
import org.arrival.contracts.registry.AssignmentOverdue;
import org.arrival.contracts.registry.DecisionRecorded;
import org.arrival.contracts.registry.ForumEstablished;
import org.arrival.contracts.registry.ForumUpdated;
import org.arrival.contracts.registry.Meeting;
import org.arrival.contracts.registry.MeetingCancelled;
import org.arrival.contracts.registry.MeetingHeld;
import org.arrival.contracts.registry.MeetingScheduled;
import org.arrival.contracts.registry.MeetingUpdated;
import org.arrival.contracts.registry.Membership;
import org.arrival.contracts.registry.MembershipChanged;
import org.arrival.contracts.registry.MembershipEnded;
import org.arrival.contracts.registry.MembershipGranted;
import org.arrival.contracts.registry.MinutesApproved;
import org.arrival.contracts.registry.StakeholderActivated;
import org.arrival.contracts.registry.StakeholderArchived;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.contracts.registry.StakeholderSuspended;
import org.arrival.contracts.registry.StakeholderUpdated;
import org.arrival.contracts.registry.StakeholderVerified;
import org.arrival.notifications.records.KnownRecord;
import org.arrival.notifications.texts.Notice;
import org.jspecify.annotations.Nullable;

/**
 * Says what happened as a {@link Notice}: a code (the event's simple name) and the parameters its wording needs,
 * in no language. Names come from the registry replica, titles from what is known of the record; the authors' own
 * words (a description, a narrative, a comment, a reason) travel as they were written.
 */
public final class Wording {

    private Wording() {}

    /**
     * What the event says, in no language: its code and the parameters its wording needs.
     *
     * @param record the record the event is about, as known after the event
     * @param owner the organisation the event is about (the record's owner)
     * @param names organisation names from the registry replica (null when unknown)
     */
    public static Notice describe(
            Object payload,
            KnownRecord record,
            @Nullable UUID owner,
            Function<@Nullable UUID, @Nullable String> names) {
        return describe(payload, record, owner, names, id -> null);
    }

    /**
     * What the event says, in no language: its code and the parameters its wording needs.
     *
     * @param record the record the event is about, as known after the event
     * @param owner the organisation the event is about (the record's owner)
     * @param names organisation names from the registry replica (null when unknown)
     * @param titles the titles of other records the event names (a forum's name), as known (null when unknown)
     */
    public static Notice describe(
            Object payload,
            KnownRecord record,
            @Nullable UUID owner,
            Function<@Nullable UUID, @Nullable String> names,
            Function<UUID, @Nullable String> titles) {
        Params p = new Params();
        p.put("kind", record.kind());
        p.put("title", record.title());
        p.put("organisation", names.apply(owner));
        String code = switch (payload) {
            case StakeholderRegistered e -> stakeholder(p, e.stakeholder().name(), e.reason(), e);
            case StakeholderUpdated e -> {
                p.put("organisation", e.stakeholder().name());
                p.put("fields", e.changedFields());
                yield "StakeholderUpdated";
            }
            case StakeholderVerified e -> stakeholder(p, e.stakeholder().name(), e.reason(), e);
            case StakeholderActivated e -> stakeholder(p, e.stakeholder().name(), e.reason(), e);
            case StakeholderSuspended e -> stakeholder(p, e.stakeholder().name(), e.reason(), e);
            case StakeholderArchived e -> stakeholder(p, e.stakeholder().name(), e.reason(), e);
            case ForumEstablished e -> {
                p.put("forum", e.forum().name());
                p.put(
                        "text",
                        e.forum().thematicScope() == null
                                ? null
                                : e.forum().thematicScope().mandate());
                yield "ForumEstablished";
            }
            case ForumUpdated e -> {
                p.put("forum", e.forum().name());
                p.put("forumStatus", e.forum().status());
                yield "ForumUpdated";
            }
            case MembershipGranted e -> membership(p, record, e.membership(), null, names, "MembershipGranted");
            case MembershipChanged e -> membership(p, record, e.membership(), null, names, "MembershipChanged");
            case MembershipEnded e -> membership(p, record, e.membership(), e.reason(), names, "MembershipEnded");
            case AssessmentRoundOpened e -> {
                p.put("round", e.round().title());
                p.put("closesOn", e.round().closesOn());
                yield "AssessmentRoundOpened";
            }
            case AssessmentRoundClosed e -> {
                p.put("round", e.round().title());
                p.put("reason", e.reason());
                yield "AssessmentRoundClosed";
            }
            case ChecklistScoresPublished e -> {
                p.put("round", e.round().title());
                if (e.overall() != null) {
                    p.put("points", Math.round(e.overall().points()));
                    p.put("max", e.overall().max());
                    p.put("respondents", e.respondents());
                }
                yield "ChecklistScoresPublished";
            }
            case ChecklistResponseSubmitted e -> {
                p.put("round", record.title());
                p.put("respondent", names.apply(e.respondentId()));
                p.put("answered", e.answered());
                p.put("questions", e.questions());
                yield "ChecklistResponseSubmitted";
            }
            case ChecklistGapIdentified e -> {
                p.put("question", e.questionCode());
                p.put("answer", e.consolidatedAnswer());
                p.put("divergent", e.divergent());
                yield "ChecklistGapIdentified";
            }
            case PopulationEstimateRecorded e -> estimate(p, e.estimate(), "PopulationEstimateRecorded");
            case PopulationEstimateRevised e -> estimate(p, e.estimate(), "PopulationEstimateRevised");
            case NeedIdentified e -> {
                p.put("title", e.need().statement());
                p.put("severity", e.need().severity());
                p.put("sector", e.need().sector());
                yield "NeedIdentified";
            }
            case NeedUpdated e -> {
                p.put("title", e.need().statement());
                p.put("needStatus", e.need().status());
                p.put("reason", e.reason());
                yield "NeedUpdated";
            }
            case InputContributed e -> {
                p.put("contributor", names.apply(e.input().contributorId()));
                p.put("inputKind", e.input().kind());
                p.put("text", e.input().summary());
                yield "InputContributed";
            }
            case PlanRecorded e -> {
                p.put("title", e.plan().title());
                p.put("planStatus", e.plan().status());
                yield "PlanRecorded";
            }
            case PlanUpdated e -> {
                p.put("title", e.plan().title());
                p.put("planStatus", e.plan().status());
                p.put("reason", e.reason());
                yield "PlanUpdated";
            }
            case ActionProposed e -> {
                p.put("title", e.action().title());
                p.put("text", e.action().description());
                yield "ActionProposed";
            }
            case ActionUpdated e -> {
                p.put("title", e.action().title());
                p.put("actionStatus", e.action().status());
                p.put("reason", e.reason());
                yield "ActionUpdated";
            }
            case MilestoneRecorded e -> {
                p.put("milestone", e.milestone().title());
                p.put("milestoneStatus", e.milestone().status());
                p.put("dueOn", e.milestone().dueOn());
                yield "MilestoneRecorded";
            }
            case ProgressReported e -> {
                p.put("percent", e.report().percentComplete());
                p.put("rag", e.report().rag());
                p.put("text", e.report().narrative());
                yield "ProgressReported";
            }
            case FundingRecorded e -> {
                p.put("source", e.line() == null ? null : e.line().sourceName());
                p.put("gaps", gaps(e));
                yield "FundingRecorded";
            }
            case ContributionMade e -> {
                p.put("contributor", names.apply(e.contribution().contributorId()));
                p.put("contributionKind", e.contribution().kind());
                p.put("text", e.contribution().text());
                yield "ContributionMade";
            }
            case ReportDue e -> {
                p.put("dueOn", e.dueOn());
                p.put("periodStart", e.periodStart());
                p.put("periodEnd", e.periodEnd());
                yield "ReportDue";
            }
            case ReportOverdue e -> {
                p.put("days", e.daysOverdue());
                p.put("dueOn", e.dueOn());
                p.put("periodStart", e.periodStart());
                p.put("periodEnd", e.periodEnd());
                yield "ReportOverdue";
            }
            case MeetingScheduled e -> meeting(p, e.meeting(), titles, "MeetingScheduled");
            case MeetingUpdated e -> meeting(p, e.meeting(), titles, "MeetingUpdated");
            case MeetingHeld e -> meeting(p, e.meeting(), titles, "MeetingHeld");
            case MinutesApproved e -> meeting(p, e.meeting(), titles, "MinutesApproved");
            case MeetingCancelled e -> {
                p.put("reason", e.meeting().cancellationReason());
                yield meeting(p, e.meeting(), titles, "MeetingCancelled");
            }
            case DecisionRecorded e -> {
                p.put("title", null);
                p.put("forum", titles.apply(e.decision().forumId()));
                p.put("date", e.decision().decidedOn());
                p.put("decisionType", e.decision().type());
                p.put("text", e.decision().text());
                yield "DecisionRecorded";
            }
            case AssignmentMade e -> assignment(p, e.assignment(), names, titles, "AssignmentMade");
            case AssignmentAccepted e -> assignment(p, e.assignment(), names, titles, "AssignmentAccepted");
            case AssignmentDeclined e -> {
                p.put("reason", e.assignment().declineReason());
                yield assignment(p, e.assignment(), names, titles, "AssignmentDeclined");
            }
            case AssignmentOverdue e -> {
                p.put("days", e.daysOverdue());
                yield assignment(p, e.assignment(), names, titles, "AssignmentOverdue");
            }
            case AgendaItemProposed e -> {
                p.put("title", e.title());
                p.put("forum", titles.apply(e.forumId()));
                p.put("fromForum", titles.apply(e.fromForumId()));
                yield "AgendaItemProposed";
            }
            case CoherenceFlagRaised e -> flag(p, e.flag(), null, "CoherenceFlagRaised");
            case CoherenceFlagUpdated e -> flag(p, e.flag(), e.reason(), "CoherenceFlagUpdated");
            default -> "RecordChanged";
        };
        return new Notice(code, p.values);
    }

    private static String stakeholder(Params p, String name, @Nullable String reason, Object event) {
        p.put("organisation", name);
        p.put("reason", reason);
        return event.getClass().getSimpleName();
    }

    private static String membership(
            Params p,
            KnownRecord forum,
            Membership m,
            @Nullable String reason,
            Function<@Nullable UUID, @Nullable String> names,
            String code) {
        p.put("forum", forum.title());
        p.put("member", names.apply(m.stakeholderId()));
        p.put("seat", m.seat());
        p.put("reason", reason);
        return code;
    }

    /** A meeting's title, forum, date, time and place. */
    private static String meeting(Params p, Meeting m, Function<UUID, @Nullable String> titles, String code) {
        p.put("title", m.title());
        p.put("forum", titles.apply(m.forumId()));
        p.put("date", m.date());
        p.put("startTime", m.startTime());
        p.put("place", m.place());
        p.put("onlineLink", m.onlineLink());
        return code;
    }

    /** Work assigned: to whom, by which forum, by when, and what is expected (the forum's own words). */
    private static String assignment(
            Params p,
            Assignment a,
            Function<@Nullable UUID, @Nullable String> names,
            Function<UUID, @Nullable String> titles,
            String code) {
        p.put("title", null);
        p.put("assignee", names.apply(a.assigneeId()));
        p.put("forum", titles.apply(a.forumId()));
        p.put("dueOn", a.dueOn());
        p.put("text", a.expected());
        return code;
    }

    private static String estimate(Params p, PopulationEstimate e, String code) {
        p.put("group", e.group());
        p.put(
                "area",
                e.area() == null
                        ? null
                        : e.area().areaName() != null
                                ? e.area().areaName()
                                : e.area().subdivision() != null
                                        ? e.area().subdivision()
                                        : e.area().country());
        p.put("asOf", e.asOf());
        return code;
    }

    /**
     * A flag's check, status, severity, English finding ({@code summary}, used where its parameters are missing) and
     * its parameters flattened as {@link #flatten} names them.
     */
    private static String flag(Params p, CoherenceFlag flag, @Nullable String reason, String code) {
        p.put("title", null);
        p.put("organisation", null);
        p.put("check", flag.checkCode());
        p.put("flagStatus", flag.status());
        p.put("flagSeverity", flag.severity());
        p.put("summary", flag.summary());
        p.put("reason", reason);
        flatten(flag.parameters()).forEach(p::put);
        if (flag.recordIds() != null && !flag.recordIds().isEmpty()) {
            // the parameters may title only the first of many records
            p.put("recordCount", flag.recordIds().size());
        }
        return code;
    }

    /**
     * A flag's parameters as the arguments of its {@code flag.<check>} text: {@code title} and {@code otherTitle}
     * (the first two records named other than gaps and organisations: actions, needs, plans, rounds, estimates, the
     * forum), {@code recordCount} (how many records it names), {@code recordKind} (the first record's kind),
     * {@code municipality}, {@code question}, {@code sectors}, {@code groups}, {@code areas} (and the first two apart, {@code area} and {@code otherArea}), {@code periodStart},
     * {@code periodEnd}, {@code dueOn}, {@code days}, {@code checklistAction}, {@code questions} with
     * {@code questionCount}, {@code recommendation}, {@code frameworkItem}, {@code registered}, {@code estimated},
     * {@code asOf}, {@code limitDays}, {@code missing}, {@code percentBefore} and {@code percentAfter}.
     */
    public static Map<String, Object> flatten(@Nullable CoherenceFlagParameters parameters) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (parameters == null) {
            return out;
        }
        List<String> titles = new ArrayList<>();
        if (parameters.records() != null) {
            for (FlaggedRecord r : parameters.records()) {
                if (r == null) {
                    continue;
                }
                if (r.kind() != null) {
                    out.putIfAbsent("recordKind", r.kind().name());
                }
                if (r.kind() == FlaggedRecordKind.ORGANISATION) {
                    putIfPresent(out, "municipality", r.title());
                } else if (r.kind() == FlaggedRecordKind.GAP) {
                    putIfPresent(out, "question", r.title());
                } else if (r.title() != null) {
                    titles.add(r.title());
                }
            }
        }
        if (!titles.isEmpty()) {
            out.put("title", titles.get(0));
        }
        if (titles.size() > 1) {
            out.put("otherTitle", titles.get(1));
        }
        if (parameters.records() != null) {
            out.put(
                    "recordCount",
                    parameters.records().stream().filter(Objects::nonNull).count());
        }
        putIfPresent(out, "question", parameters.questionCode());
        putIfPresent(out, "sectors", names(parameters.sectors()));
        putIfPresent(out, "groups", names(parameters.groups()));
        putIfPresent(
                out,
                "areas",
                parameters.areas() == null || parameters.areas().isEmpty()
                        ? null
                        : List.copyOf(parameters.areas().stream()
                                .filter(Objects::nonNull)
                                .toList()));
        putIfPresent(
                out,
                "periodStart",
                parameters.periodStart() == null
                        ? null
                        : parameters.periodStart().toString());
        putIfPresent(
                out,
                "periodEnd",
                parameters.periodEnd() == null ? null : parameters.periodEnd().toString());
        putIfPresent(
                out,
                "dueOn",
                parameters.dueOn() == null ? null : parameters.dueOn().toString());
        putIfPresent(out, "days", parameters.daysOverdue());
        List<String> areas = present(parameters.areas());
        if (areas != null) {
            out.put("area", areas.get(0));
            if (areas.size() > 1) {
                out.put("otherArea", areas.get(1));
            }
        }
        putIfPresent(out, "checklistAction", blankToNull(parameters.checklistAction()));
        List<String> questions = present(parameters.questionCodes());
        if (questions != null) {
            out.put("questions", questions);
            out.put("questionCount", questions.size());
        }
        putIfPresent(out, "recommendation", blankToNull(parameters.recommendationCode()));
        putIfPresent(out, "frameworkItem", blankToNull(parameters.frameworkItem()));
        putIfPresent(out, "registered", parameters.registered());
        putIfPresent(out, "estimated", parameters.estimated());
        putIfPresent(
                out,
                "asOf",
                parameters.asOf() == null ? null : parameters.asOf().toString());
        putIfPresent(out, "limitDays", parameters.limitDays());
        putIfPresent(out, "missing", present(parameters.missing()));
        putIfPresent(out, "percentBefore", parameters.percentBefore());
        putIfPresent(out, "percentAfter", parameters.percentAfter());
        return out;
    }

    /** The values that are not blank, or null when none is. */
    private static @Nullable List<String> present(@Nullable List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> present =
                values.stream().filter(v -> v != null && !v.isBlank()).toList();
        return present.isEmpty() ? null : present;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static @Nullable List<String> names(@Nullable List<? extends Enum<?>> codes) {
        if (codes == null) {
            return null;
        }
        List<String> names =
                codes.stream().filter(Objects::nonNull).map(Enum::name).toList();
        return names.isEmpty() ? null : names;
    }

    private static void putIfPresent(Map<String, Object> map, String name, @Nullable Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    /** Each currency's funding gap, as {@code <amount> <currency>}. */
    private static @Nullable List<String> gaps(FundingRecorded p) {
        if (p.totals() == null) {
            return null;
        }
        List<String> gaps = new ArrayList<>();
        for (FundingSummary t : p.totals()) {
            if (t != null && t.gap() != null && t.currency() != null) {
                gaps.add(plain(t.gap()) + " " + t.currency());
            }
        }
        return gaps.isEmpty() ? null : gaps;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** Parameters as JSON carries them: codes as their names, dates as ISO text, absent values left out. */
    private static final class Params {

        private final Map<String, Object> values = new LinkedHashMap<>();

        void put(String name, @Nullable Object value) {
            Object v = switch (value) {
                case null -> null;
                case Enum<?> e -> e.name();
                case java.time.LocalDate d -> d.toString();
                case String s -> s.isBlank() ? null : s;
                case List<?> l ->
                    l.isEmpty()
                            ? null
                            : l.stream()
                                    .filter(Objects::nonNull)
                                    .map(i -> i instanceof Enum<?> e ? e.name() : i.toString())
                                    .toList();
                default -> value;
            };
            if (v == null) {
                values.remove(name);
            } else {
                values.put(name, v);
            }
        }
    }
}
