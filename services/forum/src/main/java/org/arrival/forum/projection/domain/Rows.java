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

/**
 * The rows of the forum view's projection. Plain mutable data: the {@link Projector} is the only code that changes
 * them, and they are stored whole (as JSON) by generation.
 */
public final class Rows {

    private Rows() {
    }

    public static class OrganisationRow {
        public UUID id;
        public long version;
        public String name;
        public String type;
        public boolean enforcementBody;
        public boolean hidden;
        public String status;
    }

    public static class ForumRow {
        public UUID id;
        public long version;
        public String name;
        public String type;
        public Jurisdiction geographicScope;
        public UUID convenorId;
        public UUID chairId;
        public UUID secretariatId;
        public String status;
    }

    public static class MembershipRow {
        public UUID id;
        public long version;
        public UUID forumId;
        public UUID stakeholderId;
        public String seat;
        public String status;

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** An action with everything that travels with it; {@code version} 0 until the action's own event arrives. */
    public static class ActionRow {
        public UUID id;
        public long version;
        public boolean placeholder = true;
        public UUID ownerId;
        public String classification;
        public UUID planId;
        public String title;
        public String kind;
        public String status;
        public List<String> sectors = new ArrayList<>();
        public List<String> targetGroups = new ArrayList<>();
        public List<Jurisdiction> areas = new ArrayList<>();
        public List<String> frameworkItems = new ArrayList<>();
        public List<UUID> needIds = new ArrayList<>();
        public List<UUID> sharedWithForums = new ArrayList<>();
        public LocalDate startDate;
        public LocalDate endDate;
        public Report latestReport;
        public Map<String, MilestoneState> milestones = new LinkedHashMap<>();
        public Map<String, FundingLineState> fundingLines = new LinkedHashMap<>();
        public List<FundingTotal> funding = new ArrayList<>();
        /** The report due and not yet in (from ReportDue or ReportOverdue); late once its due date has passed. */
        public ReportDue reportDue;
        /** What rows projected before {@link #reportDue} held: read as the report due, never written any more. */
        public Overdue overdue;
    }

    public static class Report {
        public UUID reportId;
        public LocalDate periodStart;
        public LocalDate periodEnd;
        public int percentComplete;
        public String rag;
        public String actionStatus;
        public Instant reportedAt;
    }

    public static class MilestoneState {
        public UUID id;
        public long version;
        public String title;
        public LocalDate dueOn;
        public LocalDate reachedOn;
        public String status;
    }

    public static class FundingLineState {
        public UUID id;
        public long version;
        public String currency;
        public BigDecimal required;
        public BigDecimal committed;
        public BigDecimal disbursed;
    }

    public static class FundingTotal {
        public String currency;
        public BigDecimal required;
        public BigDecimal committed;
        public BigDecimal disbursed;
        public BigDecimal gap;
    }

    /** A reporting period whose report is due on {@code dueOn} and has not arrived. */
    public static class ReportDue {
        public LocalDate periodStart;
        public LocalDate periodEnd;
        public LocalDate dueOn;
    }

    /** The report due as rows projected before {@link ReportDue} held it. */
    public static class Overdue {
        public LocalDate periodStart;
        public LocalDate periodEnd;
        public LocalDate dueOn;
        public int daysOverdue;
    }

    public static class NeedRow {
        public UUID id;
        public long version;
        public UUID ownerId;
        public String classification;
        public String statement;
        public String sector;
        public List<String> populationGroups = new ArrayList<>();
        public Jurisdiction area;
        public String severity;
        public String status;
        public List<UUID> sharedWithForums = new ArrayList<>();
    }

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
        public String status;
        public Double overallPoints;
        public Integer overallMax;
        public List<ScorePart> recommendations = new ArrayList<>();
        public List<String> divergentQuestions = new ArrayList<>();
        public int respondents;
        public Instant publishedAt;
    }

    public static class ScorePart {
        public String code;
        public double points;
        public int max;
    }

    /** A plan or policy an organisation owns; its actions point at it with their {@code planId}. */
    public static class PlanRow {
        public UUID id;
        public long version;
        public UUID ownerId;
        public String classification;
        public String title;
        public String type;
        public Jurisdiction jurisdiction;
        public LocalDate periodStart;
        public LocalDate periodEnd;
        public List<String> objectives = new ArrayList<>();
        public String nupPhase;
        public Inclusion inclusion;
        public List<UUID> sharedWithForums = new ArrayList<>();
        public String status;
    }

    /** A population estimate with its counts exactly as its events carried them (small counts suppressed). */
    public static class PopulationRow {
        public UUID id;
        public long version;
        public UUID ownerId;
        public String classification;
        public String seriesId;
        public Jurisdiction area;
        public String group;
        public Count registered;
        public Count estimated;
        public List<Disaggregation> breakdown = new ArrayList<>();
        public String source;
        public String method;
        public LocalDate asOf;
        public List<UUID> sharedWithForums = new ArrayList<>();
    }

    /** An input an organisation contributed to a round or need of another; its summary stays with its owner. */
    public static class InputRow {
        public UUID id;
        public long version;
        public UUID contributorId;
        public String classification;
        public String kind;
        public String subjectType;
        public UUID subjectId;
        public LocalDate collectedOn;
        public Count participants;
        public List<UUID> sharedWithForums = new ArrayList<>();
    }
}
