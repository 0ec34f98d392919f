package org.arrival.actionplans.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.arrival.actionplans.freshness.application.FreshnessCheck;
import org.arrival.actionplans.progress.ActionRecordsTestSupport;
import org.arrival.platform.testing.MovableClock;
import org.arrival.platform.testing.RecordedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.support.CronExpression;
import tools.jackson.databind.JsonNode;

/**
 * What is late is late from the first minute, on a clock the test sets: a start with a period already past its
 * due date is overdue in the same commit (standing, the overdue filter and the ReportOverdue event), a report falling
 * due at midnight is overdue in the standing from 00:00 and announced by the check the schedule runs at 00:00:05 UTC,
 * and a milestone is late from the day after its due date, in its own view and in the action's standing, and shown
 * once it is recorded missed.
 */
@Import(LatenessTest.SetClock.class)
class LatenessTest extends ActionRecordsTestSupport {

    @TestConfiguration
    static class SetClock {
        @Bean
        MovableClock clock() {
            return new MovableClock(Instant.parse("2026-05-10T08:00:00Z"));
        }
    }

    @Autowired
    private MovableClock clock;

    @Autowired
    private FreshnessCheck check;

    @Value("${arrival.action-plans.reporting.check-cron}")
    private String cronInTests;

    private UUID forum;
    private UUID city;

    @BeforeEach
    void seed() {
        clock.set("2026-05-10T08:00:00Z");
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        seat(forum, city);
    }

    @Test
    void startingAnActionWhosePeriodIsPastItsDueDateMakesItOverdueInTheSameCommit() throws Exception {
        UUID action = action(
                city,
                "COMMITTED",
                "QUARTERLY",
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                "FORUM",
                List.of(forum));
        JsonNode before = standing(action);
        assertThat(before.path("overdue").asBoolean())
                .as("the standing is derived when read")
                .isTrue();

        perform(postJson("/actions/" + action + "/status", "{\"status\":\"IN_PROGRESS\"}"), editor(city))
                .andExpect(status().isOk());

        // no scheduled check ran: the start itself announced the report due on 15 April, 25 days ago
        assertThat(jdbc.queryForList(
                        "SELECT kind FROM report_reminder WHERE action_id = ? AND period_end = '2026-03-31' "
                                + "ORDER BY kind",
                        String.class,
                        action))
                .containsExactly("DUE", "OVERDUE");
        assertThat(listed("/actions?owner=" + city + "&overdue=true&size=100")).contains(action.toString());
        assertThat(listed("/actions?owner=" + city + "&overdue=false&size=100")).doesNotContain(action.toString());
        JsonNode overdue = json(reminder("ReportOverdue", action, "2026-03-31"));
        assertThat(overdue.path("daysOverdue").asInt()).isEqualTo(25);
        assertThat(overdue.path("dueOn").asString()).isEqualTo("2026-04-15");
        JsonNode s = standing(action);
        assertThat(s.path("overdue").asBoolean()).isTrue();
        assertThat(s.path("daysOverdue").asLong()).isEqualTo(25);

        // on hold, nothing is chased: the overdue filter agrees with the standing
        perform(postJson("/actions/" + action + "/status", "{\"status\":\"ON_HOLD\"}"), editor(city))
                .andExpect(status().isOk());
        assertThat(standing(action).path("overdue").asBoolean()).isFalse();
        assertThat(listed("/actions?owner=" + city + "&overdue=true&size=100")).doesNotContain(action.toString());
    }

