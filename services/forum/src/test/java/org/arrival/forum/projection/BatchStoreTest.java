package org.arrival.forum.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.EventTypeDefinition;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ActionUpdated;
import org.arrival.contracts.actionplans.FundingLine;
import org.arrival.contracts.actionplans.FundingRecorded;
import org.arrival.contracts.actionplans.FundingSummary;
import org.arrival.contracts.actionplans.Milestone;
import org.arrival.contracts.actionplans.MilestoneRecorded;
import org.arrival.contracts.actionplans.MilestoneStatus;
import org.arrival.contracts.actionplans.ProgressReport;
import org.arrival.contracts.actionplans.ProgressReported;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.actionplans.ReportOverdue;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.Membership;
import org.arrival.contracts.registry.MembershipGranted;
import org.arrival.contracts.registry.MembershipStatus;
import org.arrival.contracts.registry.SeatType;
import org.arrival.forum.ForumIntegrationTest;
import org.arrival.forum.projection.domain.ProjectedEvent;
import org.arrival.forum.projection.domain.Projector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The rebuild applies a poll of events through a {@link BatchStore} (rows read once, written once); the live
 * listener applies them one by one through the tables. Both must leave the same rows, whatever the batch holds:
 * many events of one action, rows that exist before the batch, rows not keyed by their event, stale versions.
 */
class BatchStoreTest extends ForumIntegrationTest {

    @Autowired
    Generations generations;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<Integer> created = new ArrayList<>();
    private long offset;

