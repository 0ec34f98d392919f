package org.arrival.forum;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ActionUpdated;
import org.arrival.contracts.actionplans.FundingLine;
import org.arrival.contracts.actionplans.FundingRecorded;
import org.arrival.contracts.actionplans.FundingSummary;
import org.arrival.contracts.actionplans.Inclusion;
import org.arrival.contracts.actionplans.Milestone;
import org.arrival.contracts.actionplans.MilestoneRecorded;
import org.arrival.contracts.actionplans.MilestoneStatus;
import org.arrival.contracts.actionplans.Plan;
import org.arrival.contracts.actionplans.PlanRecorded;
import org.arrival.contracts.actionplans.PlanStatus;
import org.arrival.contracts.actionplans.PlanType;
import org.arrival.contracts.actionplans.ProgressReport;
import org.arrival.contracts.actionplans.ProgressReported;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.actionplans.ReportDue;
import org.arrival.contracts.actionplans.ReportOverdue;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.assessments.AssessmentRound;
import org.arrival.contracts.assessments.ChecklistGapIdentified;
import org.arrival.contracts.assessments.ChecklistScoresPublished;
import org.arrival.contracts.assessments.Count;
import org.arrival.contracts.assessments.Disaggregation;
import org.arrival.contracts.assessments.Input;
import org.arrival.contracts.assessments.InputContributed;
import org.arrival.contracts.assessments.InputKind;
import org.arrival.contracts.assessments.Need;
import org.arrival.contracts.assessments.NeedIdentified;
import org.arrival.contracts.assessments.NeedStatus;
import org.arrival.contracts.assessments.PopulationEstimate;
import org.arrival.contracts.assessments.PopulationEstimateRecorded;
import org.arrival.contracts.assessments.PopulationEstimateRevised;
import org.arrival.contracts.assessments.RecommendationScore;
import org.arrival.contracts.assessments.RoundStatus;
import org.arrival.contracts.assessments.Score;
import org.arrival.contracts.assessments.Severity;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.Forum;
import org.arrival.contracts.registry.ForumEstablished;
import org.arrival.contracts.registry.ForumStatus;
import org.arrival.contracts.registry.ForumType;
import org.arrival.contracts.registry.Membership;
import org.arrival.contracts.registry.MembershipGranted;
import org.arrival.contracts.registry.MembershipStatus;
import org.arrival.contracts.registry.SeatType;
import org.arrival.contracts.registry.Stakeholder;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.contracts.registry.StakeholderType;
import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EventFeed;
import org.arrival.platform.testing.ServiceApiTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the forum view's integration tests: one Spring context on the real embedded PostgreSQL and Kafka
 * broker, real tokens, and a feed that publishes the other services' events, contract-valid. A rebuild's
 * transactions are kept small, so that the rebuild test goes through many of them, ended by either bound. The
 * coherence checks run when a test runs them, never on their schedule, so that nothing changes the flags or the
 * outbox behind a test's back (the bad-input property compares the database before and after each request).
 */
@org.springframework.test.context.TestPropertySource(
        properties = {
            "arrival.forum.rebuild.batch-size=60",
            "arrival.forum.rebuild.max-rows=25",
            "arrival.forum.coherence.initial-delay=PT24H"
        })
@org.springframework.context.annotation.Import(TestClock.Configuration.class)
public abstract class ForumIntegrationTest extends ServiceApiTest {

    protected static final Jurisdiction KAMPALA = new Jurisdiction("UG", "UG-C", "UG102", "Kampala");
    protected static EventFeed feed;

    @BeforeAll
    static void connectFeed() {
        if (feed == null) {
            feed = new EventFeed(EmbeddedKafka.bootstrapServers());
        }
    }

    protected static Actor actor(UUID org) {
        return new Actor("user-" + org, org);
    }

    /** Registers an organisation through the registry's event (the replica and the projection both learn it). */
    protected UUID registered(String name, boolean enforcementBody, boolean hidden) {
        return registered(
                name,
                enforcementBody ? StakeholderType.NATIONAL_GOVERNMENT_BODY : StakeholderType.LOCAL_NGO_CSO,
                enforcementBody,
                hidden);
    }

    protected UUID registered(String name, StakeholderType type, boolean enforcementBody, boolean hidden) {
        UUID id = UUID.randomUUID();
        Stakeholder s = new Stakeholder(
                id,
                1,
                name,
                null,
                type,
                null,
                KAMPALA,
                List.of(),
                List.of(),
                enforcementBody,
                null,
                hidden,
                null,
                StakeholderStatus.ACTIVE);
        feed.publish(new StakeholderRegistered(s, actor(id), null), id, id, id, DataClassification.PUBLIC);
        return id;
    }

    protected UUID forum(UUID convenor) {
        return forum(convenor, KAMPALA);
    }

