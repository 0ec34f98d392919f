package org.arrival.notifications.routing;

import java.math.BigDecimal;
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
import org.arrival.contracts.assessments.PopulationEstimateRecorded;
import org.arrival.contracts.assessments.PopulationEstimateRevised;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlagRaised;
import org.arrival.contracts.forum.CoherenceFlagUpdated;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.contracts.registry.ForumEstablished;
import org.arrival.contracts.registry.ForumUpdated;
import org.arrival.contracts.registry.MembershipChanged;
import org.arrival.contracts.registry.MembershipEnded;
import org.arrival.contracts.registry.MembershipGranted;
import org.arrival.contracts.registry.StakeholderActivated;
import org.arrival.contracts.registry.StakeholderArchived;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.contracts.registry.StakeholderSuspended;
import org.arrival.contracts.registry.StakeholderUpdated;
import org.arrival.contracts.registry.StakeholderVerified;
import org.arrival.notifications.records.KnownRecord;

/** Says what happened in plain words: a title for the inbox and the e-mail subject, and a short body. */
public final class Wording {

    /** A notification's words. */
    public record Text(String title, String body) {
    }

    private Wording() {
    }

    /**
     * @param record the record the event is about, as known after the event
     * @param owner the organisation the event is about (the record's owner)
     * @param names organisation names from the registry replica ("An organisation" when unknown)
     */
    public static Text describe(Object payload, KnownRecord record, UUID owner, Function<UUID, String> names) {
        String who = names.apply(owner);
        String what = quoted(record.title(), record.kind());
        Text text = switch (payload) {
            case StakeholderRegistered p -> new Text(p.stakeholder().name() + " was proposed for the registry",
                    reason(p.reason()));
            case StakeholderUpdated p -> new Text(p.stakeholder().name() + " updated its profile",
                    "Changed: " + String.join(", ", p.changedFields() == null ? java.util.List.of() : p.changedFields()) + ".");
            case StakeholderVerified p -> new Text(p.stakeholder().name() + " was verified", reason(p.reason()));
            case StakeholderActivated p -> new Text(p.stakeholder().name() + " is now active", reason(p.reason()));
            case StakeholderSuspended p -> new Text(p.stakeholder().name() + " was suspended", reason(p.reason()));
            case StakeholderArchived p -> new Text(p.stakeholder().name() + " was archived", reason(p.reason()));
            case ForumEstablished p -> new Text("The forum '" + p.forum().name() + "' was established",
                    mandate(p.forum().thematicScope()));
            case ForumUpdated p -> new Text("The forum '" + p.forum().name() + "' was updated",
                    p.forum().status() == null ? "" : "Status: " + p.forum().status() + ".");
            case MembershipGranted p -> new Text(names.apply(p.membership().stakeholderId()) + " took a seat in "
                    + what, "Seat: " + p.membership().seat() + ".");
            case MembershipChanged p -> new Text(names.apply(p.membership().stakeholderId()) + "'s seat in " + what
                    + " changed", "Seat: " + p.membership().seat() + ".");
            case MembershipEnded p -> new Text(names.apply(p.membership().stakeholderId()) + " left " + what,
                    reason(p.reason()));
            case AssessmentRoundOpened p -> new Text(who + " opened the assessment round '" + p.round().title() + "'",
                    p.round().closesOn() == null ? "" : "Answers are due by " + p.round().closesOn() + ".");
            case AssessmentRoundClosed p -> new Text(who + " closed the assessment round '" + p.round().title() + "'",
                    reason(p.reason()));
            case ChecklistScoresPublished p -> new Text(who + " published the scores of '" + p.round().title() + "'",
                    p.overall() == null ? "" : "Overall score: " + Math.round(p.overall().points()) + " of "
                            + p.overall().max() + ", from " + p.respondents() + " respondents.");
            case ChecklistResponseSubmitted p -> new Text(names.apply(p.respondentId()) + " submitted its answers to "
                    + what, p.answered() + " of " + p.questions() + " questions answered.");
            case ChecklistGapIdentified p -> new Text("A gap was identified on checklist question " + p.questionCode(),
                    "The consolidated answer was " + p.consolidatedAnswer() + (p.divergent() ? "; respondents disagree." : "."));
            case PopulationEstimateRecorded p -> new Text(who + " recorded a population estimate: " + record.title(),
                    p.estimate().asOf() == null ? "" : "As of " + p.estimate().asOf() + ".");
            case PopulationEstimateRevised p -> new Text(who + " revised a population estimate: " + record.title(),
                    p.estimate().asOf() == null ? "" : "As of " + p.estimate().asOf() + ".");
            case NeedIdentified p -> new Text(who + " identified a need: " + what,
                    "Severity: " + p.need().severity() + (p.need().sector() == null ? "" : ", sector: " + p.need().sector()) + ".");
            case NeedUpdated p -> new Text(who + " updated the need " + what,
                    "Status: " + p.need().status() + (p.reason() == null ? "." : ". " + p.reason()));
            case InputContributed p -> new Text(names.apply(p.input().contributorId()) + " contributed "
                    + article(p.input().kind() == null ? "input" : p.input().kind().name().toLowerCase().replace('_', ' '))
                    + " to " + what, p.input().summary() == null ? "" : p.input().summary());
            case PlanRecorded p -> new Text(who + " recorded the plan '" + p.plan().title() + "'",
                    "Status: " + p.plan().status() + ".");
            case PlanUpdated p -> new Text(who + " updated the plan '" + p.plan().title() + "'",
                    "Status: " + p.plan().status() + (p.reason() == null ? "." : ". " + p.reason()));
            case ActionProposed p -> new Text(who + " proposed " + quoted(p.action().title(), "an action"),
                    p.action().description() == null ? "" : p.action().description());
            case ActionUpdated p -> new Text(who + " updated " + quoted(p.action().title(), "an action"),
                    "Status: " + p.action().status() + (p.reason() == null ? "." : ". " + p.reason()));
            case MilestoneRecorded p -> new Text(who + " marked the milestone '" + p.milestone().title() + "' of "
                    + what + " " + String.valueOf(p.milestone().status()).toLowerCase(),
                    p.milestone().dueOn() == null ? "" : "Due on " + p.milestone().dueOn() + ".");
            case ProgressReported p -> new Text(who + " reported " + p.report().percentComplete() + "% progress on "
                    + what + (p.report().rag() == null ? "" : " (" + p.report().rag() + ")"),
                    p.report().narrative() == null ? "" : p.report().narrative());
            case FundingRecorded p -> new Text(who + " recorded funding for " + what, funding(p));
            case ContributionMade p -> new Text(names.apply(p.contribution().contributorId()) + " "
                    + contribution(p) + " " + what, p.contribution().text() == null ? "" : p.contribution().text());
            case ReportDue p -> new Text("A progress report on " + what + " is due on " + p.dueOn(),
                    "The report covers " + p.periodStart() + " to " + p.periodEnd() + ".");
            case ReportOverdue p -> new Text("A progress report on " + what + " by " + who + " is "
                    + p.daysOverdue() + " days overdue", "It was due on " + p.dueOn() + " for the period "
                    + p.periodStart() + " to " + p.periodEnd() + ".");
            case CoherenceFlagRaised p -> new Text("A coherence check flagged " + check(p.flag().checkCode()),
                    p.flag().summary() == null ? "" : p.flag().summary());
            case CoherenceFlagUpdated p -> new Text("A coherence flag (" + check(p.flag().checkCode()) + ") was "
                    + flagStatus(p.flag().status()), p.flag().summary() == null ? reason(p.reason())
                            : p.flag().summary() + (p.reason() == null ? "" : "\n" + reason(p.reason())));
            default -> new Text("Something changed on " + what, "");
        };
        return new Text(limit(text.title(), 300), limit(text.body(), 2000));
    }

