package org.arrival.platform.messaging;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arrival.platform.messaging.consumer.DeadLetters;
import org.arrival.platform.messaging.consumer.IdempotentHandling;
import org.arrival.platform.messaging.consumer.InboundEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * A batch consumer of the stakeholder topic in a group of its own, as the forum view and notifications read: a
 * poll at a time through {@link IdempotentHandling#handleAllOnce}. Its effect is a {@code test_batch_effect} row per
 * event, with the size of the poll it came in; it can be told to fail an event's effect a number of times.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "messaging-test.listener.enabled", havingValue = "true", matchIfMissing = true)
public class TestBatchListener {

    public static final String CONSUMER = "test-batch-consumer";
    public static final String GROUP_SUFFIX = "-batch";

    private final IdempotentHandling handling;
    private final JdbcTemplate jdbc;
    private final Map<String, AtomicInteger> failuresToInject = new ConcurrentHashMap<>();
    private final Map<String, Queue<RuntimeException>> failureSequences = new ConcurrentHashMap<>();

    public TestBatchListener(IdempotentHandling handling, JdbcTemplate jdbc) {
        this.handling = handling;
        this.jdbc = jdbc;
    }

    @KafkaListener(
            id = "test-batch-listener",
            topics = TestListener.TOPIC,
            groupId = "${spring.kafka.consumer.group-id}" + GROUP_SUFFIX,
            batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        handling.handleAllOnce(CONSUMER, records, events -> apply(events, records.size()));
    }

    private void apply(List<InboundEvent> events, int pollSize) {
        for (InboundEvent event : events) {
            jdbc.update("INSERT INTO test_batch_effect (event_id, poll_size) VALUES (?, ?)", event.id(), pollSize);
            AtomicInteger failures = failuresToInject.get(event.id());
            if (failures != null && failures.getAndDecrement() > 0) {
                throw new IllegalStateException("injected transient failure of " + event.id());
            }
            Queue<RuntimeException> sequence = failureSequences.get(event.id());
            RuntimeException next = sequence == null ? null : sequence.poll();
            if (next != null) {
                throw next;
            }
        }
    }

    /** Makes the effect of the event fail the next {@code times} times it runs. */
    public void failTimes(String eventId, int times) {
        failuresToInject.put(eventId, new AtomicInteger(times));
    }

    /** Makes the effect of the event fail with each of the failures in turn, then succeed. */
    public void failWith(String eventId, List<RuntimeException> failures) {
        failureSequences.put(eventId, new ConcurrentLinkedQueue<>(failures));
    }

    @Bean
    static KafkaAdmin.NewTopics batchDeadLetterTopic(@Value("${spring.kafka.consumer.group-id}") String group) {
        return new KafkaAdmin.NewTopics(
                new NewTopic(DeadLetters.topicFor(TestListener.TOPIC, group + GROUP_SUFFIX), 3, (short) 1));
    }
}
