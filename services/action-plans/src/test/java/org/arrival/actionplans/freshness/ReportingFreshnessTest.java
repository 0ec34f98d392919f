package org.arrival.actionplans.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.arrival.actionplans.freshness.application.FreshnessCheck;
import org.arrival.actionplans.freshness.application.FreshnessCheck.Result;
import org.arrival.actionplans.progress.ActionRecordsTestSupport;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.RecordedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The reporting freshness check run at chosen dates: a report is announced due once its period ends, overdue
 * once its due date (period end + 15 days) has passed, each once per period; nothing once a report covers the
 * period; nothing for actions on hold. Only the test's own actions are checked, so other tests' actions are left
 * alone.
 */
class ReportingFreshnessTest extends ActionRecordsTestSupport {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate END = LocalDate.of(2024, 12, 31);

    @Autowired
    private FreshnessCheck check;

    private UUID forum;
    private UUID city;
    private UUID ngo;

    @BeforeEach
    void seed() {
        forum = UUID.randomUUID();
        city = organisation("Kampala Capital City Authority", "LOCAL_GOVERNMENT", false, false);
        ngo = organisation("Refugee Law Project", "NGO", false, false);
        seat(forum, city);
        seat(forum, ngo);
    }

    private Result run(String date, UUID... actions) {
        return check.check(LocalDate.parse(date), List.of(actions));
    }

    private static List<RecordedEvent> reminders(String type, UUID action, String periodEnd, int expected) {
        String full = PREFIX + type + ".v1";
        Predicate<RecordedEvent> match = e -> full.equals(e.type())
                && action.toString().equals(e.subject())
                && periodEnd.equals(json(e).path("periodEnd").asString());
        events.await(match, expected, Duration.ofSeconds(20));
        sleep(300);
        List<RecordedEvent> all = events.events(match);
        assertThat(all)
                .as(full + " for " + action + " period ending " + periodEnd)
                .hasSize(expected);
        all.forEach(EventRecorder::assertValidCloudEvent);
        return all;
    }