    private static String contribution(ContributionMade p) {
        if (p.contribution().kind() == null) {
            return "responded to";
        }
        return switch (p.contribution().kind()) {
            case COMMENT -> "commented on";
            case ENDORSEMENT -> "endorsed";
            case OBJECTION -> "objected to";
        };
    }

    private static String check(CoherenceCheckCode code) {
        if (code == null) {
            return "an inconsistency";
        }
        return switch (code) {
            case NEED_WITHOUT_ACTION -> "a need without an action";
            case GAP_WITHOUT_ACTION -> "a checklist gap without an action";
            case OVERLAPPING_ACTIONS -> "overlapping actions";
            case MISSING_LOCAL_IMPLEMENTATION -> "a commitment without local implementation";
            case ACTION_WITHOUT_FUNDING -> "an action without funding";
            case REPORTING_OVERDUE -> "overdue reporting";
            case MILESTONE_LATE -> "late or missed milestones";
        };
    }

    private static String flagStatus(FlagStatus status) {
        if (status == null) {
            return "changed";
        }
        return switch (status) {
            case OPEN -> "reopened";
            case ACKNOWLEDGED -> "acknowledged";
            case RESOLVED -> "resolved";
            case DISMISSED -> "dismissed";
        };
    }

    private static String funding(FundingRecorded p) {
        StringBuilder sb = new StringBuilder();
        if (p.line() != null && p.line().sourceName() != null) {
            sb.append("Source: ").append(p.line().sourceName()).append(". ");
        }
        if (p.totals() != null) {
            for (FundingSummary t : p.totals()) {
                sb.append("Gap: ").append(plain(t.gap())).append(' ').append(t.currency()).append(". ");
            }
        }
        return sb.toString().strip();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "?" : value.stripTrailingZeros().toPlainString();
    }

    private static String quoted(String title, String fallback) {
        if (title != null && !title.isBlank()) {
            return "'" + title + "'";
        }
        String f = fallback.toLowerCase();
        return f.startsWith("a ") || f.startsWith("an ") ? f : "an untitled " + f;
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : "Reason: " + reason;
    }

    private static String mandate(org.arrival.contracts.registry.ThematicScope scope) {
        return scope == null || scope.mandate() == null ? "" : scope.mandate();
    }

    private static String limit(String s, int max) {
        String v = s == null ? "" : s.strip();
        return v.length() <= max ? v : v.substring(0, max - 1) + "…";
    }
}
