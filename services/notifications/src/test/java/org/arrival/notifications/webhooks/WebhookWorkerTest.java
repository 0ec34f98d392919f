package org.arrival.notifications.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.arrival.notifications.NotificationsIntegrationTest;
import org.arrival.notifications.delivery.DeliveryWorker;
import org.arrival.notifications.webhooks.WebhookReceiver.Behaviour;
import org.arrival.notifications.webhooks.domain.WebhookSignature;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Webhook deliveries end to end through the delivery worker, as routing leaves them in the delivery table. */
class WebhookWorkerTest extends NotificationsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DeliveryWorker worker;

    private WebhookReceiver receiver;
    private TestTokenIssuer.Token admin;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new WebhookReceiver(4_000);
        admin = user("ngo-admin", organisation("Refugee Law Project", "NGO", false, false), "member", "org-admin");
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void aFailedCallIsRetriedByTheWorkerAndShownInTheDeliveryLog() throws Exception {
        JsonNode hook = register();
        String id = hook.path("id").asString();
        receiver.then(Behaviour.FAIL);
        UUID delivery = due(id);

        worker.runDue();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM delivery WHERE id = ?", delivery);
        assertThat(row)
                .containsEntry("status", "FAILED")
                .containsEntry("attempts", 1)
                .containsEntry("last_status", 500);
        perform(getJson("/webhooks/" + id + "/deliveries"), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].status").value("FAILED"))
                .andExpect(jsonPath("$.items[0].lastStatus").value(500))
                .andExpect(jsonPath("$.items[0].lastError").value("HTTP 500"));

        jdbc.update("UPDATE delivery SET next_attempt_at = now() WHERE id = ?", delivery);
        worker.runDue();

        row = jdbc.queryForMap("SELECT * FROM delivery WHERE id = ?", delivery);
        assertThat(row)
                .containsEntry("status", "SENT")
                .containsEntry("attempts", 2)
                .containsEntry("last_status", 204);
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(receiver.received()).hasSize(2);
        WebhookReceiver.Received last = receiver.received().get(1);
        assertThat(last.header("X-Arrival-Delivery")).isEqualTo(delivery.toString());
        assertThat(WebhookSignature.verify(
                        hook.path("secret").asString(),
                        last.header("X-Arrival-Timestamp"),
                        last.header("X-Arrival-Delivery"),
                        last.body(),
                        last.header("X-Arrival-Signature"),
                        java.time.Instant.now(),
                        java.time.Duration.ofMinutes(5)))
                .isTrue();
        assertThat(new String(last.body(), StandardCharsets.UTF_8)).isEqualTo(row.get("payload"));
        perform(getJson("/webhooks/" + id + "/deliveries"), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].status").value("SENT"))
                .andExpect(jsonPath("$.items[0].attempts").value(2))
                .andExpect(jsonPath("$.items[0].sentAt").isString());
    }

    @Test
    void aRedirectIsDeadAtOnceAndItsTargetNeverCalled() throws Exception {
        String id = register().path("id").asString();
        receiver.byDefault(Behaviour.REDIRECT);
        UUID delivery = due(id);

        worker.runDue();

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM delivery WHERE id = ?", delivery);
        assertThat(row)
                .containsEntry("status", "DEAD")
                .containsEntry("attempts", 1)
                .containsEntry("last_status", 302);
        assertThat((String) row.get("last_error")).contains("redirects are not followed");
        assertThat(receiver.received("/redirected")).isEmpty();
    }

    private JsonNode register() throws Exception {
        return JSON.readTree(perform(postJson("/webhooks", """
                {"url": "%s", "eventTypes": ["PlanRecorded"]}""".formatted(receiver.url("/hook"))), admin)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private UUID due(String webhookId) {
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO delivery (id, channel, webhook_id, event_id, target, payload, status, attempts,
                    next_attempt_at, created_at)
                VALUES (?, 'WEBHOOK', ?::uuid, ?, ?, ?, 'PENDING', 0, now() - interval '1 second', now())""", id, webhookId, eventId, receiver.url("/hook"), """
                {"specversion":"1.0","id":"%s","source":"/arrival/action-plans","type":"org.arrival.actionplans.PlanRecorded.v1","time":"2026-01-05T10:00:00Z","datacontenttype":"application/json","data":{"title":"Städtischer Plan"}}""".formatted(eventId));
        return id;
    }
}
