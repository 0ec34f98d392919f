package org.arrival.notifications.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.arrival.notifications.NotificationsIntegrationTest;
import org.arrival.notifications.delivery.DeliveryOutcome;
import org.arrival.notifications.delivery.PendingDelivery;
import org.arrival.notifications.webhooks.SignatureCheckingReceiver.Verdict;
import org.arrival.notifications.webhooks.WebhookReceiver.Behaviour;
import org.arrival.notifications.webhooks.WebhookReceiver.Received;
import org.arrival.notifications.webhooks.application.WebhookChannel;
import org.arrival.notifications.webhooks.application.WebhookProperties;
import org.arrival.notifications.webhooks.domain.TargetGuard;
import org.arrival.notifications.webhooks.persistence.WebhookRepository;
import org.arrival.platform.testing.TestTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The WEBHOOK channel against a real HTTP receiver on 127.0.0.1 (allow-loopback is on in the test base). */
class WebhookChannelTest extends NotificationsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebhookChannel channel;

    @Autowired
    WebhookRepository repository;

    @Autowired
    TargetGuard guard;

    private WebhookReceiver receiver;
    private TestTokenIssuer.Token admin;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new WebhookReceiver(4_000);
        UUID ngo = organisation("Refugee Law Project", "NGO", false, false);
        admin = user("ngo-admin", ngo, "member", "org-admin");
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void postsTheCloudEventSignedWithTheSecretShownAtRegistration() throws Exception {
        Hook hook = register(receiver.url("/hook"));
        PendingDelivery d = delivery(hook.id(), "Kampala – Ünïcode ✓");

        DeliveryOutcome outcome = channel.deliver(d);

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.status()).isEqualTo(204);
        assertThat(receiver.received()).hasSize(1);
        Received r = receiver.received().get(0);
        assertThat(r.path()).isEqualTo("/hook");
        assertThat(r.header("Content-Type")).isEqualTo("application/cloudevents+json; charset=utf-8");
        assertThat(r.header("X-Arrival-Delivery")).isEqualTo(d.id().toString());
        long ts = Long.parseLong(r.header("X-Arrival-Timestamp"));
        assertThat(Math.abs(Instant.now().getEpochSecond() - ts)).isLessThan(60);
        assertThat(r.body()).isEqualTo(d.payload().getBytes(StandardCharsets.UTF_8));
        assertThat(JSON.readTree(r.body()).path("data").path("title").asString())
                .isEqualTo("Kampala – Ünïcode ✓");

        // what a receiver does: recompute over timestamp, delivery id and raw bytes with the secret it was shown,
        // compare in constant time
        String signature = r.header("X-Arrival-Signature");
        assertThat(signature).matches("v1=[0-9a-f]{64}");
        assertThat(java.security.MessageDigest.isEqual(
                        receiverSignature(hook.secret(), r, r.body()).getBytes(), signature.getBytes()))
                .isTrue();
        byte[] tampered = Arrays.copyOf(r.body(), r.body().length);
        tampered[tampered.length - 2] ^= 1;
        assertThat(receiverSignature(hook.secret(), r, tampered)).isNotEqualTo(signature);
        assertThat(receiverSignature("another-secret", r, r.body())).isNotEqualTo(signature);
    }

    @Test
    void theSignatureCoversTheTimestampAndTheDeliveryIdSoACapturedDeliveryCannotBeReplayed() throws Exception {
        Hook hook = register(receiver.url("/hook"));
        PendingDelivery d = delivery(hook.id(), "Kampala");
        assertThat(channel.deliver(d).delivered()).isTrue();
        Received r = receiver.received().get(0);
        Instant sent = Instant.ofEpochSecond(Long.parseLong(r.header("X-Arrival-Timestamp")));
        SignatureCheckingReceiver endpoint = new SignatureCheckingReceiver(hook.secret(), Duration.ofMinutes(5));

        assertThat(endpoint.receive(r, sent.plusSeconds(2))).isEqualTo(Verdict.ACCEPTED);
        // sent again as it was: the receiver remembers the delivery id
        assertThat(endpoint.receive(r, sent.plusSeconds(30))).isEqualTo(Verdict.REPEATED);
        // a retry of the same delivery: same id and body, its own timestamp and signature; recognised as a repeat
        assertThat(channel.deliver(d).delivered()).isTrue();
        Received retry = receiver.received().get(1);
        assertThat(retry.header("X-Arrival-Delivery")).isEqualTo(r.header("X-Arrival-Delivery"));
        assertThat(endpoint.receive(retry, Instant.ofEpochSecond(Long.parseLong(retry.header("X-Arrival-Timestamp")))))
                .isEqualTo(Verdict.REPEATED);
        // later, with a fresh timestamp to pass the tolerance: the signature does not cover it
        Instant later = sent.plusSeconds(3_600);
        assertThat(endpoint.receive(r.withHeader("X-Arrival-Timestamp", Long.toString(later.getEpochSecond())), later))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        // or with another delivery id, to get past the receiver's memory: the signature does not cover that either
        assertThat(endpoint.receive(
                        r.withHeader("X-Arrival-Delivery", UUID.randomUUID().toString()), sent.plusSeconds(30)))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        // as it was, once the tolerance has passed and the receiver may have forgotten the id
        assertThat(new SignatureCheckingReceiver(hook.secret(), Duration.ofMinutes(5)).receive(r, later))
                .isEqualTo(Verdict.STALE);
        // tampered with, or signed with another secret
        byte[] tampered = Arrays.copyOf(r.body(), r.body().length);
        tampered[tampered.length - 3] ^= 1;
        assertThat(endpoint.receive(new Received(r.path(), r.headers(), tampered), sent))
                .isEqualTo(Verdict.BAD_SIGNATURE);
        assertThat(new SignatureCheckingReceiver("another-secret", Duration.ofMinutes(5)).receive(r, sent))
                .isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void aRotatedSecretSignsTheNextDeliveries() throws Exception {
        Hook hook = register(receiver.url("/hook"));
        String rotated = JSON.readTree(perform(
                                post("/webhooks/" + hook.id() + "/rotate-secret")
                                        .header("If-Match", "\"1\""),
                                admin)
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.secret").isString())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .path("secret")
                .asString();
        assertThat(rotated).isNotEqualTo(hook.secret());

        assertThat(channel.deliver(delivery(hook.id(), "x")).delivered()).isTrue();

        Received r = receiver.received().get(0);
        assertThat(r.header("X-Arrival-Signature"))
                .isEqualTo(receiverSignature(rotated, r, r.body()))
                .isNotEqualTo(receiverSignature(hook.secret(), r, r.body()));
    }

    @Test
    void aServerErrorIsRetriedAndTheNextAttemptDelivers() throws Exception {
        Hook hook = register(receiver.url("/hook"));
        receiver.then(Behaviour.FAIL);
        PendingDelivery d = delivery(hook.id(), "retry me");

        DeliveryOutcome first = channel.deliver(d);
        assertThat(first.delivered()).isFalse();
        assertThat(first.retryable()).isTrue();
        assertThat(first.status()).isEqualTo(500);
        assertThat(failures(hook.id())).isEqualTo(1);

        DeliveryOutcome second = channel.deliver(d);
        assertThat(second.delivered()).isTrue();
        assertThat(second.status()).isEqualTo(204);
        assertThat(failures(hook.id())).isZero();
        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(0).header("X-Arrival-Delivery"))
                .isEqualTo(receiver.received().get(1).header("X-Arrival-Delivery"));
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        Hook hook = register(receiver.url("/hook"));
        receiver.byDefault(Behaviour.REDIRECT);

        DeliveryOutcome outcome = channel.deliver(delivery(hook.id(), "go elsewhere"));

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.retryable()).isFalse();
        assertThat(outcome.status()).isEqualTo(302);
        assertThat(outcome.error()).contains("redirects are not followed");
        assertThat(receiver.received("/hook")).hasSize(1);
        assertThat(receiver.received("/redirected")).isEmpty();
    }

    @Test
    void aClientErrorOtherThanTimeoutOrTooManyRequestsGivesUp() throws Exception {
        Hook hook = register(receiver.url("/hook"));
        receiver.then(Behaviour.GONE);

        DeliveryOutcome outcome = channel.deliver(delivery(hook.id(), "gone"));

        assertThat(outcome.retryable()).isFalse();
        assertThat(outcome.status()).isEqualTo(410);
        assertThat(failures(hook.id())).isEqualTo(1);
    }

    @Test
    void aReceiverThatHangsIsRetriedAfterTheTimeout() throws Exception {
        Hook hook = register(receiver.url("/slow"));
        receiver.byDefault(Behaviour.HANG);
        WebhookChannel impatient = new WebhookChannel(
                repository, guard, new WebhookProperties(true, 10, Duration.ofMillis(500)), Clock.systemUTC());

        long start = System.nanoTime();
        DeliveryOutcome outcome = impatient.deliver(delivery(hook.id(), "slow"));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.retryable()).isTrue();
        assertThat(outcome.error()).contains("no answer within 500 ms");
        assertThat(elapsedMillis).isLessThan(3_000);
        assertThat(failures(hook.id())).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsRetried() throws Exception {
        Hook hook = register(receiver.url("/hook"));
        receiver.close();

        DeliveryOutcome outcome = channel.deliver(delivery(hook.id(), "nobody home"));

        assertThat(outcome.retryable()).isTrue();
        assertThat(outcome.error()).startsWith("connection failed");
    }

    @Test
    void consecutiveFailuresDisableTheWebhookUntilAnAdministratorEnablesIt() throws Exception {
        Hook hook = register(receiver.url("/hook"));
        // disable-after is 10: bring it to the brink
        jdbc.update("UPDATE webhook SET failures = 9 WHERE id = ?", hook.id());
        receiver.then(Behaviour.FAIL);

        DeliveryOutcome tenth = channel.deliver(delivery(hook.id(), "the last straw"));

        assertThat(tenth.retryable()).isTrue();
        perform(getJson("/webhooks/" + hook.id()), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.consecutiveFailures").value(10))
                .andExpect(jsonPath("$.disabledReason").value("disabled after 10 consecutive failed deliveries"));

        // a disabled webhook is not called
        DeliveryOutcome whileDisabled = channel.deliver(delivery(hook.id(), "not sent"));
        assertThat(whileDisabled.retryable()).isFalse();
        assertThat(whileDisabled.error()).isEqualTo("webhook disabled");
        assertThat(receiver.received()).hasSize(1);
        assertThat(failures(hook.id())).isEqualTo(10);

        perform(post("/webhooks/" + hook.id() + "/enable").header("If-Match", "\"2\""), admin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.consecutiveFailures").value(0))
                .andExpect(jsonPath("$.disabledReason").doesNotExist());

        assertThat(channel.deliver(delivery(hook.id(), "back again")).delivered())
                .isTrue();
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void aSuccessResetsTheCountOfFailures() throws Exception {
        Hook hook = register(receiver.url("/hook"));
        jdbc.update("UPDATE webhook SET failures = 7 WHERE id = ?", hook.id());

        assertThat(channel.deliver(delivery(hook.id(), "fine")).delivered()).isTrue();

        assertThat(failures(hook.id())).isZero();
    }

    @Test
    void aTargetThatBecameUnsafeIsRefusedAtDelivery() throws Exception {
        Hook hook = register(receiver.url("/hook"));
        // as if DNS now pointed at the metadata service: the URL is checked again before every call
        jdbc.update("UPDATE webhook SET url = 'http://169.254.169.254/latest/meta-data/' WHERE id = ?", hook.id());

        DeliveryOutcome outcome = channel.deliver(delivery(hook.id(), "steal credentials"));

        assertThat(outcome.retryable()).isFalse();
        assertThat(outcome.error()).startsWith("target refused").contains("cloud metadata");
        assertThat(failures(hook.id())).isEqualTo(1);
    }

    @Test
    void aDeletedWebhookIsGivenUp() throws Exception {
        Hook hook = register(receiver.url("/hook"));
        PendingDelivery d = delivery(hook.id(), "orphan");
        jdbc.update("DELETE FROM webhook WHERE id = ?", hook.id());

        DeliveryOutcome outcome = channel.deliver(d);

        assertThat(outcome.retryable()).isFalse();
        assertThat(outcome.error()).isEqualTo("webhook deleted");
        assertThat(receiver.received()).isEmpty();
    }

    record Hook(UUID id, String secret) {}

    private Hook register(String url) throws Exception {
        String body = perform(postJson("/webhooks", """
                {"url": "%s", "eventTypes": ["PlanRecorded"]}""".formatted(url)), admin)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode json = JSON.readTree(body);
        return new Hook(
                UUID.fromString(json.path("id").asString()), json.path("secret").asString());
    }

    /** A delivery row (not due, so that no worker run sends it too) and what the worker would hand the channel. */
    private PendingDelivery delivery(UUID webhookId, String title) {
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String payload = """
                {"specversion":"1.0","id":"%s","source":"/arrival/action-plans","type":"org.arrival.actionplans.PlanRecorded.v1","subject":"%s","time":"2026-01-05T10:00:00Z","datacontenttype":"application/json","data":{"title":"%s"}}""".formatted(eventId, UUID.randomUUID(), title);
        String target = jdbc.queryForObject("SELECT url FROM webhook WHERE id = ?", String.class, webhookId);
        jdbc.update("""
                INSERT INTO delivery (id, channel, webhook_id, event_id, target, payload, status, attempts,
                    next_attempt_at, created_at)
                VALUES (?, 'WEBHOOK', ?, ?, ?, ?, 'PENDING', 0, now() + interval '1 day', now())""", id, webhookId, eventId, target, payload);
        return new PendingDelivery(id, "WEBHOOK", null, webhookId, eventId, target, null, payload, 0);
    }

    private int failures(UUID webhookId) {
        return jdbc.queryForObject("SELECT failures FROM webhook WHERE id = ?", Integer.class, webhookId);
    }

    /** Independent of the production code: what a receiver in any language computes. */
    private static String receiverSignature(String secret, Received r, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((r.header("X-Arrival-Timestamp") + "." + r.header("X-Arrival-Delivery") + ".")
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder("v1=");
        for (byte b : mac.doFinal(body)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
