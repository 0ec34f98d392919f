package org.arrival.web.mywork;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.arrival.web.api.actionplans.ActionPlansApi.Action;
import org.arrival.web.api.actionplans.ActionPlansApi.Contribution;
import org.arrival.web.api.actionplans.ActionPlansApi.DuePeriod;
import org.arrival.web.api.actionplans.ActionPlansApi.MilestoneDue;
import org.arrival.web.api.actionplans.ActionPlansApi.Reporting;
import org.arrival.web.api.assessments.AssessmentsApi.Input;
import org.arrival.web.api.assessments.AssessmentsApi.Need;
import org.arrival.web.api.forum.ForumApi.Flag;
import org.arrival.web.api.forum.ForumApi.ForumSummary;
import org.jspecify.annotations.Nullable;

/**
 * What a person's organisation is expected to do, and what concerns it, as My work shows it: progress reports
 * overdue, due and coming up; milestones late, missed and coming up; the open coherence flags of its forums that
 * name its records; comments, endorsements, objections and inputs others made on its records since the person's
 * last visit; and its forums. Every item names its record and links to its page.
 */
public record MyWork(
        List<ReportDue> reports,
        List<MilestoneItem> milestones,
        List<FlagItem> flags,
        List<NewItem> news,
        int olderNews,
        List<ForumSummary> forums,
        int actionsUnderWay,
        int needs) {

    /** How far ahead "coming up" looks. */
    static final int AHEAD_DAYS = 31;
    /** How many of the new items are listed (the newest). */
    static final int NEWS_SHOWN = 15;

    static final Set<String> ENDED = Set.of("CANCELLED", "COMPLETED", "EVALUATED");
    static final List<String> OPEN_FLAGS = List.of("OPEN", "ACKNOWLEDGED");

    public enum Urgency {
        /** Past its due date. */
        LATE,
        /** Missed (milestones) */
        MISSED,
        /** Its period has ended; the report is due and not yet late. */
        DUE,
        /** Within the next month. */
        UPCOMING
    }

    /** A record the item is about, with its page. */
    public record RecordLink(String title, String path) {}

    public record ReportDue(Action action, DuePeriod period, Urgency urgency, long daysOverdue) {}

    public record MilestoneItem(Action action, MilestoneDue milestone, Urgency urgency) {}

    public record FlagItem(Flag flag, @Nullable ForumSummary forum, List<RecordLink> records) {}

    /** A contribution ({@code COMMENT}, {@code ENDORSEMENT}, {@code OBJECTION}) or an input ({@code INPUT}). */
    public record NewItem(
            String kind,
            @Nullable String inputKind,
            @Nullable String from,
            RecordLink record,
            @Nullable String text,
            Instant at) {}

    public int reportsOverdue() {
        return (int) reports.stream().filter(r -> r.urgency() == Urgency.LATE).count();
    }

    public int reportsDue() {
        return (int) reports.stream().filter(r -> r.urgency() == Urgency.DUE).count();
    }

    public int milestonesLateOrMissed() {
        return (int) milestones.stream()
                .filter(m -> m.urgency() == Urgency.LATE || m.urgency() == Urgency.MISSED)
                .count();
    }

    /** Nothing late, due, flagged or new: the organisation is up to date. */
    public boolean upToDate() {
        return reportsOverdue() == 0
                && reportsDue() == 0
                && milestonesLateOrMissed() == 0
                && flags.isEmpty()
                && news.isEmpty();
    }

    /**
     * Puts the picture together from what the services answered.
     *
     * @param today the day lateness is read on (the action-plans service's, as its answers say)
     * @param reporting the reporting standing of each action that has not ended
     * @param contributions the newest contributions to each of the organisation's actions
     * @param inputs the newest inputs about needs the person may see (those about the organisation's needs count)
     * @param flags the flags of each forum
     * @param organisationName the registry's name of an organisation, or null
     * @param otherRecord another organisation's record a flag names (as the flag names it, or by its check), or null
     * @param since what counts as new
     */
    public static MyWork of(
            UUID organisation,
            LocalDate today,
            List<Action> actions,
            Map<UUID, Reporting> reporting,
            Map<UUID, List<Contribution>> contributions,
            List<Need> needs,
            List<Input> inputs,
            List<ForumSummary> forums,
            Map<UUID, List<Flag>> flags,
            Function<UUID, @Nullable String> organisationName,
            java.util.function.BiFunction<Flag, UUID, @Nullable RecordLink> otherRecord,
            Visits.Since since) {
        Map<UUID, Action> byId = new LinkedHashMap<>();
        actions.forEach(a -> byId.put(a.id(), a));
        Map<UUID, Need> needsById = new LinkedHashMap<>();
        needs.forEach(n -> needsById.put(n.id(), n));

        List<ReportDue> reports = new ArrayList<>();
        List<MilestoneItem> milestones = new ArrayList<>();
        LocalDate horizon = today.plusDays(AHEAD_DAYS);
        for (Action a : actions) {
            Reporting r = reporting.get(a.id());
            if (r == null || ENDED.contains(a.status())) {
                continue;
            }
            DuePeriod due = r.nextDue();
            if (due != null && r.reportsExpected()) {
                if (r.overdue()) {
                    reports.add(new ReportDue(a, due, Urgency.LATE, r.daysOverdue()));
                } else if (!due.periodEnd().isAfter(today)) {
                    reports.add(new ReportDue(a, due, Urgency.DUE, 0));
                } else if (!due.periodEnd().isAfter(horizon)) {
                    reports.add(new ReportDue(a, due, Urgency.UPCOMING, 0));
                }
            }
            r.lateMilestones().forEach(m -> milestones.add(new MilestoneItem(a, m, Urgency.LATE)));
            r.missedMilestones().forEach(m -> milestones.add(new MilestoneItem(a, m, Urgency.MISSED)));
            MilestoneDue next = r.nextMilestone();
            if (next != null && next.dueOn() != null && !next.dueOn().isAfter(horizon)) {
                milestones.add(new MilestoneItem(a, next, Urgency.UPCOMING));
            }
        }
        reports.sort(Comparator.comparing((ReportDue d) -> d.urgency().ordinal())
                .thenComparing(d -> -d.daysOverdue())
                .thenComparing(d -> d.period().dueOn()));
        milestones.sort(Comparator.comparing((MilestoneItem m) -> m.urgency().ordinal())
                .thenComparing(m -> m.milestone().dueOn(), Comparator.nullsLast(Comparator.naturalOrder())));

        Set<UUID> ours = new HashSet<>(byId.keySet());
        ours.addAll(needsById.keySet());
        ours.add(organisation);
        Map<UUID, ForumSummary> forumsById = new LinkedHashMap<>();
        forums.forEach(f -> forumsById.put(f.forumId(), f));
        List<FlagItem> flagItems = new ArrayList<>();
        flags.forEach((forumId, list) -> list.stream()
                .filter(f -> OPEN_FLAGS.contains(f.status())
                        && f.recordIds().stream().anyMatch(ours::contains))
                .forEach(f -> flagItems.add(new FlagItem(
                        f,
                        forumsById.get(forumId),
                        f.recordIds().stream()
                                .filter(id -> !organisation.equals(id))
                                .map(id -> {
                                    RecordLink own = link(id, byId, needsById);
                                    return own != null ? own : otherRecord.apply(f, id);
                                })
                                .filter(l -> l != null)
                                .toList()))));
        flagItems.sort(Comparator.comparing(
                (FlagItem f) -> f.flag().createdAt(), Comparator.nullsLast(Comparator.reverseOrder())));

        List<NewItem> news = new ArrayList<>();
        contributions.forEach((actionId, list) -> {
            Action a = byId.get(actionId);
            if (a == null) {
                return;
            }
            RecordLink action = new RecordLink(a.title(), "/actions/" + a.id());
            list.stream()
                    .filter(c -> !organisation.equals(c.contributorId()) && since.isNew(c.createdAt()))
                    .forEach(c -> news.add(new NewItem(
                            c.kind(),
                            null,
                            name(organisationName, c.contributorId()),
                            action,
                            c.text(),
                            c.createdAt())));
        });
        for (Input i : inputs) {
            Need need = needsById.get(i.subjectId());
            if ("NEED".equals(i.subjectType())
                    && need != null
                    && !organisation.equals(i.contributorId())
                    && since.isNew(i.createdAt())) {
                news.add(new NewItem(
                        "INPUT",
                        i.kind(),
                        name(organisationName, i.contributorId()),
                        new RecordLink(need.statement(), "/needs/" + i.subjectId()),
                        i.summary(),
                        i.createdAt()));
            }
        }
        news.sort(Comparator.comparing(NewItem::at, Comparator.nullsLast(Comparator.reverseOrder())));
        int older = Math.max(0, news.size() - NEWS_SHOWN);
        int underWay =
                (int) actions.stream().filter(a -> !ENDED.contains(a.status())).count();
        return new MyWork(
                reports,
                milestones,
                flagItems,
                news.subList(0, news.size() - older),
                older,
                forums,
                underWay,
                needs.size());
    }

    private static @Nullable RecordLink link(UUID id, Map<UUID, Action> actions, Map<UUID, Need> needs) {
        Action action = actions.get(id);
        if (action != null) {
            return new RecordLink(action.title(), "/actions/" + id);
        }
        Need need = needs.get(id);
        if (need != null) {
            return new RecordLink(need.statement(), "/needs/" + id);
        }
        return null;
    }

    private static @Nullable String name(Function<UUID, @Nullable String> names, @Nullable UUID organisation) {
        return organisation == null ? null : names.apply(organisation);
    }
}
