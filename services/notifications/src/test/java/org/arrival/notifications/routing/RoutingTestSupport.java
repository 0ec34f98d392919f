package org.arrival.notifications.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.Action;
import org.arrival.contracts.actionplans.ActionKind;
import org.arrival.contracts.actionplans.ActionProposed;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ProgressReport;
import org.arrival.contracts.actionplans.ProgressReported;
import org.arrival.contracts.actionplans.Rag;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.arrival.contracts.common.Actor;
import org.arrival.contracts.common.Jurisdiction;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.notifications.NotificationsIntegrationTest;
import org.arrival.notifications.records.RecordListener;
import org.arrival.platform.testing.TestTokenIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Events as the action-plans service publishes them, and waiting for the router to have handled them. */
public abstract class RoutingTestSupport extends NotificationsIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    protected static Action action(UUID id, UUID owner, String title, List<UUID> forums) {
        return new Action(
                id,
                1,
                owner,
                null,
                title,
                "Desks in five division offices",
                ActionKind.SERVICE,
                List.of(Sector.RECEPTION, Sector.HEALTH),
                List.of(PopulationGroup.REFUGEES),
                List.of(new Jurisdiction("UG", "UG-C", null, "Kampala")),
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 6, 30),
                ReportingCadence.QUARTERLY,
                List.of(),
                null,
                false,
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                forums,
                ActionStatus.COMMITTED,
                null);
    }

    /** Publishes ActionProposed and waits until the router handled it. */
    protected String propose(UUID id, UUID owner, String title, List<UUID> forums, DataClassification c) {
        String eventId = feed.publish(
                new ActionProposed(action(id, owner, title, forums), new Actor("planner", owner)), id, id, owner, c);
        awaitHandled(eventId);
        return eventId;
    }

    protected static ProgressReported report(UUID action, UUID owner, int percent, Rag rag) {
        return new ProgressReported(
                new ProgressReport(
                        UUID.randomUUID(),
                        action,
                        LocalDate.of(2025, 4, 1),
                        LocalDate.of(2025, 6, 30),
                        ActionStatus.IN_PROGRESS,
                        percent,
                        rag,
                        "Two of five desks are open.",
                        List.of()),
                new Actor("officer", owner));
    }

    protected void awaitHandled(String eventId) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                                Long.class,
                                RecordListener.CONSUMER,
                                eventId))
                        .isEqualTo(1));
    }

    protected long notifications(String eventId, UUID org) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM notification WHERE event_id = ? AND recipient_org = ?", Long.class, eventId, org);
    }

    protected UUID subscribe(TestTokenIssuer.Token token, String body) throws Exception {
        String response = perform(postJson("/subscriptions", body), token)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(JSON.readTree(response).path("id").asString());
    }

    protected static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
