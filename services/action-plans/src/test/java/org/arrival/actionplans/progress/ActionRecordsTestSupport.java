package org.arrival.actionplans.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.arrival.actionplans.ActionPlansIntegrationTest;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.contracts.EventJson;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.RecordedEvent;
import org.arrival.platform.testing.TestTokenIssuer.Token;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * What the tests of milestones, reports, funding, contributions and reminders share: actions inserted as rows
 * (their API is another part of the service), tokens, reading responses and asserting the events of a write.
 */
public abstract class ActionRecordsTestSupport extends ActionPlansIntegrationTest {

    protected static final String PREFIX = "org.arrival.actionplans.";

    protected static Token editor(UUID org) {
        return user("editor-" + org.toString().substring(0, 8), org, "member", "org-editor");
    }

    protected static Token admin(UUID org) {
        return user("admin-" + org.toString().substring(0, 8), org, "member", "org-admin");
    }

    protected static Token readOnly(UUID org) {
        return user("member-" + org.toString().substring(0, 8), org, "member");
    }

    /** An action row as the actions API would store it. */
    protected UUID action(
            UUID owner,
            String status,
            String cadence,
            LocalDate start,
            LocalDate end,
            String classification,
            List<UUID> forums) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                """
                INSERT INTO action (id, version, owner_id, title, kind, start_date, end_date, reporting_cadence,
                    shared_with_forums, classification, status, created_at, created_by, updated_at, updated_by)
                VALUES (?, 3, ?, ?, 'PROGRAMME', ?, ?, ?, ?::uuid[], ?, ?, ?, 'seed', ?, 'seed')""",
                id,
                owner,
                "School enrolment support for refugee children in Kisenyi",
                start == null ? null : Date.valueOf(start),
                end == null ? null : Date.valueOf(end),
                cadence,
                forums.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")),
                classification,
                status,
                now,
                now);
        return id;
    }

    protected long actionVersion(UUID action) {
        return jdbc.queryForObject("SELECT version FROM action WHERE id = ?", Long.class, action);
    }

    protected long rows(String table, UUID action) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE action_id = ?", Long.class, action);
    }

    protected static JsonNode json(ResultActions result) throws Exception {
        MvcResult r = result.andReturn();
        return EventJson.mapper().readTree(r.getResponse().getContentAsString());
    }

    protected static JsonNode json(RecordedEvent event) {
        return EventJson.mapper().readTree(event.payloadText());
    }

    protected static UUID id(ResultActions created) throws Exception {
        return UUID.fromString(json(created).path("id").asString());
    }

    protected static void expectProblem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    /** Waits for the event of the type about the subject; asserts it is the only one, schema-valid; returns it. */
    protected static RecordedEvent exactlyOne(String type, UUID subject) {
        return exactly(1, type, subject).get(0);
    }

    /** Waits for {@code n} events of the type about the subject, asserts there are no more and all are valid. */
    protected static List<RecordedEvent> exactly(int n, String type, UUID subject) {
        String full = PREFIX + type + ".v1";
        Predicate<RecordedEvent> match = e -> subject.toString().equals(e.subject()) && full.equals(e.type());
        events.await(match, n, Duration.ofSeconds(20));
        sleep(300);
        List<RecordedEvent> all = events.events(match);
        assertThat(all).as("events " + full + " about " + subject).hasSize(n);
        all.forEach(EventRecorder::assertValidCloudEvent);
        return all;
    }

    protected static long eventsAbout(UUID subject) {
        return events.events(e -> subject.toString().equals(e.subject())).size();
    }

    /**
     * Events keyed by (ordered with) the action, apart from reporting reminders (which the scheduled freshness
     * check may publish at any time for actions under way).
     */
    protected static List<RecordedEvent> eventsKeyedBy(UUID action) {
        return events.events(e -> action.toString().equals(e.key()) && !e.type().contains(".Report"));
    }

    /** No event keyed by the action after giving the relay time to publish one. */
    protected static void noEventsAbout(UUID action) {
        sleep(700);
        assertThat(eventsKeyedBy(action)).isEmpty();
    }

    protected static void noEventsFrom(UUID org) {
        sleep(700);
        assertThat(events.events(e -> org.toString().equals(e.header(CloudEventHeaders.OWNER_ORG))))
                .isEmpty();
    }

    protected static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
