package org.arrival.platform.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.arrival.contracts.EventJson;
import org.arrival.platform.messaging.MessagingIntegrationTest;
import org.arrival.platform.messaging.Payloads;
import org.arrival.platform.messaging.TestBatchListener;
import org.arrival.platform.messaging.TestListener;
import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EventRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A batch consumer applies a poll in one transaction, and keeps every promise of a record consumer: each event's
 * effect once (redeliveries too), a transient failure retried in place, a poison record dead-lettered while the
 * events before and after it in the poll take effect, in the partition's order.
 */
@MessagingIntegrationTest
class BatchHandlingTest {

    @Autowired
    TestBatchListener listener;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.kafka.consumer.group-id}")
    String group;

    final TestRecords records = new TestRecords();
    EventRecorder deadLetters;

    @BeforeEach
    void recordDeadLetters() {
        deadLetters = EventRecorder.fromNow(
                EmbeddedKafka.bootstrapServers(),
                DeadLetters.topicFor(TestListener.TOPIC, group + TestBatchListener.GROUP_SUFFIX));
    }

    @AfterEach
    void close() {
        deadLetters.close();
        records.close();
    }

    @Test
    void eachEventOfAPollHasItsEffectOnceEvenWhenItComesTwice() {
        UUID aggregate = UUID.randomUUID();
        List<String> ids = ids(4);
        List<ProducerRecord<String, byte[]>> poll = new ArrayList<>();
        ids.forEach(id -> poll.add(event(id, aggregate)));
        poll.add(2, event(ids.get(0), aggregate)); // the first event again, in the same poll
        records.sendTogether(poll);

        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> effects(id) == 1));
        ids.forEach(id -> assertThat(processed(id)).as(id).isOne());
        assertThat(largestPoll(ids)).as("the events came in one poll").isGreaterThan(1);
        assertThat(inOrder(ids)).isTrue();
    }

    @Test
    void aPoisonRecordInAPollIsDeadLetteredAndTheEventsAroundItTakeEffect() {
        UUID aggregate = UUID.randomUUID();
        List<String> ids = ids(4);
        List<ProducerRecord<String, byte[]>> poll = new ArrayList<>();
        ids.forEach(id -> poll.add(event(id, aggregate)));
        byte[] poison = Payloads.bytes(Payloads.REGISTERED_EXAMPLE);
        poll.add(2, new ProducerRecord<>(TestListener.TOPIC, aggregate.toString(), poison)); // no CloudEvents headers
        records.sendTogether(poll);

        var dead = deadLetters
                .await(e -> aggregate.toString().equals(e.key()), 1, Duration.ofSeconds(30))
                .get(0);
        assertThat(dead.payload()).isEqualTo(poison);
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> effects(id) == 1));
        ids.forEach(id -> assertThat(processed(id)).as(id).isOne());
        assertThat(largestPoll(ids)).as("the poison came in a poll with others").isGreaterThan(1);
        assertThat(inOrder(ids))
                .as("the events after the poison were handled after those before it")
                .isTrue();
        assertThat(deadLetters.events(e -> aggregate.toString().equals(e.key())))
                .hasSize(1);
    }

    @Test
    void aTransientFailureInAPollIsRetriedInPlaceAndHasItsEffectOnce() {
        UUID aggregate = UUID.randomUUID();
        List<String> ids = ids(3);
        listener.failTimes(ids.get(1), 2);
        records.sendTogether(ids.stream().map(id -> event(id, aggregate)).toList());

        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> effects(id) == 1));
        ids.forEach(id -> assertThat(processed(id)).as(id).isOne());
        assertThat(inOrder(ids)).isTrue();
        assertThat(deadLetters.events(e -> aggregate.toString().equals(e.key())))
                .isEmpty();
    }

    @Test
    void anOutageAfterAnotherFailureIsRetriedForAsLongAsTheOutageLasts() {
        UUID aggregate = UUID.randomUUID();
        List<String> ids = ids(2);
        // a delivery runs the poll's transaction, then the record's own: the first delivery fails otherwise, the next
        // ones because the database is away, for more deliveries than a record that fails otherwise gets
        List<RuntimeException> failures = new ArrayList<>();
        failures.add(new IllegalStateException("the poll failed in an unexpected way"));
        failures.add(new IllegalStateException("the record failed in an unexpected way"));
        for (int i = 0; i < 8; i++) {
            failures.add(new CannotCreateTransactionException("Could not open JDBC Connection for transaction"));
        }
        listener.failWith(ids.get(0), failures);
        records.sendTogether(ids.stream().map(id -> event(id, aggregate)).toList());

        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> effects(id) == 1));
        ids.forEach(id -> assertThat(processed(id)).as(id).isOne());
        assertThat(deadLetters.events(e -> aggregate.toString().equals(e.key())))
                .as("a valid event is not dead-lettered because the database was away")
                .isEmpty();
    }

    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    private static ProducerRecord<String, byte[]> event(String id, UUID aggregate) {
        return TestRecords.cloudEvent(
                TestListener.TOPIC,
                id,
                TestRecords.REGISTERED_TYPE,
                aggregate,
                EventJson.write(Payloads.registered(aggregate)));
    }

    private int effects(String eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM test_batch_effect WHERE event_id = ?", Integer.class, eventId);
    }

    private int processed(String eventId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                Integer.class,
                TestBatchListener.CONSUMER,
                eventId);
    }

    private int largestPoll(List<String> ids) {
        return jdbc.queryForObject(
                "SELECT max(poll_size) FROM test_batch_effect WHERE event_id = ANY (?)", Integer.class, (Object)
                        ids.toArray(String[]::new));
    }

    /** Whether the surviving effect rows of the events are in the events' order. */
    private boolean inOrder(List<String> ids) {
        List<String> applied = jdbc.queryForList(
                "SELECT event_id FROM test_batch_effect WHERE event_id = ANY (?) " + "ORDER BY id",
                String.class,
                (Object) ids.toArray(String[]::new));
        return applied.equals(ids);
    }
}
