package org.arrival.notifications.records;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.ActionUpdated;
import org.arrival.contracts.actionplans.ContributionMade;
import org.arrival.contracts.actionplans.FundingRecorded;
import org.arrival.contracts.actionplans.MilestoneRecorded;
import org.arrival.contracts.actionplans.Plan;
import org.arrival.contracts.actionplans.PlanRecorded;
import org.arrival.contracts.actionplans.PlanUpdated;
import org.arrival.contracts.actionplans.ProgressReported;
import org.arrival.contracts.actionplans.ReportDue;
import org.arrival.contracts.actionplans.ReportOverdue;
import org.arrival.contracts.assessments.AssessmentRound;
import org.arrival.contracts.assessments.AssessmentRoundClosed;
import org.arrival.contracts.assessments.AssessmentRoundOpened;
import org.arrival.contracts.assessments.ChecklistGapIdentified;
import org.arrival.contracts.assessments.ChecklistResponseSubmitted;
import org.arrival.contracts.assessments.ChecklistScoresPublished;
import org.arrival.contracts.assessments.InputContributed;
import org.arrival.contracts.assessments.Need;
import org.arrival.contracts.assessments.NeedIdentified;
import org.arrival.contracts.assessments.NeedUpdated;
import org.arrival.contracts.assessments.PopulationEstimate;
import org.arrival.contracts.assessments.PopulationEstimateRecorded;
import org.arrival.contracts.assessments.PopulationEstimateRevised;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceFlag;
import org.arrival.contracts.forum.CoherenceFlagRaised;
import org.arrival.contracts.forum.CoherenceFlagUpdated;
import org.arrival.contracts.registry.AgendaItemProposed;
import org.arrival.contracts.registry.Assignment;
import org.arrival.contracts.registry.AssignmentAccepted;
import org.arrival.contracts.registry.AssignmentDeclined;
import org.arrival.contracts.registry.AssignmentMade;
import org.arrival.contracts.registry.AssignmentOverdue;
import org.arrival.contracts.registry.Decision;
import org.arrival.contracts.registry.DecisionRecorded;
import org.arrival.contracts.registry.Forum;
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
import org.arrival.contracts.registry.Stakeholder;
import org.arrival.contracts.registry.StakeholderActivated;
import org.arrival.contracts.registry.StakeholderArchived;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.contracts.registry.StakeholderSuspended;
import org.arrival.contracts.registry.StakeholderUpdated;
import org.arrival.contracts.registry.StakeholderVerified;
import org.arrival.platform.messaging.consumer.InboundEvent;
import org.arrival.platform.messaging.consumer.UnreadableEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an event of the catalogue as the record it is about. Events about a child record (milestone, report,
 * funding line, contribution, reporting reminder, checklist response, input, membership) are about their parent
 * (the action, the round or need, the forum), which they identify but do not describe. A coherence flag of the
 * forum is a record of its own (FLAG), owned by the forum's convenor and shared with its forum; so are a forum's
 * meetings (MEETING), decisions (DECISION), the work its decisions assign (ASSIGNMENT) and the agenda items proposed
 * to it (PROPOSAL).
 */
