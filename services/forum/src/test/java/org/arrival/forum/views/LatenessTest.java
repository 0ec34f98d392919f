package org.arrival.forum.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.Milestone;
import org.arrival.contracts.actionplans.MilestoneRecorded;
import org.arrival.contracts.actionplans.MilestoneStatus;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagStatus;
import org.arrival.forum.ForumIntegrationTest;
import org.arrival.forum.TestClock;
import org.arrival.forum.coherence.CoherenceChecker;
import org.arrival.forum.coherence.CoherenceFlagRow;
import org.arrival.forum.projection.Generations;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What is late in the forum's view is read from the due dates and the clock, not waited for: a report due on 15 April
 * is overdue in the tracker (and its "only overdue" listing's data) and flagged from the first minute of 16 April,
 * with no ReportOverdue event; a planned milestone is late from the day after its due date; a missed milestone is
 * shown in the tracker and flagged; nothing of an action that has ended is late.
 */
class LatenessTest extends ForumIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestClock clock;

    @Autowired
    CoherenceChecker checker;

    @Autowired
    Generations generations;

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    @Test
    void aReportAndAMilestonePastTheirDueDateAreLateFromTheFirstMinuteOfTheNextDayAndAMissedOneIsShown()
            throws Exception {
        UUID city = registered("City", false, false);
        UUID forum = forum(city);
        member(forum, city);
        UUID action = UUID.randomUUID();
        proposed(
                action(
                        action,
                        1,
                        city,
                        forum,
                        "Referral desks",
                        Sector.PROTECTION_RIGHTS,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.IN_PROGRESS),
                DataClassification.FORUM);
        due(action, city, LocalDate.of(2025, 3, 31));
        milestone(action, city, "Desks open", LocalDate.of(2025, 4, 15));
        UUID waiver = milestone(action, city, "Fee waiver agreed", "2025-02-28", MilestoneStatus.MISSED);
        await().atMost(WAIT)
                .until(() -> projected("id = '" + action + "' AND data->'reportDue' IS NOT NULL "
                                + "AND (SELECT count(*) FROM jsonb_object_keys(data->'milestones')) = 2")
                        && seated(forum, city));

        clock.set("2025-04-15T23:59:00Z");
        JsonNode before = trackerItem(forum, city);
        assertThat(before.path("overdue").asBoolean()).isFalse();
        assertThat(before.path("daysOverdue").isNull()).isTrue();
        assertThat(before.path("reportDueOn").asString()).isEqualTo("2025-04-15");
        assertThat(before.path("nextMilestone").path("late").asBoolean()).isFalse();
        assertThat(before.path("lateMilestones")).isEmpty();
        assertThat(before.path("missedMilestones")).singleElement().satisfies(m -> {
            assertThat(m.path("milestoneId").asString()).isEqualTo(waiver.toString());
            assertThat(m.path("title").asString()).isEqualTo("Fee waiver agreed");
        });
        checker.check(forum);
        assertThat(flags(forum, CoherenceCheckCode.REPORTING_OVERDUE)).isEmpty();
        assertThat(flags(forum, CoherenceCheckCode.MILESTONE_LATE))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.recordIds()).containsExactly(action);
                    assertThat(f.summary())
                            .contains("Missed: 'Fee waiver agreed' (due 2025-02-28)")
                            .doesNotContain("Desks");
                });

        // a minute past midnight, and no event since
        clock.set("2025-04-16T00:01:00Z");
        JsonNode after = trackerItem(forum, city);
        assertThat(after.path("overdue").asBoolean()).isTrue();
        assertThat(after.path("daysOverdue").asInt()).isEqualTo(1);
        assertThat(after.path("nextMilestone").path("title").asString()).isEqualTo("Desks open");
        assertThat(after.path("nextMilestone").path("late").asBoolean()).isTrue();
        assertThat(after.path("nextMilestone").path("daysLate").asLong()).isEqualTo(1);
        assertThat(after.path("lateMilestones"))
                .singleElement()
                .satisfies(m -> assertThat(m.path("title").asString()).isEqualTo("Desks open"));
        checker.check(forum);
        assertThat(flags(forum, CoherenceCheckCode.REPORTING_OVERDUE))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.status()).isEqualTo(FlagStatus.OPEN);
                    assertThat(f.summary()).contains("2025-03-31", "2025-04-15");
                });
        assertThat(flags(forum, CoherenceCheckCode.MILESTONE_LATE))
                .singleElement()
                .satisfies(f -> assertThat(f.summary())
                        .contains("'Desks open' (due 2025-04-15)", "'Fee waiver agreed' (due 2025-02-28)"));

        // a week later the tracker counts the days; the flag says the same (it does not change every day)
        clock.set("2025-04-23T09:00:00Z");
        assertThat(trackerItem(forum, city).path("daysOverdue").asInt()).isEqualTo(8);
        String summary =
                flags(forum, CoherenceCheckCode.REPORTING_OVERDUE).get(0).summary();
        long version = flags(forum, CoherenceCheckCode.REPORTING_OVERDUE).get(0).version();
        checker.check(forum);
        assertThat(flags(forum, CoherenceCheckCode.REPORTING_OVERDUE).get(0).summary())
                .isEqualTo(summary);
        assertThat(flags(forum, CoherenceCheckCode.REPORTING_OVERDUE).get(0).version())
                .isEqualTo(version);

        // the report arrives: nothing is overdue any more; once the action is completed nothing of it is late
        progress(action, city, LocalDate.of(2025, 3, 31), 30, Rag.AMBER);
        await().atMost(WAIT).until(() -> projected("id = '" + action + "' AND data->'reportDue' IS NULL"));
        assertThat(trackerItem(forum, city).path("overdue").asBoolean()).isFalse();
        updated(
                action(
                        action,
                        2,
                        city,
                        forum,
                        "Referral desks",
                        Sector.PROTECTION_RIGHTS,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.COMPLETED),
                DataClassification.FORUM);
        await().atMost(WAIT).until(() -> projected("id = '" + action + "' AND data->>'status' = 'COMPLETED'"));
        JsonNode ended = trackerItem(forum, city);
        assertThat(ended.path("lateMilestones")).isEmpty();
        assertThat(ended.path("missedMilestones")).isEmpty();
        checker.check(forum);
        assertThat(flags(forum, CoherenceCheckCode.REPORTING_OVERDUE))
                .singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FlagStatus.RESOLVED));
        assertThat(flags(forum, CoherenceCheckCode.MILESTONE_LATE))
                .singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FlagStatus.RESOLVED));
    }

    @Test
    void anActionNotUnderWayIsNotOverdue() throws Exception {
        UUID city = registered("City", false, false);
        UUID forum = forum(city);
        member(forum, city);
        UUID action = UUID.randomUUID();
        proposed(
                action(
                        action,
                        1,
                        city,
                        forum,
                        "Paused desks",
                        Sector.PROTECTION_RIGHTS,
                        PopulationGroup.REFUGEES,
                        List.of(),
                        List.of(),
                        ActionStatus.ON_HOLD),
                DataClassification.FORUM);
        overdue(action, city, LocalDate.of(2025, 3, 31));
        await().atMost(WAIT)
                .until(() ->
                        projected("id = '" + action + "' AND data->'reportDue' IS NOT NULL") && seated(forum, city));
        clock.set("2025-05-01T08:00:00Z");
        assertThat(trackerItem(forum, city).path("overdue").asBoolean()).isFalse();
        checker.check(forum);
        assertThat(flags(forum, CoherenceCheckCode.REPORTING_OVERDUE)).isEmpty();
    }

    private JsonNode trackerItem(UUID forum, UUID org) throws Exception {
        TestTokenIssuer.Token token = user("user-" + org, org, "member");
        String body = perform(getJson("/forums/" + forum + "/tracker"), token)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode items = EventJson.mapper().readTree(body).path("items");
        assertThat(items.size()).isEqualTo(1);
        return items.get(0);
    }

    private UUID milestone(UUID action, UUID owner, String title, String dueOn, MilestoneStatus status) {
        Milestone m = new Milestone(UUID.randomUUID(), 1, action, title, LocalDate.parse(dueOn), null, status);
        feed.publish(new MilestoneRecorded(m, actor(owner)), m.milestoneId(), action, owner, DataClassification.FORUM);
        return m.milestoneId();
    }

    private List<CoherenceFlagRow> flags(UUID forum, CoherenceCheckCode code) {
        return checker.flags(forum, null, code);
    }

    private boolean projected(String where) {
        return jdbc.queryForObject(
                        "SELECT count(*) FROM fv_action WHERE generation = ? AND " + where,
                        Long.class,
                        generations.active())
                == 1;
    }
}