    @AfterEach
    void dropGenerations() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> created.forEach(generations::fail));
    }

    @Test
    void aBatchLeavesTheSameRowsAsEventsAppliedOneByOne() {
        UUID city = UUID.randomUUID();
        UUID forum = UUID.randomUUID();
        UUID shelter = UUID.randomUUID();
        UUID clinic = UUID.randomUUID();
        List<ProjectedEvent> first = List.of(
                event(
                        new ActionProposed(action(shelter, 1, city, forum, ActionStatus.PROPOSED), actor(city)),
                        shelter,
                        shelter),
                // a report before its action's first version arrived in this batch: a placeholder row, filled later
                reportEvent(clinic, city, LocalDate.of(2025, 3, 31), 10),
                event(
                        new ActionProposed(action(clinic, 1, city, forum, ActionStatus.PROPOSED), actor(city)),
                        clinic,
                        clinic),
                milestoneEvent(shelter, city),
                reportEvent(shelter, city, LocalDate.of(2025, 6, 30), 40),
                reportEvent(shelter, city, LocalDate.of(2025, 3, 31), 20), // older period: not the latest report
                fundingEvent(shelter, city, "1000", "400"),
                fundingEvent(shelter, city, "500", "500"),
                event(
                        new ReportOverdue(
                                shelter,
                                city,
                                LocalDate.of(2025, 7, 1),
                                LocalDate.of(2025, 9, 30),
                                LocalDate.of(2025, 10, 15),
                                12),
                        shelter,
                        shelter),
                membershipEvent(forum, city));
        List<ProjectedEvent> second = List.of(
                event(
                        new ActionUpdated(
                                action(shelter, 2, city, forum, ActionStatus.COMMITTED),
                                actor(city),
                                List.of("status"),
                                null),
                        shelter,
                        shelter),
                event(
                        new ActionUpdated(
                                action(shelter, 1, city, forum, ActionStatus.CANCELLED),
                                actor(city),
                                List.of("status"),
                                null),
                        shelter,
                        shelter), // stale version: ignored
                reportEvent(shelter, city, LocalDate.of(2025, 9, 30), 60), // clears the overdue period
                milestoneEvent(clinic, city));

        int oneByOne = generation();
        int batched = generation();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (List<ProjectedEvent> poll : List.of(first, second)) {
            tx.executeWithoutResult(s -> {
                JdbcStore store = new JdbcStore(jdbc, oneByOne);
                poll.forEach(e -> Projector.apply(store, e));
            });
            tx.executeWithoutResult(s -> {
                BatchStore store = new BatchStore(new JdbcStore(jdbc, batched));
                store.preload(poll);
                poll.forEach(e -> Projector.apply(store, e));
                store.flush();
            });
        }

        for (String table : Generations.TABLES) {
            assertThat(rows(table, batched, city)).as(table).isEqualTo(rows(table, oneByOne, city));
        }
        assertThat(rows("fv_action", batched, city)).hasSize(2);
        assertThat(rows("fv_membership", batched, city)).hasSize(1);
        JsonNode shelterRow = EventJson.mapper()
                .readTree(jdbc.queryForObject(
                        "SELECT data::text FROM fv_action WHERE generation = ? AND id = ?",
                        String.class,
                        batched,
                        shelter));
        assertThat(shelterRow.path("status").asString()).isEqualTo("COMMITTED");
        assertThat(shelterRow.path("version").asLong()).isEqualTo(2);
        assertThat(shelterRow.path("latestReport").path("percentComplete").asInt())
                .isEqualTo(60);
        assertThat(shelterRow.path("overdue").isMissingNode()
                        || shelterRow.path("overdue").isNull())
                .isTrue();
        assertThat(shelterRow.path("reportDue").isMissingNode()
                        || shelterRow.path("reportDue").isNull())
                .isTrue();
        assertThat(shelterRow.path("funding").get(0).path("gap").asInt()).isEqualTo(600);
    }

    @Test
    void listingsInTheMiddleOfABatchSeeItsChanges() {
        UUID city = UUID.randomUUID();
        UUID forum = UUID.randomUUID();
        UUID shelter = UUID.randomUUID();
        int generation = generation();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            BatchStore store = new BatchStore(new JdbcStore(jdbc, generation));
            List<ProjectedEvent> poll = List.of(event(
                    new ActionProposed(action(shelter, 1, city, forum, ActionStatus.PROPOSED), actor(city)),
                    shelter,
                    shelter));
            store.preload(poll);
            poll.forEach(e -> Projector.apply(store, e));
            assertThat(store.actionsSharedWith(forum)).extracting(a -> a.id).containsExactly(shelter);
        });
    }

    private int generation() {
        Integer g = new TransactionTemplate(transactions).execute(s -> generations.startBuilding());
        created.add(g);
        return g;
    }

    /** The generation's rows that mention the organisation (events of other tests may reach it too). */
    private List<Map<String, Object>> rows(String table, int generation, UUID organisation) {
        String cols = table.equals("fv_action")
                ? "id, version, owner_id, shared_with::text AS shared_with, data::text AS data"
                : table.equals("fv_membership")
                        ? "id, version, forum_id, data::text AS data"
                        : "id, version, data::text AS data";
        return jdbc.queryForList(
                "SELECT " + cols + " FROM " + table + " WHERE generation = ? AND strpos(data::text, ?) > 0 "
                        + "ORDER BY id",
                generation,
                organisation.toString());
    }

    private ProjectedEvent event(Object payload, UUID subject, UUID key) {
        EventTypeDefinition type = EventCatalogue.instance().typeOf(payload.getClass());
        return new ProjectedEvent(
                UUID.randomUUID().toString(),
                type.type(),
                subject.toString(),
                key.toString(),
                UUID.randomUUID(),
                DataClassification.FORUM,
                Instant.parse("2025-10-01T08:00:00Z").plusSeconds(offset),
                type.topic(),
                0,
                offset++,
                EventJson.write(payload));
    }

    private static Action action(UUID id, long version, UUID owner, UUID forum, ActionStatus status) {
        return action(
                id,
                version,
                owner,
                forum,
                "Shelter " + id,
                Sector.HOUSING,
                PopulationGroup.REFUGEES,
                List.of("SDG-11.1"),
                List.of(),
                status);
    }

    private ProjectedEvent reportEvent(UUID action, UUID owner, LocalDate periodEnd, int percent) {
        ProgressReport r = new ProgressReport(
                UUID.randomUUID(),
                action,
                periodEnd.minusMonths(3).plusDays(1),
                periodEnd,
                ActionStatus.IN_PROGRESS,
                percent,
                Rag.GREEN,
                null,
                List.of());
        return event(new ProgressReported(r, actor(owner)), r.reportId(), action);
    }

    private ProjectedEvent milestoneEvent(UUID action, UUID owner) {
        Milestone m = new Milestone(
                UUID.randomUUID(), 1, action, "Site chosen", LocalDate.of(2026, 3, 1), null, MilestoneStatus.PLANNED);
        return event(new MilestoneRecorded(m, actor(owner)), m.milestoneId(), action);
    }

    private ProjectedEvent fundingEvent(UUID action, UUID owner, String required, String committed) {
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
        return event(
                new FundingRecorded(
                        l,
                        List.of(new FundingSummary(
                                "UGX",
                                l.required(),
                                l.committed(),
                                BigDecimal.ZERO,
                                l.required().subtract(l.committed()))),
                        actor(owner)),
                l.fundingId(),
                action);
    }

    private ProjectedEvent membershipEvent(UUID forum, UUID org) {
        Membership m = new Membership(
                UUID.randomUUID(),
                1,
                forum,
                org,
                SeatType.MEMBER,
                LocalDate.of(2024, 1, 1),
                null,
                MembershipStatus.ACTIVE);
        return event(new MembershipGranted(m, actor(org)), m.membershipId(), forum);
    }
}
