package org.arrival.forum.projection.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.ActionUpdated;
import org.arrival.contracts.actionplans.FundingLine;
import org.arrival.contracts.actionplans.FundingRecorded;
import org.arrival.contracts.actionplans.Milestone;
import org.arrival.contracts.actionplans.MilestoneRecorded;
import org.arrival.contracts.actionplans.ProgressReport;
import org.arrival.contracts.actionplans.ProgressReported;
import org.arrival.contracts.actionplans.ReportDue;
import org.arrival.contracts.actionplans.ReportOverdue;
import org.arrival.contracts.assessments.AssessmentRound;
import org.arrival.contracts.assessments.AssessmentRoundClosed;
import org.arrival.contracts.assessments.AssessmentRoundOpened;
import org.arrival.contracts.assessments.ChecklistGapIdentified;
import org.arrival.contracts.assessments.ChecklistScoresPublished;
import org.arrival.contracts.assessments.Need;
import org.arrival.contracts.assessments.NeedIdentified;
import org.arrival.contracts.assessments.NeedUpdated;
import org.arrival.contracts.assessments.RecommendationScore;
import org.arrival.contracts.registry.Forum;
import org.arrival.contracts.registry.ForumEstablished;
import org.arrival.contracts.registry.ForumUpdated;
import org.arrival.contracts.registry.Membership;
import org.arrival.contracts.registry.MembershipChanged;
import org.arrival.contracts.registry.MembershipEnded;
import org.arrival.contracts.registry.MembershipGranted;
import org.arrival.contracts.registry.Stakeholder;
import org.arrival.contracts.registry.StakeholderActivated;
import org.arrival.contracts.registry.StakeholderArchived;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.contracts.registry.StakeholderSuspended;
import org.arrival.contracts.registry.StakeholderUpdated;
import org.arrival.contracts.registry.StakeholderVerified;
import org.arrival.forum.projection.domain.Rows.ActionRow;
import org.arrival.forum.projection.domain.Rows.ForumRow;
import org.arrival.forum.projection.domain.Rows.FundingLineState;
import org.arrival.forum.projection.domain.Rows.FundingTotal;
import org.arrival.forum.projection.domain.Rows.GapRow;
import org.arrival.forum.projection.domain.Rows.MembershipRow;
import org.arrival.forum.projection.domain.Rows.MilestoneState;
import org.arrival.forum.projection.domain.Rows.NeedRow;
import org.arrival.forum.projection.domain.Rows.OrganisationRow;
import org.arrival.forum.projection.domain.Rows.Report;
import org.arrival.forum.projection.domain.Rows.RoundScoreRow;
import org.arrival.forum.projection.domain.Rows.ScorePart;
import org.jspecify.annotations.Nullable;

/**
 * The one projection of events into the forum view, used by the live listener, the rebuild and the as-of view.
 *
 * <p>Applying an event is idempotent and tolerant of order within what the topics guarantee: records that carry a
 * version replace the stored state only when newer; things without a version (progress reports, reports due)
 * are guarded by their period and by the event's position; an event about an action not yet seen creates a
 * placeholder row that the action's own event fills in later.
 */
public final class Projector {

    private Projector() {}