    protected UUID forum(UUID convenor, Jurisdiction scope) {
        UUID id = UUID.randomUUID();
        Forum f = new Forum(
                id,
                1,
                "Kampala urban refugee forum " + id,
                ForumType.COORDINATION_FORUM,
                scope,
                null,
                convenor,
                convenor,
                null,
                null,
                ForumStatus.ACTIVE);
        feed.publish(new ForumEstablished(f, actor(convenor)), id, id, convenor, DataClassification.PUBLIC);
        return id;
    }

    protected void member(UUID forum, UUID org) {
        UUID id = UUID.randomUUID();
        Membership m = new Membership(
                id, 1, forum, org, SeatType.MEMBER, LocalDate.of(2024, 1, 1), null, MembershipStatus.ACTIVE);
        feed.publish(new MembershipGranted(m, actor(org)), id, forum, org, DataClassification.PUBLIC);
    }

    protected static Action action(
            UUID id,
            long version,
            UUID owner,
            UUID forum,
            String title,
            Sector sector,
            PopulationGroup group,
            List<String> frameworkItems,
            List<UUID> needIds,
            ActionStatus status) {
        return new Action(
                id,
                version,
                owner,
                null,
                title,
                null,
                ActionKind.SERVICE,
                List.of(sector),
                List.of(group),
                List.of(KAMPALA),
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 12, 31),
                ReportingCadence.QUARTERLY,
                List.of(),
                null,
                false,
                List.of(),
                null,
                needIds,
                List.of(),
                frameworkItems,
                List.of(forum),
                status,
                null);
    }

    protected void proposed(Action a, DataClassification classification) {
        feed.publish(
                new ActionProposed(a, actor(a.ownerId())), a.actionId(), a.actionId(), a.ownerId(), classification);
    }

    protected void updated(Action a, DataClassification classification) {
        feed.publish(
                new ActionUpdated(a, actor(a.ownerId()), List.of("status"), null),
                a.actionId(),
                a.actionId(),
                a.ownerId(),
                classification);
    }

    protected void progress(UUID action, UUID owner, LocalDate periodEnd, int percent, Rag rag) {
        ProgressReport r = new ProgressReport(
                UUID.randomUUID(),
                action,
                periodEnd.minusMonths(3).plusDays(1),
                periodEnd,
                ActionStatus.IN_PROGRESS,
                percent,
                rag,
                null,
                List.of());
        feed.publish(new ProgressReported(r, actor(owner)), r.reportId(), action, owner, DataClassification.FORUM);
    }

    protected void milestone(UUID action, UUID owner, String title, LocalDate dueOn) {
        Milestone m = new Milestone(UUID.randomUUID(), 1, action, title, dueOn, null, MilestoneStatus.PLANNED);
        feed.publish(new MilestoneRecorded(m, actor(owner)), m.milestoneId(), action, owner, DataClassification.FORUM);
    }

    protected void funding(UUID action, UUID owner, String required, String committed) {
        FundingLine l = new FundingLine(
                UUID.randomUUID(),
                1,
                action,
                null,
                "City budget",
                "UGX",
                new BigDecimal(required),
                new BigDecimal(committed),
                BigDecimal.ZERO);
        BigDecimal gap = l.required().subtract(l.committed()).max(BigDecimal.ZERO);
        feed.publish(
                new FundingRecorded(
                        l,
                        List.of(new FundingSummary("UGX", l.required(), l.committed(), BigDecimal.ZERO, gap)),
                        actor(owner)),
                l.fundingId(),
                action,
                owner,
                DataClassification.FORUM);
    }

    protected void due(UUID action, UUID owner, LocalDate periodEnd) {
        feed.publish(
                new ReportDue(action, owner, periodEnd.minusMonths(3).plusDays(1), periodEnd, periodEnd.plusDays(15)),
                action,
                action,
                owner,
                DataClassification.FORUM);
    }

    protected void overdue(UUID action, UUID owner, LocalDate periodEnd) {
        feed.publish(
                new ReportOverdue(
                        action, owner, periodEnd.minusMonths(3).plusDays(1), periodEnd, periodEnd.plusDays(15), 10),
                action,
                action,
                owner,
                DataClassification.FORUM);
    }

    protected UUID need(UUID owner, Sector sector, PopulationGroup group) {
        UUID id = UUID.randomUUID();
        Need n = new Need(
                id,
                1,
                owner,
                "Lacking " + sector,
                sector,
                List.of(group),
                KAMPALA,
                Severity.HIGH,
                List.of(),
                List.of(),
                null,
                NeedStatus.VALIDATED,
                null,
                List.of());
        feed.publish(new NeedIdentified(n, actor(owner)), id, id, owner, DataClassification.PUBLIC);
        return id;
    }

    protected UUID scores(UUID convenor, UUID forum, double points, List<String> divergent) {
        UUID id = UUID.randomUUID();
        AssessmentRound r = new AssessmentRound(
                id,
                3,
                "Readiness " + id,
                KAMPALA,
                convenor,
                List.of(convenor),
                "checklist",
                1,
                null,
                List.of(forum),
                RoundStatus.PUBLISHED);
        feed.publish(
                new ChecklistScoresPublished(
                        r,
                        new Score(points, 100, 100, 50, 50),
                        List.of(new RecommendationScore(
                                "R1",
                                new Score(points / 2, 50, 50, 25, 25),
                                List.of(new org.arrival.contracts.assessments.ActionScore(
                                        "1.1", new Score(points / 2, 50, 50, 25, 25))))),
                        divergent,
                        3,
                        actor(convenor)),
                id,
                id,
                convenor,
                DataClassification.FORUM);
        return id;
    }

    protected static Action action(
            UUID id,
            long version,
            UUID owner,
            UUID forum,
            String title,
            Sector sector,
            PopulationGroup group,
            ActionStatus status,
            UUID plan,
            LocalDate start,
            LocalDate end) {
        return action(id, version, owner, forum, title, List.of(sector), group, status, plan, start, end);
    }

    /** An action in Kampala of one or more sectors, shared with the forum. */
    protected static Action action(
            UUID id,
            long version,
            UUID owner,
            UUID forum,
            String title,
            List<Sector> sectors,
            PopulationGroup group,
            ActionStatus status,
            @Nullable UUID plan,
            LocalDate start,
            LocalDate end) {
        return new Action(
                id,
                version,
                owner,
                plan,
                title,
                null,
                ActionKind.SERVICE,
                sectors,
                List.of(group),
                List.of(KAMPALA),
                start,
                end,
                ReportingCadence.QUARTERLY,
                List.of(),
                null,
                false,
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(forum),
                status,
                null);
    }

    protected UUID plan(
            UUID owner, String title, List<UUID> forums, PlanStatus status, DataClassification classification) {
        UUID id = UUID.randomUUID();
        Plan p = new Plan(
                id,
                1,
                owner,
                title,
                PlanType.MUNICIPAL_ACTION_PLAN,
                KAMPALA,
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2027, 12, 31),
                List.of("Every newcomer housed within a month"),
                null,
                new Inclusion(true, false, true),
                forums,
                status);
        feed.publish(new PlanRecorded(p, actor(owner)), id, id, owner, classification);
        return id;
    }

    protected static PopulationEstimate estimate(
            UUID id,
            long version,
            UUID owner,
            Jurisdiction area,
            Count registered,
            Count estimated,
            List<UUID> forums) {
        return new PopulationEstimate(
                id,
                version,
                owner,
                "refugees-" + area.areaCode(),
                area,
                PopulationGroup.REFUGEES,
                registered,
                estimated,
                List.of(
                        new Disaggregation("SEX", "FEMALE", registered),
                        new Disaggregation("DISABILITY", "WITH_DISABILITY", Count.hidden())),
                "Municipal register",
                null,
                LocalDate.of(2025, 6, 30),
                forums);
    }

    protected void recorded(PopulationEstimate e, DataClassification classification) {
        feed.publish(
                new PopulationEstimateRecorded(e, actor(e.ownerId())),
                e.estimateId(),
                e.estimateId(),
                e.ownerId(),
                classification);
    }

    protected void revised(PopulationEstimate e, DataClassification classification) {
        feed.publish(
                new PopulationEstimateRevised(e, actor(e.ownerId()), List.of("registered")),
                e.estimateId(),
                e.estimateId(),
                e.ownerId(),
                classification);
    }

    /** An input about a need (or round), keyed by its subject as the assessments service publishes it. */
    protected UUID input(
            UUID contributor, String subjectType, UUID subject, List<UUID> forums, DataClassification classification) {
        UUID id = UUID.randomUUID();
        Input i = new Input(
                id,
                contributor,
                InputKind.FIELD_OBSERVATION,
                subjectType,
                subject,
                "Families wait weeks for a shelter place",
                "Outreach visits, June",
                LocalDate.of(2025, 6, 15),
                Count.of(12),
                forums);
        feed.publish(new InputContributed(i, actor(contributor)), id, subject, contributor, classification);
        return id;
    }

    protected UUID gap(UUID round, UUID convenor, String question, String checklistAction) {
        UUID id = UUID.randomUUID();
        feed.publish(
                new ChecklistGapIdentified(
                        id, round, KAMPALA, convenor, "R1", checklistAction, question, "N", 0.0, false),
                id,
                id,
                convenor,
                DataClassification.PUBLIC);
        return id;
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.arrival.forum.projection.Generations activeView;

    /** Rows of the active generation of a view table that meet the condition. */
    protected long projected(String table, String where) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM " + table + " WHERE generation = ? AND " + where,
                Long.class,
                activeView.active());
    }

    /** Whether the service's replica of the registry knows the organisation to sit in the forum. */
    protected boolean seated(UUID forum, UUID org) {
        return jdbc.queryForObject(
                        "SELECT count(*) FROM forum_membership WHERE forum_id = ? AND stakeholder_id = ?",
                        Long.class,
                        forum,
                        org)
                > 0;
    }

    /** Whether the service's replica of the registry knows the organisation. */
    protected boolean known(UUID org) {
        return jdbc.queryForObject("SELECT count(*) FROM organisation WHERE id = ?", Long.class, org) > 0;
    }
}
