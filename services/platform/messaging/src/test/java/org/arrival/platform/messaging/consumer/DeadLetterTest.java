package org.arrival.platform.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.arrival.contracts.EventJson;
import org.arrival.platform.messaging.MessagingIntegrationTest;
import org.arrival.platform.messaging.Payloads;
import org.arrival.platform.messaging.TestListener;
import org.arrival.platform.messaging.deadletter.DeadLetterReplay;
import org.arrival.platform.messaging.metrics.DeadLetterMeters;
import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A record that can never be handled goes to the consumer group's dead-letter topic at once and the consumer
 * moves on; a transient failure is retried in place and has its effect once.
 */
@MessagingIntegrationTest
class DeadLetterTest {

    @Autowired
    TestListener listener;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeadLetterReplay replay;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.consumer.group-id}")
    String group;

    final TestRecords records = new TestRecords();
    EventRecorder deadLetters;
    String deadLetterTopic;

    @BeforeEach
    void recordDeadLetters() {
        deadLetterTopic = DeadLetters.topicFor(TestListener.TOPIC, group);
        assertThat(deadLetterTopic).isEqualTo("arrival.registry.stakeholders.v1.messaging-test-consumer-dlt");
        deadLetters = EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), deadLetterTopic);
    }

    @AfterEach
    void close() {
        deadLetters.close();
        records.close();
    }

    @Test
    void theDeadLetterTopicOfTheConsumedTopicIsCreatedWithTheCataloguesSettings() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers()))) {
            TopicDescription topic = admin.describeTopics(List.of(deadLetterTopic))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(deadLetterTopic);
            assertThat(topic.partitions()).hasSize(3);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, deadLetterTopic);
            Config config = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .get(resource);
            // an auto-created topic would have the broker's default retention, not the catalogue's "keep forever"
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        }
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsDeadLetteredOnceAndTheNextRecordIsHandled() {
        UUID aggregate = UUID.randomUUID();
        byte[] poisonValue = Payloads.bytes(Payloads.REGISTERED_EXAMPLE);
        records.send(new ProducerRecord<>(TestListener.TOPIC, aggregate.toString(), poisonValue));
        String good = UUID.randomUUID().toString();
        records.send(TestRecords.cloudEvent(
                TestListener.TOPIC,
                good,
                TestRecords.REGISTERED_TYPE,
                aggregate,
                EventJson.write(Payloads.registered(aggregate))));

        RecordedEvent dead = deadLetters
                .await(e -> aggregate.toString().equals(e.key()), 1, Duration.ofSeconds(30))
                .get(0);
        assertThat(dead.payload()).isEqualTo(poisonValue);
        assertThat(dead.header(KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TestListener.TOPIC);
        assertThat(dead.header(KafkaHeaders.DLT_ORIGINAL_OFFSET)).isNotBlank();
        assertThat(List.of(
                        String.valueOf(dead.header(KafkaHeaders.DLT_EXCEPTION_FQCN)),
                        String.valueOf(dead.header(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))))
                .contains(UnreadableEvent.class.getName());

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(good) == 1);
        assertThat(processed(good)).isOne();
        assertThat(listener.deliveries(aggregate.toString()))
                .as("the poison record was not retried: it and the good record were delivered once each")
                .isEqualTo(2);
        sleep(300);
        assertThat(deadLetters.events(e -> aggregate.toString().equals(e.key())))
                .hasSize(1);
    }

    @Test
    void aPayloadThatCannotBeReadIsDeadLetteredWithoutEffectAndTheNextRecordIsHandled() {
        UUID aggregate = UUID.randomUUID();
        String broken = UUID.randomUUID().toString();
        double deadLetteredBefore = deadLettered();
        byte[] brokenValue = "{\"stakeholder\": [".getBytes(StandardCharsets.UTF_8);
        records.send(TestRecords.cloudEvent(
                TestListener.TOPIC, broken, TestRecords.REGISTERED_TYPE, aggregate, brokenValue));
        String good = UUID.randomUUID().toString();
        records.send(TestRecords.cloudEvent(
                TestListener.TOPIC,
                good,
                TestRecords.REGISTERED_TYPE,
                aggregate,
                EventJson.write(Payloads.registered(aggregate))));

        RecordedEvent dead = deadLetters
                .await(e -> broken.equals(e.id()), 1, Duration.ofSeconds(30))
                .get(0);
        assertThat(dead.payload()).isEqualTo(brokenValue);
        assertThat(dead.key()).isEqualTo(aggregate.toString());
        assertThat(dead.header(KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TestListener.TOPIC);
        // counted once the record is on the dead-letter topic, by the topic it was read from
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettered() > deadLetteredBefore);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(good) == 1);
        assertThat(effects(broken)).isZero();
        assertThat(processed(broken))
                .as("the failed claim was rolled back with the effect")
                .isZero();
        assertThat(listener.deliveries(aggregate.toString())).isEqualTo(2);
    }

    @Test
    void aTransientFailureIsRetriedInPlaceAndHasItsEffectOnce() {
        UUID aggregate = UUID.randomUUID();
        String flaky = UUID.randomUUID().toString();
        listener.failTimes(flaky, 2);
        records.send(TestRecords.cloudEvent(
                TestListener.TOPIC,
                flaky,
                TestRecords.REGISTERED_TYPE,
                aggregate,
                EventJson.write(Payloads.registered(aggregate))));
        String next = UUID.randomUUID().toString();
        records.send(TestRecords.cloudEvent(
                TestListener.TOPIC,
                next,
                TestRecords.REGISTERED_TYPE,
                aggregate,
                EventJson.write(Payloads.registered(aggregate))));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(next) == 1);
        assertThat(listener.deliveries(aggregate.toString()))
                .as("two failed attempts and the successful third of the flaky event, then the next one")
                .isEqualTo(4);
        assertThat(effects(flaky))
                .as("the failed attempts' writes were rolled back")
                .isOne();
        assertThat(processed(flaky)).isOne();
        assertThat(jdbc.queryForObject(
                        "SELECT max(id) FILTER (WHERE event_id = ?) < max(id) FILTER (WHERE event_id = ?) FROM test_effect",
                        Boolean.class,
                        flaky,
                        next))
                .as("the retry kept the partition's order")
                .isTrue();
        assertThat(deadLetters.events(e -> aggregate.toString().equals(e.key())))
                .isEmpty();
    }

    @Test
    void anOutageLongerThanTheRetryBudgetIsWaitedOutAndTheEventIsNotDeadLettered() {
        UUID aggregate = UUID.randomUUID();
        String during = UUID.randomUUID().toString();
        // three attempts 50 ms and 100 ms apart were the whole budget: an outage of 3 s used to dead-letter it
        listener.failByOutageFor(during, Duration.ofSeconds(3));
        records.send(TestRecords.cloudEvent(
                TestListener.TOPIC,
                during,
                TestRecords.REGISTERED_TYPE,
                aggregate,
                EventJson.write(Payloads.registered(aggregate))));
        String after = UUID.randomUUID().toString();
        records.send(TestRecords.cloudEvent(
                TestListener.TOPIC,
                after,
                TestRecords.REGISTERED_TYPE,
                aggregate,
                EventJson.write(Payloads.registered(aggregate))));

        await().atMost(Duration.ofSeconds(60)).until(() -> effects(after) == 1);
        assertThat(effects(during)).isOne();
        assertThat(listener.deliveries(aggregate.toString()))
                .as("retried for as long as the outage lasted, beyond the three attempts of other failures")
                .isGreaterThan(4);
        assertThat(deadLetters.events(e -> aggregate.toString().equals(e.key())))
                .isEmpty();
    }

    @Test
    void aDeadLetterIsListedAndReplayedToItsConsumerOnceHoweverOftenItIsReplayed() {
        UUID aggregate = UUID.randomUUID();
        String failing = UUID.randomUUID().toString();
        listener.failTimes(failing, 3);
        records.send(TestRecords.cloudEvent(
                TestListener.TOPIC,
                failing,
                TestRecords.REGISTERED_TYPE,
                aggregate,
                EventJson.write(Payloads.registered(aggregate))));
        deadLetters.await(e -> failing.equals(e.id()), 1, Duration.ofSeconds(30));
        assertThat(effects(failing)).isZero();

        DeadLetterReplay.DeadLetter letter = replay.list(1000).stream()
                .filter(l -> failing.equals(l.eventId()))
                .findFirst()
                .orElseThrow();
        assertThat(letter.topic()).isEqualTo(TestListener.TOPIC);
        assertThat(letter.group()).isEqualTo(group);
        assertThat(letter.deadLetterTopic()).isEqualTo(deadLetterTopic);
        assertThat(letter.failure()).contains("ListenerExecutionFailedException");
        assertThat(letter.message()).contains("injected transient failure of " + failing);

        DeadLetterReplay.Replayed first = replay.replay(letter.deadLetterTopic(), letter.partition(), letter.offset())
                .orElseThrow();
        assertThat(first.handled()).isTrue();
        assertThat(effects(failing)).isOne();
        assertThat(replay.replay(letter.deadLetterTopic(), letter.partition(), letter.offset())
                        .orElseThrow()
                        .handled())
                .isTrue();
        replay.replayAll(1000);
        assertThat(effects(failing)).as("replayed three times, applied once").isOne();
        assertThat(processed(failing)).isOne();
        assertThat(replay.replay(letter.deadLetterTopic(), letter.partition(), letter.offset() + 1_000_000))
                .isEmpty();
    }

    private int effects(String eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM test_effect WHERE event_id = ?", Integer.class, eventId);
    }

    private int processed(String eventId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                Integer.class,
                TestListener.CONSUMER,
                eventId);
    }

    private double deadLettered() {
        return meters.get(DeadLetterMeters.NAME)
                .tag("topic", TestListener.TOPIC)
                .counter()
                .count();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