    @Test
    void aMissingReportIsDueOnceThenOverdueOnceAndNothingAfterItArrives() throws Exception {
        UUID action = action(city, "IN_PROGRESS", "QUARTERLY", START, END, "FORUM", List.of(forum));

        assertThat(run("2024-03-30", action).sent()).isEmpty();
        Result due = run("2024-03-31", action);
        assertThat(due.sent()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("DUE");
            assertThat(r.period().dueOn()).isEqualTo(LocalDate.of(2024, 4, 15));
        });
        assertThat(run("2024-04-01", action).sent()).isEmpty();
        assertThat(run("2024-04-15", action).sent()).isEmpty();
        Result overdue = run("2024-04-16", action);
        assertThat(overdue.sent()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("OVERDUE");
            assertThat(r.daysOverdue()).isEqualTo(1);
        });
        assertThat(run("2024-04-30", action).sent()).isEmpty();

        RecordedEvent dueEvent = reminders("ReportDue", action, "2024-03-31", 1).get(0);
        assertThat(dueEvent.key()).isEqualTo(action.toString());
        JsonNode d = json(dueEvent);
        assertThat(d.path("periodStart").asString()).isEqualTo("2024-01-01");
        assertThat(d.path("dueOn").asString()).isEqualTo("2024-04-15");
        assertThat(d.path("ownerId").asString()).isEqualTo(city.toString());
        JsonNode o = json(reminders("ReportOverdue", action, "2024-03-31", 1).get(0));
        assertThat(o.path("daysOverdue").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM report_reminder WHERE action_id = ? AND period_end = '2024-03-31'",
                        Long.class,
                        action))
                .isEqualTo(2);

        JsonNode standing = json(perform(getJson("/actions/" + action + "/reporting?asOf=2024-04-30"), readOnly(ngo))
                .andExpect(status().isOk()));
        assertThat(standing.path("nextDue").path("periodEnd").asString()).isEqualTo("2024-03-31");
        assertThat(standing.path("nextDue").path("dueOn").asString()).isEqualTo("2024-04-15");
        assertThat(standing.path("overdue").asBoolean()).isTrue();
        assertThat(standing.path("daysOverdue").asLong()).isEqualTo(15);
        assertThat(standing.has("lastReport")).isFalse();

        perform(postJson("/actions/" + action + "/reports", """
                {"periodStart":"2024-01-01","periodEnd":"2024-03-31","percentComplete":25,"rag":"AMBER"}"""), editor(city)).andExpect(status().isCreated());
        assertThat(run("2024-05-01", action).sent()).isEmpty();
        JsonNode after = json(perform(getJson("/actions/" + action + "/reporting?asOf=2024-05-01"), readOnly(city)));
        assertThat(after.path("lastReport").path("periodEnd").asString()).isEqualTo("2024-03-31");
        assertThat(after.path("nextDue").path("periodEnd").asString()).isEqualTo("2024-06-30");
        assertThat(after.path("nextDue").path("dueOn").asString()).isEqualTo("2024-07-15");
        assertThat(after.path("overdue").asBoolean()).isFalse();
        assertThat(after.path("daysOverdue").asLong()).isZero();

        Result late = run("2024-07-20", action);
        assertThat(late.sent()).extracting(FreshnessCheck.Reminder::kind).containsExactly("DUE", "OVERDUE");
        assertThat(json(reminders("ReportOverdue", action, "2024-06-30", 1).get(0))
                        .path("daysOverdue")
                        .asInt())
                .isEqualTo(5);
        reminders("ReportDue", action, "2024-06-30", 1);
        reminders("ReportDue", action, "2024-03-31", 1);
        reminders("ReportOverdue", action, "2024-03-31", 1);
        assertThat(actionVersion(action)).isEqualTo(3);
    }

    @Test
    void aReportForALongerPeriodCoversTheReportingPeriodsLastDay() throws Exception {
        UUID action = action(city, "COMMITTED", "MONTHLY", START, END, "FORUM", List.of(forum));
        perform(postJson("/actions/" + action + "/reports", """
                {"periodStart":"2024-01-01","periodEnd":"2024-02-29","percentComplete":10,"rag":"GREEN"}"""), editor(city)).andExpect(status().isCreated());
        assertThat(run("2024-03-10", action).sent()).isEmpty();
        assertThat(run("2024-03-31", action).sent())
                .extracting(r -> r.period().end())
                .containsExactly(LocalDate.of(2024, 3, 31));
    }

    @Test
    void actionsNotUnderWayAreNotChased() {
        UUID onHold = action(city, "ON_HOLD", "QUARTERLY", START, END, "FORUM", List.of(forum));
        UUID completed = action(city, "COMPLETED", "QUARTERLY", START, END, "FORUM", List.of(forum));
        UUID proposed = action(city, "PROPOSED", "QUARTERLY", START, END, "FORUM", List.of(forum));
        UUID cancelled = action(city, "CANCELLED", "QUARTERLY", START, END, "FORUM", List.of(forum));
        Result r = run("2024-07-20", onHold, completed, proposed, cancelled, UUID.randomUUID());
        assertThat(r.sent()).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM report_reminder WHERE action_id IN (?, ?, ?, ?)",
                        Long.class,
                        onHold,
                        completed,
                        proposed,
                        cancelled))
                .isZero();
    }

    @Test
    void theStandingIsReadByWhoeverMayReadTheAction() throws Exception {
        UUID action = action(city, "IN_PROGRESS", "ANNUAL", START, null, "ORGANISATION", List.of());
        perform(getJson("/actions/" + action + "/reporting?asOf=2024-06-01"), readOnly(city))
                .andExpect(status().isOk());
        perform(getJson("/actions/" + action + "/reporting"), readOnly(ngo)).andExpect(status().isNotFound());
        perform(getJson("/actions/" + action + "/reporting"), null).andExpect(status().isUnauthorized());
        expectProblem(perform(getJson("/actions/" + action + "/reporting?asOf=June"), readOnly(city)), 400);
        JsonNode s = json(perform(getJson("/actions/" + action + "/reporting?asOf=2024-06-01"), readOnly(city)));
        assertThat(s.path("nextDue").path("periodEnd").asString()).isEqualTo("2024-12-31");
        assertThat(s.path("nextDue").path("dueOn").asString()).isEqualTo("2025-01-15");
    }
}