    @Test
    void aReportFallingDueAtMidnightIsOverdueFromTheFirstMinuteOfTheNextDay() throws Exception {
        UUID action = action(
                city,
                "IN_PROGRESS",
                "QUARTERLY",
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                "FORUM",
                List.of(forum));
        clock.set("2026-04-01T09:00:00Z");
        perform(postJson("/actions/" + action + "/reports", """
                {"periodStart":"2026-01-01","periodEnd":"2026-03-31","percentComplete":20,"rag":"GREEN"}"""), editor(city)).andExpect(status().isCreated());

        // April to June is due on 15 July
        clock.set("2026-07-15T23:59:50Z");
        check.check(LocalDate.of(2026, 7, 15), List.of(action));
        JsonNode due = standing(action);
        assertThat(due.path("nextDue").path("dueOn").asString()).isEqualTo("2026-07-15");
        assertThat(due.path("overdue").asBoolean()).isFalse();
        assertThat(listed("/actions?owner=" + city + "&overdue=true&size=100")).doesNotContain(action.toString());

        clock.set("2026-07-16T00:00:01Z");
        JsonNode late = standing(action);
        assertThat(late.path("overdue").asBoolean())
                .as("the standing is derived from the clock")
                .isTrue();
        assertThat(late.path("daysOverdue").asLong()).isEqualTo(1);

        // the check the schedule runs in the day's first seconds announces it and puts it in the overdue filter
        Instant fires = CronExpression.parse(shippedCron())
                .next(ZonedDateTime.parse("2026-07-15T23:59:59Z"))
                .toInstant();
        assertThat(fires).isEqualTo(Instant.parse("2026-07-16T00:00:05Z"));
        clock.set(fires.toString());
        check.check(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), List.of(action));
        assertThat(json(reminder("ReportOverdue", action, "2026-06-30"))
                        .path("daysOverdue")
                        .asInt())
                .isEqualTo(1);
        assertThat(listed("/actions?owner=" + city + "&overdue=true&size=100")).contains(action.toString());
    }

    @Test
    void aMilestoneIsLateFromTheDayAfterItsDueDateAndAMissedOneIsShown() throws Exception {
        UUID action = action(
                city,
                "IN_PROGRESS",
                "ANNUAL",
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31),
                "FORUM",
                List.of(forum));
        String path = "/actions/" + action + "/milestones";
        UUID desks =
                id(perform(postJson(path, "{\"title\":\"Referral desks open\",\"dueOn\":\"2026-07-15\"}"), editor(city))
                        .andExpect(status().isCreated()));
        UUID waiver =
                id(perform(postJson(path, "{\"title\":\"Fee waiver agreed\",\"dueOn\":\"2026-06-30\"}"), editor(city))
                        .andExpect(status().isCreated()));
        perform(postJson(path + "/" + waiver + "/miss", ""), editor(city)).andExpect(status().isOk());
        UUID later =
                id(perform(postJson(path, "{\"title\":\"Second desk open\",\"dueOn\":\"2026-10-01\"}"), editor(city))
                        .andExpect(status().isCreated()));

        clock.set("2026-07-15T23:59:00Z");
        JsonNode onTime = json(perform(getJson(path + "/" + desks), readOnly(city)));
        assertThat(onTime.path("late").asBoolean()).isFalse();
        assertThat(onTime.has("daysLate")).isFalse();
        JsonNode s = standing(action);
        assertThat(s.path("lateMilestones")).isEmpty();
        assertThat(s.path("nextMilestone").path("id").asString()).isEqualTo(desks.toString());
        assertThat(s.path("missedMilestones"))
                .singleElement()
                .satisfies(m -> assertThat(m.path("id").asString()).isEqualTo(waiver.toString()));

        clock.set("2026-07-16T00:00:01Z");
        JsonNode late = json(perform(getJson(path + "/" + desks), readOnly(city)));
        assertThat(late.path("late").asBoolean()).isTrue();
        assertThat(late.path("daysLate").asLong()).isEqualTo(1);
        JsonNode listedLate =
                json(perform(getJson(path + "?status=PLANNED"), readOnly(city))).path("items");
        assertThat(listedLate).extracting(m -> m.path("late").asBoolean()).containsExactly(true, false);
        JsonNode after = standing(action);
        assertThat(after.path("lateMilestones")).singleElement().satisfies(m -> {
            assertThat(m.path("id").asString()).isEqualTo(desks.toString());
            assertThat(m.path("daysLate").asLong()).isEqualTo(1);
        });
        assertThat(after.path("nextMilestone").path("id").asString()).isEqualTo(later.toString());

        // reached late: no longer late; once the action is completed nothing of it is late or missed
        perform(postJson(path + "/" + desks + "/reach", "{\"reachedOn\":\"2026-07-16\"}"), editor(city))
                .andExpect(status().isOk());
        assertThat(standing(action).path("lateMilestones")).isEmpty();
        jdbc.update("UPDATE action SET status = 'COMPLETED' WHERE id = ?", action);
        JsonNode ended = standing(action);
        assertThat(ended.path("missedMilestones")).isEmpty();
        assertThat(ended.has("nextMilestone")).isFalse();
    }

    @Test
    void testsRunWithoutTheScheduleWhileTheServiceShipsOneThatFiresAsEachDayBegins() {
        assertThat(cronInTests).isEqualTo("-");
        assertThat(CronExpression.parse(shippedCron()).next(ZonedDateTime.parse("2026-12-31T23:30:00Z")))
                .isEqualTo(ZonedDateTime.parse("2027-01-01T00:00:05Z"));
    }

    /** The schedule the service ships with (the tests switch it off). */
    private static String shippedCron() {
        try (var in = LatenessTest.class.getResourceAsStream("/application.yml")) {
            String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("check-cron: \"([^\"]+)\"").matcher(yaml);
            assertThat(m.find()).as("check-cron in application.yml").isTrue();
            return m.group(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode standing(UUID action) throws Exception {
        return json(perform(getJson("/actions/" + action + "/reporting"), readOnly(city))
                .andExpect(status().isOk()));
    }

    private List<String> listed(String path) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode i : json(perform(getJson(path), readOnly(city)).andExpect(status().isOk()))
                .path("items")
                .values()) {
            ids.add(i.path("id").asString());
        }
        return ids;
    }

    private static RecordedEvent reminder(String type, UUID action, String periodEnd) {
        String full = PREFIX + type + ".v1";
        Predicate<RecordedEvent> match = e -> full.equals(e.type())
                && action.toString().equals(e.subject())
                && periodEnd.equals(json(e).path("periodEnd").asString());
        events.await(match, 1, java.time.Duration.ofSeconds(20));
        return events.events(match).get(0);
    }
}