public final class EventInterpreter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private EventInterpreter() {}

    /** The type name without namespace and version, e.g. {@code ProgressReported}. */
    public static String simpleName(String type) {
        int v = type.lastIndexOf(".v");
        String withoutVersion = v < 0 ? type : type.substring(0, v);
        return withoutVersion.substring(withoutVersion.lastIndexOf('.') + 1);
    }

    /** The record the event is about, or null for a type this service does not know (a newer producer's). */
    public static @Nullable RecordEvent interpret(InboundEvent e) {
        RecordEvent read = read(e);
        return read == null ? null : read.naming(namedIds(e.payload()));
    }

    /** Every id the JSON payload names, at any depth. */
    static Set<UUID> namedIds(byte[] payload) {
        Set<UUID> ids = new LinkedHashSet<>();
        try {
            collect(JSON.readTree(payload), ids, 0);
        } catch (JacksonException ex) {
            throw new UnreadableEvent("payload is not JSON: " + ex.getOriginalMessage(), ex);
        }
        return ids;
    }

    private static void collect(JsonNode node, Set<UUID> ids, int depth) {
        if (node == null || depth > 64) {
            return;
        }
        if (node.isString()) {
            String text = node.asString();
            if (text.length() == 36 && UUID_TEXT.matcher(text).matches()) {
                ids.add(UUID.fromString(text));
            }
        } else if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                collect(child, ids, depth + 1);
            }
        }
    }

    private static @Nullable RecordEvent read(InboundEvent e) {
        DataClassification c = e.classification();
        UUID owner = e.ownerOrg();
        return switch (simpleName(e.type())) {
            case "StakeholderRegistered" -> {
                var p = e.payloadAs(StakeholderRegistered.class);
                yield stakeholder(p.stakeholder(), p.actor(), c, p);
            }
            case "StakeholderUpdated" -> {
                var p = e.payloadAs(StakeholderUpdated.class);
                yield stakeholder(p.stakeholder(), p.actor(), c, p);
            }
            case "StakeholderVerified" -> {
                var p = e.payloadAs(StakeholderVerified.class);
                yield stakeholder(p.stakeholder(), p.actor(), c, p);
            }
            case "StakeholderActivated" -> {
                var p = e.payloadAs(StakeholderActivated.class);
                yield stakeholder(p.stakeholder(), p.actor(), c, p);
            }
            case "StakeholderSuspended" -> {
                var p = e.payloadAs(StakeholderSuspended.class);
                yield stakeholder(p.stakeholder(), p.actor(), c, p);
            }
            case "StakeholderArchived" -> {
                var p = e.payloadAs(StakeholderArchived.class);
                yield stakeholder(p.stakeholder(), p.actor(), c, p);
            }
            case "ForumEstablished" -> {
                var p = e.payloadAs(ForumEstablished.class);
                yield forum(p.forum(), p.actor(), owner, c, p);
            }
            case "ForumUpdated" -> {
                var p = e.payloadAs(ForumUpdated.class);
                yield forum(p.forum(), p.actor(), owner, c, p);
            }
            case "MembershipGranted" -> {
                var p = e.payloadAs(MembershipGranted.class);
                yield membership(p.membership(), p.actor(), owner, c, p);
            }
            case "MembershipChanged" -> {
                var p = e.payloadAs(MembershipChanged.class);
                yield membership(p.membership(), p.actor(), owner, c, p);
            }
            case "MembershipEnded" -> {
                var p = e.payloadAs(MembershipEnded.class);
                yield membership(p.membership(), p.actor(), owner, c, p);
            }
            case "AssessmentRoundOpened" -> {
                var p = e.payloadAs(AssessmentRoundOpened.class);
                yield round(p.round(), p.actor(), owner, c, p);
            }
            case "AssessmentRoundClosed" -> {
                var p = e.payloadAs(AssessmentRoundClosed.class);
                yield round(p.round(), p.actor(), owner, c, p);
            }
            case "ChecklistScoresPublished" -> {
                var p = e.payloadAs(ChecklistScoresPublished.class);
                yield round(p.round(), p.actor(), owner, c, p);
            }
            case "ChecklistResponseSubmitted" -> {
                var p = e.payloadAs(ChecklistResponseSubmitted.class);
                yield child(
                        KnownRecord.stub(p.roundId(), "ROUND", owner, c),
                        ids(p.roundId()),
                        org(p.actor()),
                        null,
                        null,
                        p);
            }
            case "ChecklistGapIdentified" -> {
                var p = e.payloadAs(ChecklistGapIdentified.class);
                KnownRecord r = new KnownRecord(
                        p.gapId(),
                        "GAP",
                        p.convenorId() == null ? owner : p.convenorId(),
                        c,
                        List.of(),
                        List.of(),
                        countries(p.jurisdiction()),
                        subdivisions(p.jurisdiction()),
                        null,
                        "Checklist question " + p.questionCode());
                yield new RecordEvent(r, true, ids(p.gapId(), p.roundId()), null, null, null, p);
            }
            case "PopulationEstimateRecorded" -> {
                var p = e.payloadAs(PopulationEstimateRecorded.class);
                yield estimate(p.estimate(), p.actor(), owner, c, p);
            }
            case "PopulationEstimateRevised" -> {
                var p = e.payloadAs(PopulationEstimateRevised.class);
                yield estimate(p.estimate(), p.actor(), owner, c, p);
            }
            case "NeedIdentified" -> {
                var p = e.payloadAs(NeedIdentified.class);
                yield need(p.need(), p.actor(), owner, c, p);
            }
            case "NeedUpdated" -> {
                var p = e.payloadAs(NeedUpdated.class);
                yield need(p.need(), p.actor(), owner, c, p);
            }
            case "InputContributed" -> {
                var p = e.payloadAs(InputContributed.class);
                String kind = "ROUND".equalsIgnoreCase(p.input().subjectType()) ? "ROUND" : "NEED";
                // an input belongs to its contributor (the event's owner); the subject's owner reads it too
                yield new RecordEvent(
                        KnownRecord.stub(p.input().subjectId(), kind, null, c),
                        false,
                        ids(p.input().subjectId(), p.input().inputId()),
                        org(p.actor()),
                        null,
                        p.input().contributorId() == null ? owner : p.input().contributorId(),
                        p);
            }
            case "PlanRecorded" -> {
                var p = e.payloadAs(PlanRecorded.class);
                yield plan(p.plan(), p.actor(), owner, c, p);
            }
            case "PlanUpdated" -> {
                var p = e.payloadAs(PlanUpdated.class);
                yield plan(p.plan(), p.actor(), owner, c, p);
            }
            case "ActionProposed" -> {
                var p = e.payloadAs(ActionProposed.class);
                yield action(p.action(), p.actor(), owner, c, p);
            }
            case "ActionUpdated" -> {
                var p = e.payloadAs(ActionUpdated.class);
                yield action(p.action(), p.actor(), owner, c, p);
            }
            case "MilestoneRecorded" -> {
                var p = e.payloadAs(MilestoneRecorded.class);
                yield child(
                        KnownRecord.stub(p.milestone().actionId(), "ACTION", owner, c),
                        ids(p.milestone().actionId(), p.milestone().milestoneId()),
                        org(p.actor()),
                        null,
                        null,
                        p);
            }
            case "ProgressReported" -> {
                var p = e.payloadAs(ProgressReported.class);
                yield child(
                        KnownRecord.stub(p.report().actionId(), "ACTION", owner, c),
                        ids(p.report().actionId(), p.report().reportId()),
                        org(p.actor()),
                        null,
                        null,
                        p);
            }
            case "FundingRecorded" -> {
                var p = e.payloadAs(FundingRecorded.class);
                yield child(
                        KnownRecord.stub(p.line().actionId(), "ACTION", owner, c),
                        ids(p.line().actionId(), p.line().fundingId()),
                        org(p.actor()),
                        null,
                        null,
                        p);
            }
            case "ContributionMade" -> {
                var p = e.payloadAs(ContributionMade.class);
                UUID contributor = p.contribution().contributorId() == null
                        ? owner
                        : p.contribution().contributorId();
                // the event's owner is the contributor; the action's owner is not in the payload
                yield child(
                        KnownRecord.stub(p.contribution().actionId(), "ACTION", null, c),
                        ids(p.contribution().actionId(), p.contribution().contributionId()),
                        org(p.actor()),
                        contributor,
                        null,
                        p);
            }
            case "ReportDue" -> {
                var p = e.payloadAs(ReportDue.class);
                yield child(
                        KnownRecord.stub(p.actionId(), "ACTION", p.ownerId() == null ? owner : p.ownerId(), c),
                        ids(p.actionId()),
                        null,
                        null,
                        null,
                        p);
            }
            case "ReportOverdue" -> {
                var p = e.payloadAs(ReportOverdue.class);
                yield child(
                        KnownRecord.stub(p.actionId(), "ACTION", p.ownerId() == null ? owner : p.ownerId(), c),
                        ids(p.actionId()),
                        null,
                        null,
                        null,
                        p);
            }
            case "CoherenceFlagRaised" -> {
                var p = e.payloadAs(CoherenceFlagRaised.class);
                yield flag(p.flag(), p.actor(), owner, c, p);
            }
            case "CoherenceFlagUpdated" -> {
                var p = e.payloadAs(CoherenceFlagUpdated.class);
                yield flag(p.flag(), p.actor(), owner, c, p);
            }
            case "MeetingScheduled" -> {
                var p = e.payloadAs(MeetingScheduled.class);
                yield meeting(p.meeting(), p.actor(), owner, c, p);
            }
            case "MeetingUpdated" -> {
                var p = e.payloadAs(MeetingUpdated.class);
                yield meeting(p.meeting(), p.actor(), owner, c, p);
            }
            case "MeetingHeld" -> {
                var p = e.payloadAs(MeetingHeld.class);
                yield meeting(p.meeting(), p.actor(), owner, c, p);
            }
            case "MinutesApproved" -> {
                var p = e.payloadAs(MinutesApproved.class);
                yield meeting(p.meeting(), p.actor(), owner, c, p);
            }
            case "MeetingCancelled" -> {
                var p = e.payloadAs(MeetingCancelled.class);
                yield meeting(p.meeting(), p.actor(), owner, c, p);
            }
            case "DecisionRecorded" -> {
                var p = e.payloadAs(DecisionRecorded.class);
                Decision d = p.decision();
                yield new RecordEvent(
                        forumRecord(d.decisionId(), "DECISION", owner, c, d.forumId(), null),
                        true,
                        ids(d.decisionId(), d.forumId(), d.meetingId()),
                        org(p.actor()),
                        null,
                        null,
                        p);
            }
            case "AssignmentMade" -> {
                var p = e.payloadAs(AssignmentMade.class);
                yield assignment(p.assignment(), p.actor(), owner, c, p);
            }
            case "AssignmentAccepted" -> {
                var p = e.payloadAs(AssignmentAccepted.class);
                yield assignment(p.assignment(), p.actor(), owner, c, p);
            }
            case "AssignmentDeclined" -> {
                var p = e.payloadAs(AssignmentDeclined.class);
                yield assignment(p.assignment(), p.actor(), owner, c, p);
            }
            case "AssignmentOverdue" -> {
                var p = e.payloadAs(AssignmentOverdue.class);
                yield assignment(p.assignment(), null, owner, c, p);
            }
            case "AgendaItemProposed" -> {
                var p = e.payloadAs(AgendaItemProposed.class);
                yield new RecordEvent(
                        forumRecord(p.proposalId(), "PROPOSAL", owner, c, p.forumId(), p.title()),
                        true,
                        ids(p.proposalId(), p.forumId(), p.fromForumId(), p.decisionId()),
                        org(p.actor()),
                        null,
                        null,
                        p);
            }
            default -> null;
        };
    }

    /** A record a forum keeps (meeting, decision, assignment, proposal): the convenor's, shared with its forum. */
    private static KnownRecord forumRecord(
            UUID id, String kind, UUID owner, DataClassification c, UUID forumId, @Nullable String title) {
        return new KnownRecord(id, kind, owner, c, List.of(forumId), List.of(), List.of(), List.of(), null, title);
    }

    private static RecordEvent meeting(Meeting m, Actor actor, UUID owner, DataClassification c, Object payload) {
        return new RecordEvent(
                forumRecord(m.meetingId(), "MEETING", owner, c, m.forumId(), m.title()),
                true,
                ids(m.meetingId(), m.forumId()),
                org(actor),
                null,
                null,
                payload);
    }

    private static RecordEvent assignment(
            Assignment a, @Nullable Actor actor, UUID owner, DataClassification c, Object payload) {
        return new RecordEvent(
                forumRecord(a.assignmentId(), "ASSIGNMENT", owner, c, a.forumId(), a.expected()),
                true,
                ids(a.assignmentId(), a.forumId(), a.decisionId(), a.actionId()),
                org(actor),
                null,
                null,
                payload);
    }

    private static RecordEvent flag(
            CoherenceFlag f, @Nullable Actor actor, UUID owner, DataClassification c, Object payload) {
        KnownRecord k = new KnownRecord(
                f.flagId(),
                "FLAG",
                owner,
                c,
                f.forumId() == null ? List.of() : List.of(f.forumId()),
                List.of(),
                List.of(),
                List.of(),
                null,
                null);
        Set<UUID> related = ids(f.flagId(), f.forumId());
        if (f.recordIds() != null) {
            f.recordIds().stream().filter(Objects::nonNull).forEach(related::add);
        }
        return new RecordEvent(k, true, related, org(actor), null, null, payload);
    }

    private static RecordEvent child(
            KnownRecord parent,
            Set<UUID> related,
            @Nullable UUID actorOrg,
            @Nullable UUID author,
            @Nullable UUID firewallOwner,
            Object payload) {
        return new RecordEvent(parent, false, related, actorOrg, author, firewallOwner, payload);
    }

    private static RecordEvent stakeholder(Stakeholder s, Actor actor, DataClassification c, Object payload) {
        KnownRecord r = new KnownRecord(
                s.stakeholderId(),
                "STAKEHOLDER",
                s.stakeholderId(),
                c,
                List.of(),
                sectors(s.sectors()),
                countries(s.jurisdiction()),
                subdivisions(s.jurisdiction()),
                null,
                s.name());
        return new RecordEvent(r, true, ids(s.stakeholderId()), org(actor), null, null, payload);
    }

    private static RecordEvent forum(Forum f, Actor actor, UUID owner, DataClassification c, Object payload) {
        List<String> sectors = f.thematicScope() == null
                ? List.of()
                : sectors(f.thematicScope().sectors());
        KnownRecord r = new KnownRecord(
                f.forumId(),
                "FORUM",
                owner,
                c,
                List.of(f.forumId()),
                sectors,
                countries(f.geographicScope()),
                subdivisions(f.geographicScope()),
                null,
                f.name());
        return new RecordEvent(r, true, ids(f.forumId(), f.parentForumId()), org(actor), null, null, payload);
    }

    private static RecordEvent membership(Membership m, Actor actor, UUID owner, DataClassification c, Object payload) {
        return child(
                KnownRecord.stub(m.forumId(), "FORUM", owner, c),
                ids(m.forumId(), m.stakeholderId()),
                org(actor),
                null,
                null,
                payload);
    }

    private static RecordEvent round(AssessmentRound r, Actor actor, UUID owner, DataClassification c, Object payload) {
        KnownRecord k = new KnownRecord(
                r.roundId(),
                "ROUND",
                r.convenorId() == null ? owner : r.convenorId(),
                c,
                orNone(r.sharedWithForums()),
                List.of(),
                countries(r.jurisdiction()),
                subdivisions(r.jurisdiction()),
                null,
                r.title());
        return new RecordEvent(k, true, ids(r.roundId()), org(actor), null, null, payload);
    }

    private static RecordEvent estimate(
            PopulationEstimate p, Actor actor, UUID owner, DataClassification c, Object payload) {
        String title = (p.group() == null ? "Population" : p.group().name()) + " in "
                + (p.area() == null ? "an area" : areaName(p.area()));
        KnownRecord k = new KnownRecord(
                p.estimateId(),
                "ESTIMATE",
                p.ownerId() == null ? owner : p.ownerId(),
                c,
                orNone(p.sharedWithForums()),
                List.of(),
                countries(p.area()),
                subdivisions(p.area()),
                null,
                title);
        return new RecordEvent(k, true, ids(p.estimateId()), org(actor), null, null, payload);
    }

    /** Events produced before a record's forums were published carry none: the record then reaches its owner only. */
    private static <T> List<T> orNone(@Nullable List<T> values) {
        return values == null ? List.of() : values;
    }

    private static RecordEvent need(Need n, Actor actor, UUID owner, DataClassification c, Object payload) {
        KnownRecord k = new KnownRecord(
                n.needId(),
                "NEED",
                n.ownerId() == null ? owner : n.ownerId(),
                c,
                orNone(n.sharedWithForums()),
                n.sector() == null ? List.of() : List.of(n.sector().name()),
                countries(n.area()),
                subdivisions(n.area()),
                null,
                n.statement());
        return new RecordEvent(k, true, ids(n.needId(), n.roundId()), org(actor), null, null, payload);
    }

    private static RecordEvent plan(Plan p, Actor actor, UUID owner, DataClassification c, Object payload) {
        KnownRecord k = new KnownRecord(
                p.planId(),
                "PLAN",
                p.ownerId() == null ? owner : p.ownerId(),
                c,
                orNone(p.sharedWithForums()),
                List.of(),
                countries(p.jurisdiction()),
                subdivisions(p.jurisdiction()),
                null,
                p.title());
        return new RecordEvent(k, true, ids(p.planId()), org(actor), null, null, payload);
    }

    private static RecordEvent action(Action a, Actor actor, UUID owner, DataClassification c, Object payload) {
        List<String> countries = new ArrayList<>();
        List<String> subdivisions = new ArrayList<>();
        if (a.areas() != null) {
            a.areas().stream().filter(Objects::nonNull).forEach(j -> {
                countries.addAll(countries(j));
                subdivisions.addAll(subdivisions(j));
            });
        }
        KnownRecord k = new KnownRecord(
                a.actionId(),
                "ACTION",
                a.ownerId() == null ? owner : a.ownerId(),
                c,
                orNone(a.sharedWithForums()),
                sectors(a.sectors()),
                countries.stream().distinct().toList(),
                subdivisions.stream().distinct().toList(),
                a.planId(),
                a.title());
        return new RecordEvent(
                k, true, ids(a.actionId(), a.planId(), a.implementsActionId()), org(actor), null, null, payload);
    }

    private static @Nullable UUID org(@Nullable Actor actor) {
        return actor == null ? null : actor.organisationId();
    }

    private static Set<UUID> ids(@Nullable UUID... ids) {
        Set<UUID> set = new LinkedHashSet<>();
        for (UUID id : ids) {
            if (id != null) {
                set.add(id);
            }
        }
        return set;
    }

    private static List<String> sectors(@Nullable List<Sector> sectors) {
        return sectors == null
                ? List.of()
                : sectors.stream().filter(Objects::nonNull).map(Sector::name).toList();
    }

    private static List<String> countries(@Nullable Jurisdiction j) {
        return j == null || j.country() == null ? List.of() : List.of(j.country());
    }

    private static List<String> subdivisions(@Nullable Jurisdiction j) {
        return j == null || j.subdivision() == null ? List.of() : List.of(j.subdivision());
    }

    private static String areaName(Jurisdiction j) {
        if (j.areaName() != null) {
            return j.areaName();
        }
        return j.subdivision() != null ? j.subdivision() : String.valueOf(j.country());
    }
}
