package org.arrival.forum.projection.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.actionplans.Inclusion;
import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.assessments.Disaggregation;
import org.arrival.contracts.common.Jurisdiction;
import org.jspecify.annotations.Nullable;

/**
 * The rows of the forum view's projection. Plain mutable data: the {@link Projector} is the only code that changes
 * them, and they are stored whole (as JSON) by generation.
 *
 * <p>Each row is filled field by field by the {@link Projector} (or read back from its JSON) right after it is
 * created, from what its event's contract requires; hence {@code NullAway.Init} on the classes. The fields marked
 * {@code @Nullable} are the ones an event may leave out, or that a later event fills in, and the names of enum
 * constants: events are read tolerantly, so a constant this service does not know yet reads as null.
 */
public final class Rows {

    private Rows() {}

    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class OrganisationRow {
        public UUID id;
        public long version;
        public String name;
        public @Nullable String acronym;
        public @Nullable String type;
        public boolean enforcementBody;
        public boolean hidden;
        public @Nullable String status;
    }

    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class ForumRow {
        public UUID id;
        public long version;
        public String name;
        public @Nullable String type;
        public @Nullable Jurisdiction geographicScope;
        public @Nullable UUID convenorId;
        public @Nullable UUID chairId;
        public @Nullable UUID secretariatId;
        public @Nullable String status;
    }

    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class MembershipRow {
        public UUID id;
        public long version;
        public UUID forumId;
        public UUID stakeholderId;
        public @Nullable String seat;
        public @Nullable String status;

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /**
     * An action with everything that travels with it; {@code version} 0 until the action's own event arrives. Until
     * then it is a {@code placeholder} holding only {@code id} and what other events added: its owner, classification,
     * title, kind and status are not there yet. Readers skip placeholders (a placeholder is shared with no forum).
     */
    @SuppressWarnings("NullAway.Init") // filled by the Projector from the action event's required fields
    public static class ActionRow {
        public UUID id;
        public long version;
        public boolean placeholder = true;
        public UUID ownerId;
        public String classification;
        public @Nullable UUID planId;
        public String title;
        public @Nullable String kind;
        /** HUMANITARIAN, DEVELOPMENT, PEACEBUILDING or NEXUS; absent when the action does not say. */
        public @Nullable String orientation;

        public @Nullable String status;
        public List<String> sectors = new ArrayList<>();
        public List<String> targetGroups = new ArrayList<>();
        public List<Jurisdiction> areas = new ArrayList<>();
        public List<String> frameworkItems = new ArrayList<>();
        public List<UUID> needIds = new ArrayList<>();
        public List<UUID> sharedWithForums = new ArrayList<>();
        public @Nullable LocalDate startDate;
        public @Nullable LocalDate endDate;
        public @Nullable Report latestReport;
        public Map<String, MilestoneState> milestones = new LinkedHashMap<>();
        public Map<String, FundingLineState> fundingLines = new LinkedHashMap<>();
        public List<FundingTotal> funding = new ArrayList<>();
        /** The report due and not yet in (from ReportDue or ReportOverdue); late once its due date has passed. */
        public @Nullable ReportDue reportDue;
        /** What rows projected before {@link #reportDue} held: read as the report due, never written any more. */
        public @Nullable Overdue overdue;
    }

    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class Report {
        public UUID reportId;
        public LocalDate periodStart;
        public LocalDate periodEnd;
        public int percentComplete;
        public @Nullable String rag;
        public @Nullable String actionStatus;
        public Instant reportedAt;
        /** The report's narrative; absent in rows projected before it was kept. */
        public @Nullable String summary;
    }

    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class MilestoneState {
        public UUID id;
        public long version;
        public String title;
        public LocalDate dueOn;
        public @Nullable LocalDate reachedOn;
        public @Nullable String status;
    }

    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class FundingLineState {
        public UUID id;
        public long version;
        public String currency;
        public BigDecimal required;
        public BigDecimal committed;
        public BigDecimal disbursed;
    }

    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class FundingTotal {
        public String currency;
        public BigDecimal required;
        public BigDecimal committed;
        public BigDecimal disbursed;
        public BigDecimal gap;
    }

    /** A reporting period whose report is due on {@code dueOn} and has not arrived. */
    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class ReportDue {
        public LocalDate periodStart;
        public LocalDate periodEnd;
        public LocalDate dueOn;
    }

    /** The report due as rows projected before {@link ReportDue} held it. */
    @SuppressWarnings("NullAway.Init") // only read back from the JSON of rows the Projector once filled
    public static class Overdue {
        public LocalDate periodStart;
        public LocalDate periodEnd;
        public LocalDate dueOn;
        public int daysOverdue;
    }

    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class NeedRow {
        public UUID id;
        public long version;
        public UUID ownerId;
        public String classification;
        public String statement;
        public @Nullable String sector;
        public List<String> populationGroups = new ArrayList<>();
        public Jurisdiction area;
        public @Nullable String severity;
        public @Nullable String status;
        public List<UUID> sharedWithForums = new ArrayList<>();
        /** When the need last changed (was identified, validated or reviewed); absent in rows projected before. */
        public @Nullable Instant changedAt;
    }

    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class GapRow {
        public UUID id;
        public long version;
        public UUID roundId;
        public UUID ownerId;
        public String classification;
        public Jurisdiction jurisdiction;
        public String recommendationCode;
        public String actionCode;
        public String questionCode;
        public String consolidatedAnswer;
        public double points;
        public boolean divergent;
    }

    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class RoundScoreRow {
        public UUID id;
        public long version;
        public UUID ownerId;
        public String classification;
        public String title;
        public Jurisdiction jurisdiction;
        public UUID convenorId;
        /** The organisations asked to answer (some may be hidden from enforcement bodies). */
        public List<UUID> respondentIds = new ArrayList<>();

        public List<UUID> sharedWithForums = new ArrayList<>();
        public @Nullable String status;
        public @Nullable Double overallPoints;
        public @Nullable Integer overallMax;
        /** The coverage of the overall score; null from events published before it was carried. */
        public @Nullable Integer overallAssessedMax;

        public @Nullable Integer overallQuestionsAssessed;
        public @Nullable Integer overallQuestions;
        public List<ScorePart> recommendations = new ArrayList<>();
        public List<String> divergentQuestions = new ArrayList<>();
        public int respondents;
        public @Nullable Instant publishedAt;
    }

    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class ScorePart {
        public String code;
        public double points;
        public int max;
        /** The coverage; null from events published before it was carried. */
        public @Nullable Integer assessedMax;

        public @Nullable Integer questionsAssessed;
        public @Nullable Integer questions;
    }

    /** A plan or policy an organisation owns; its actions point at it with their {@code planId}. */
    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class PlanRow {
        public UUID id;
        public long version;
        public UUID ownerId;
        public String classification;
        public String title;
        public @Nullable String type;
        public Jurisdiction jurisdiction;
        public @Nullable LocalDate periodStart;
        public @Nullable LocalDate periodEnd;
        public List<String> objectives = new ArrayList<>();
        public @Nullable String nupPhase;
        public Inclusion inclusion;
        public List<UUID> sharedWithForums = new ArrayList<>();
        public @Nullable String status;
    }

    /** A population estimate with its counts exactly as its events carried them (small counts suppressed). */
    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class PopulationRow {
        public UUID id;
        public long version;
        public UUID ownerId;
        public String classification;
        public @Nullable String seriesId;
        public Jurisdiction area;
        public @Nullable String group;
        public @Nullable Count registered;
        public @Nullable Count estimated;
        public List<Disaggregation> breakdown = new ArrayList<>();
        public String source;
        public @Nullable String method;
        public LocalDate asOf;
        public List<UUID> sharedWithForums = new ArrayList<>();
    }

    /** An input an organisation contributed to a round or need of another; its summary stays with its owner. */
    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class InputRow {
        public UUID id;
        public long version;
        public UUID contributorId;
        public String classification;
        public @Nullable String kind;
        public String subjectType;
        public UUID subjectId;
        public @Nullable LocalDate collectedOn;
        public @Nullable Count participants;
        public List<UUID> sharedWithForums = new ArrayList<>();
    }

    /** A forum meeting as its latest event carried it: the registry owns it, the forum view reads it. */
    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class MeetingRow {
        public UUID id;
        public long version;
        public UUID forumId;
        public String title;
        public LocalDate date;
        public @Nullable String startTime;
        public @Nullable String place;
        public @Nullable String onlineLink;
        public List<AgendaItemState> agenda = new ArrayList<>();
        public List<AttendanceState> attendance = new ArrayList<>();
        public @Nullable String minutes;
        public @Nullable String status;
        public @Nullable String cancellationReason;
    }

    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class AgendaItemState {
        public UUID itemId;
        public String title;
        public @Nullable String note;
        public List<RecordRef> records = new ArrayList<>();
        public @Nullable UUID proposalId;
    }

    /** A record a meeting's agenda or a decision points at: its kind (null if unknown here) and id. */
    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class RecordRef {
        public @Nullable String kind;
        public UUID recordId;
    }

    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class AttendanceState {
        public UUID stakeholderId;
        public @Nullable String status;
    }

    /** A decision a forum recorded, with who recorded it and when the event said it was. */
    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class DecisionRow {
        public UUID id;
        public long version;
        public UUID forumId;
        public UUID meetingId;
        public LocalDate decidedOn;
        public String text;
        public @Nullable String type;
        public @Nullable String method;
        public @Nullable Integer inFavour;
        public @Nullable Integer against;
        public @Nullable Integer abstaining;
        public List<DissentState> dissent = new ArrayList<>();
        public List<RecordRef> concerns = new ArrayList<>();
        public @Nullable UUID escalatedToForumId;
        public Instant recordedAt;
    }

    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class DissentState {
        public UUID stakeholderId;
        public String reason;
    }

    /** Work a decision assigned to a member organisation. */
    @SuppressWarnings("NullAway.Init") // filled by the Projector from the event's required fields
    public static class AssignmentRow {
        public UUID id;
        public long version;
        public UUID forumId;
        public UUID decisionId;
        public UUID assigneeId;
        public String expected;
        public LocalDate dueOn;
        public @Nullable String status;
        public @Nullable UUID actionId;
        public @Nullable String declineReason;
    }
}