    /** Applies the event to the store; types the view has no use for are ignored. */
    public static void apply(ProjectionStore store, ProjectedEvent event) {
        switch (event.name()) {
            case "StakeholderRegistered" ->
                organisation(store, event.payloadAs(StakeholderRegistered.class).stakeholder());
            case "StakeholderUpdated" ->
                organisation(store, event.payloadAs(StakeholderUpdated.class).stakeholder());
            case "StakeholderVerified" ->
                organisation(store, event.payloadAs(StakeholderVerified.class).stakeholder());
            case "StakeholderActivated" ->
                organisation(store, event.payloadAs(StakeholderActivated.class).stakeholder());
            case "StakeholderSuspended" ->
                organisation(store, event.payloadAs(StakeholderSuspended.class).stakeholder());
            case "StakeholderArchived" ->
                organisation(store, event.payloadAs(StakeholderArchived.class).stakeholder());
            case "ForumEstablished" ->
                forum(store, event.payloadAs(ForumEstablished.class).forum());
            case "ForumUpdated" ->
                forum(store, event.payloadAs(ForumUpdated.class).forum());
            case "MembershipGranted" ->
                membership(store, event.payloadAs(MembershipGranted.class).membership());
            case "MembershipChanged" ->
                membership(store, event.payloadAs(MembershipChanged.class).membership());
            case "MembershipEnded" ->
                membership(store, event.payloadAs(MembershipEnded.class).membership());
            case "ActionProposed" ->
                action(store, event, event.payloadAs(ActionProposed.class).action());
            case "ActionUpdated" ->
                action(store, event, event.payloadAs(ActionUpdated.class).action());
            case "MilestoneRecorded" ->
                milestone(store, event.payloadAs(MilestoneRecorded.class).milestone());
            case "ProgressReported" ->
                progress(store, event, event.payloadAs(ProgressReported.class).report());
            case "FundingRecorded" ->
                funding(store, event.payloadAs(FundingRecorded.class).line());
            case "ReportDue" -> {
                ReportDue d = event.payloadAs(ReportDue.class);
                reportDue(store, d.actionId(), d.ownerId(), d.periodStart(), d.periodEnd(), d.dueOn());
            }
            case "ReportOverdue" -> {
                ReportOverdue o = event.payloadAs(ReportOverdue.class);
                reportDue(store, o.actionId(), o.ownerId(), o.periodStart(), o.periodEnd(), o.dueOn());
            }
            case "NeedIdentified" ->
                need(store, event, event.payloadAs(NeedIdentified.class).need());
            case "NeedUpdated" ->
                need(store, event, event.payloadAs(NeedUpdated.class).need());
            case "ChecklistGapIdentified" -> gap(store, event, event.payloadAs(ChecklistGapIdentified.class));
            case "AssessmentRoundOpened" ->
                round(store, event, event.payloadAs(AssessmentRoundOpened.class).round());
            case "AssessmentRoundClosed" ->
                round(store, event, event.payloadAs(AssessmentRoundClosed.class).round());
            case "ChecklistScoresPublished" -> scores(store, event, event.payloadAs(ChecklistScoresPublished.class));
            case "PlanRecorded",
                    "PlanUpdated",
                    "PopulationEstimateRecorded",
                    "PopulationEstimateRevised",
                    "InputContributed" -> PlansAndEvidence.apply(store, event);
            case "MeetingScheduled",
                    "MeetingUpdated",
                    "MeetingHeld",
                    "MinutesApproved",
                    "MeetingCancelled",
                    "DecisionRecorded",
                    "AssignmentMade",
                    "AssignmentAccepted",
                    "AssignmentDeclined",
                    "AssignmentOverdue" -> Meetings.apply(store, event);
            default -> {
                // contributions, flags: not part of this view yet
            }
        }
    }

    private static void organisation(ProjectionStore store, Stakeholder s) {
        if (store.organisation(s.stakeholderId())
                .map(r -> r.version >= s.version())
                .orElse(false)) {
            return;
        }
        OrganisationRow row = new OrganisationRow();
        row.id = s.stakeholderId();
        row.version = s.version();
        row.name = s.name();
        row.acronym = s.acronym();
        row.type = name(s.type());
        row.enforcementBody = s.enforcementBody();
        row.hidden = s.hiddenFromEnforcementBodies();
        row.status = name(s.status());
        store.save(row);
    }

    private static void forum(ProjectionStore store, Forum f) {
        if (store.forum(f.forumId()).map(r -> r.version >= f.version()).orElse(false)) {
            return;
        }
        ForumRow row = new ForumRow();
        row.id = f.forumId();
        row.version = f.version();
        row.name = f.name();
        row.type = name(f.type());
        row.geographicScope = f.geographicScope();
        row.convenorId = f.convenorId();
        row.chairId = f.chairId();
        row.secretariatId = f.secretariatId();
        row.status = name(f.status());
        store.save(row);
    }

    private static void membership(ProjectionStore store, Membership m) {
        if (store.membership(m.membershipId())
                .map(r -> r.version >= m.version())
                .orElse(false)) {
            return;
        }
        MembershipRow row = new MembershipRow();
        row.id = m.membershipId();
        row.version = m.version();
        row.forumId = m.forumId();
        row.stakeholderId = m.stakeholderId();
        row.seat = name(m.seat());
        row.status = name(m.status());
        store.save(row);
    }

    private static ActionRow actionRow(ProjectionStore store, UUID id) {
        return store.action(id).orElseGet(() -> {
            ActionRow placeholder = new ActionRow();
            placeholder.id = id;
            return placeholder;
        });
    }

    private static void action(ProjectionStore store, ProjectedEvent event, Action a) {
        ActionRow row = actionRow(store, a.actionId());
        if (!row.placeholder && row.version >= a.version()) {
            return;
        }
        row.placeholder = false;
        row.version = a.version();
        row.ownerId = a.ownerId();
        row.classification = event.classification().name();
        row.planId = a.planId();
        row.title = a.title();
        row.kind = name(a.kind());
        row.orientation = name(a.orientation());
        row.status = name(a.status());
        row.sectors = names(a.sectors());
        row.targetGroups = names(a.targetGroups());
        row.areas = a.areas() == null ? new ArrayList<>() : new ArrayList<>(a.areas());
        row.frameworkItems = a.frameworkItems() == null ? new ArrayList<>() : new ArrayList<>(a.frameworkItems());
        row.needIds = a.needIds() == null ? new ArrayList<>() : new ArrayList<>(a.needIds());
        row.sharedWithForums = a.sharedWithForums() == null ? new ArrayList<>() : new ArrayList<>(a.sharedWithForums());
        row.startDate = a.startDate();
        row.endDate = a.endDate();
        store.save(row);
    }

    private static void milestone(ProjectionStore store, Milestone m) {
        ActionRow row = actionRow(store, m.actionId());
        MilestoneState known = row.milestones.get(m.milestoneId().toString());
        if (known != null && known.version >= m.version()) {
            return;
        }
        MilestoneState state = new MilestoneState();
        state.id = m.milestoneId();
        state.version = m.version();
        state.title = m.title();
        state.dueOn = m.dueOn();
        state.reachedOn = m.reachedOn();
        state.status = name(m.status());
        row.milestones.put(m.milestoneId().toString(), state);
        store.save(row);
    }

    private static void progress(ProjectionStore store, ProjectedEvent event, ProgressReport r) {
        ActionRow row = actionRow(store, r.actionId());
        Report latest = row.latestReport;
        boolean newer = latest == null
                || r.periodEnd().isAfter(latest.periodEnd)
                || (r.periodEnd().equals(latest.periodEnd) && !event.time().isBefore(latest.reportedAt));
        if (newer) {
            Report report = new Report();
            report.reportId = r.reportId();
            report.periodStart = r.periodStart();
            report.periodEnd = r.periodEnd();
            report.percentComplete = r.percentComplete();
            report.rag = name(r.rag());
            report.actionStatus = name(r.actionStatus());
            report.reportedAt = event.time();
            report.summary = r.narrative();
            row.latestReport = report;
        }
        Rows.ReportDue due = Lateness.reportDue(row);
        if (due != null && !r.periodEnd().isBefore(due.periodEnd)) {
            row.reportDue = null;
            row.overdue = null;
        }
        store.save(row);
    }

    private static void funding(ProjectionStore store, FundingLine line) {
        ActionRow row = actionRow(store, line.actionId());
        FundingLineState known = row.fundingLines.get(line.fundingId().toString());
        if (known != null && known.version >= line.version()) {
            return;
        }
        FundingLineState state = new FundingLineState();
        state.id = line.fundingId();
        state.version = line.version();
        state.currency = line.currency();
        state.required = zeroIfNull(line.required());
        state.committed = zeroIfNull(line.committed());
        state.disbursed = zeroIfNull(line.disbursed());
        row.fundingLines.put(line.fundingId().toString(), state);
        Map<String, FundingTotal> totals = new TreeMap<>();
        for (FundingLineState l : row.fundingLines.values()) {
            FundingTotal t = totals.computeIfAbsent(l.currency, c -> {
                FundingTotal n = new FundingTotal();
                n.currency = c;
                n.required = BigDecimal.ZERO;
                n.committed = BigDecimal.ZERO;
                n.disbursed = BigDecimal.ZERO;
                return n;
            });
            t.required = t.required.add(l.required);
            t.committed = t.committed.add(l.committed);
            t.disbursed = t.disbursed.add(l.disbursed);
        }
        totals.values().forEach(t -> t.gap = t.required.subtract(t.committed).max(BigDecimal.ZERO));
        row.funding = new ArrayList<>(totals.values());
        store.save(row);
    }

    /**
     * A report is due (ReportDue) or overdue (ReportOverdue) for a period: kept until a report for that period or a
     * later one arrives. Whether it is late is not stored: it is read from its due date and the day it is read on
     * ({@link Lateness}), so the tracker and the flags do not wait for the ReportOverdue event.
     */
    private static void reportDue(
            ProjectionStore store,
            UUID actionId,
            UUID ownerId,
            java.time.LocalDate periodStart,
            java.time.LocalDate periodEnd,
            java.time.LocalDate dueOn) {
        ActionRow row = actionRow(store, actionId);
        if (row.latestReport != null && !row.latestReport.periodEnd.isBefore(periodEnd)) {
            return; // the report for that period (or a later one) is already in
        }
        Rows.ReportDue known = Lateness.reportDue(row);
        if (known != null && known.periodEnd.isAfter(periodEnd)) {
            return;
        }
        Rows.ReportDue due = new Rows.ReportDue();
        due.periodStart = periodStart;
        due.periodEnd = periodEnd;
        due.dueOn = dueOn;
        row.reportDue = due;
        row.overdue = null;
        if (row.ownerId == null) {
            row.ownerId = ownerId;
        }
        store.save(row);
    }

    private static void need(ProjectionStore store, ProjectedEvent event, Need n) {
        if (store.need(n.needId()).map(r -> r.version >= n.version()).orElse(false)) {
            return;
        }
        NeedRow row = new NeedRow();
        row.id = n.needId();
        row.version = n.version();
        row.ownerId = n.ownerId();
        row.classification = event.classification().name();
        row.statement = n.statement();
        row.sector = name(n.sector());
        row.populationGroups = names(n.populationGroups());
        row.area = n.area();
        row.severity = name(n.severity());
        row.status = name(n.status());
        row.sharedWithForums = n.sharedWithForums() == null ? new ArrayList<>() : new ArrayList<>(n.sharedWithForums());
        row.changedAt = event.time();
        store.save(row);
    }

    private static void gap(ProjectionStore store, ProjectedEvent event, ChecklistGapIdentified g) {
        if (store.gap(g.gapId()).isPresent()) {
            return; // a gap is identified once; a repeat is the same fact
        }
        GapRow row = new GapRow();
        row.id = g.gapId();
        row.version = 1;
        row.roundId = g.roundId();
        row.ownerId = event.ownerOrg();
        row.classification = event.classification().name();
        row.jurisdiction = g.jurisdiction();
        row.recommendationCode = g.recommendationCode();
        row.actionCode = g.actionCode();
        row.questionCode = g.questionCode();
        row.consolidatedAnswer = g.consolidatedAnswer();
        row.points = g.points();
        row.divergent = g.divergent();
        store.save(row);
    }

    private static RoundScoreRow roundRow(ProjectionStore store, ProjectedEvent event, AssessmentRound r) {
        RoundScoreRow row = store.round(r.roundId()).orElseGet(RoundScoreRow::new);
        row.id = r.roundId();
        row.version = r.version();
        row.ownerId = event.ownerOrg();
        row.classification = event.classification().name();
        row.title = r.title();
        row.jurisdiction = r.jurisdiction();
        row.convenorId = r.convenorId();
        row.respondentIds = r.respondentIds() == null ? new ArrayList<>() : new ArrayList<>(r.respondentIds());
        row.sharedWithForums = r.sharedWithForums() == null ? new ArrayList<>() : new ArrayList<>(r.sharedWithForums());
        row.status = name(r.status());
        return row;
    }

    private static boolean olderRound(ProjectionStore store, AssessmentRound r) {
        return store.round(r.roundId()).map(row -> row.version > r.version()).orElse(false);
    }

    private static void round(ProjectionStore store, ProjectedEvent event, AssessmentRound r) {
        if (olderRound(store, r)
                || store.round(r.roundId())
                        .map(row -> row.version == r.version())
                        .orElse(false)) {
            return;
        }
        store.save(roundRow(store, event, r));
    }

    private static void scores(ProjectionStore store, ProjectedEvent event, ChecklistScoresPublished s) {
        if (olderRound(store, s.round())) {
            return;
        }
        RoundScoreRow row = roundRow(store, event, s.round());
        row.overallPoints = s.overall().points();
        row.overallMax = s.overall().max();
        row.overallAssessedMax = s.overall().assessedMax();
        row.overallQuestionsAssessed = s.overall().questionsAssessed();
        row.overallQuestions = s.overall().questions();
        row.recommendations = new ArrayList<>();
        for (RecommendationScore rec : s.recommendations()) {
            ScorePart part = new ScorePart();
            part.code = rec.code();
            part.points = rec.score().points();
            part.max = rec.score().max();
            part.assessedMax = rec.score().assessedMax();
            part.questionsAssessed = rec.score().questionsAssessed();
            part.questions = rec.score().questions();
            row.recommendations.add(part);
        }
        row.divergentQuestions = new ArrayList<>(s.divergentQuestions());
        row.respondents = s.respondents();
        row.publishedAt = event.time();
        store.save(row);
    }

    private static BigDecimal zeroIfNull(@Nullable BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static List<String> names(@Nullable List<? extends Enum<?>> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            values.stream().filter(v -> v != null).forEach(v -> out.add(v.name()));
        }
        return out;
    }
}
