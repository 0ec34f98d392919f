package org.arrival.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.platform.messaging.MessagingIntegrationTest;
import org.arrival.platform.messaging.Payloads;
import org.arrival.platform.testing.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long an event takes from the commit of its transaction to a consumer, at rest (one event every 20 ms).
 * Run with {@code ./mvnw -B -o -pl services/platform/messaging verify -Pmeasure}; it asserts only that every event
 * arrived.
 */
@MessagingIntegrationTest
class OutboxLatencyMeasurement {

    private static final UUID OWNER = UUID.fromString("5f1c2a90-3b7d-4e21-8a6c-1d2e3f4a5b01");
    private static final String TOPIC =
            EventCatalogue.instance().typeOf(StakeholderRegistered.class).topic();
    private static final int WARM_UP = 50;
    private static final int MEASURED = 300;
    private static final long PACE_MS = 20;

    @Autowired
    Outbox outbox;

    @Autowired
    PlatformTransactionManager transactionManager;

    final Map<String, Long> received = new ConcurrentHashMap<>();
    volatile boolean consuming = true;

    @Test
    void commitToConsumerLatencyAtRest() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        CountDownLatch positioned = new CountDownLatch(1);
        Thread consumer = new Thread(() -> consume(positioned), "latency-consumer");
        consumer.setDaemon(true);
        consumer.start();
        assertThat(positioned.await(60, TimeUnit.SECONDS)).isTrue();

        try {
            List<String> warmUp = new ArrayList<>();
            for (int i = 0; i < WARM_UP; i++) {
                warmUp.add(commitOne(tx).id());
                Thread.sleep(PACE_MS);
            }
            List<Commit> commits = new ArrayList<>();
            for (int i = 0; i < MEASURED; i++) {
                commits.add(commitOne(tx));
                Thread.sleep(PACE_MS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (commits.stream().anyMatch(c -> !received.containsKey(c.id())) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(received.keySet())
                    .as("every measured event arrived")
                    .containsAll(commits.stream().map(Commit::id).toList());

            double[] ms = commits.stream()
                    .mapToDouble(c -> (received.get(c.id()) - c.committedAt()) / 1_000_000.0)
                    .sorted()
                    .toArray();
            System.out.printf(
                    "%n=== outbox commit-to-consumer latency over %d events (one every %d ms, after %d warm-up): "
                            + "median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (min %.2f ms, mean %.2f ms) ===%n%n",
                    MEASURED,
                    PACE_MS,
                    WARM_UP,
                    percentile(ms, 50),
                    percentile(ms, 90),
                    percentile(ms, 99),
                    ms[ms.length - 1],
                    ms[0],
                    Arrays.stream(ms).average().orElse(0));
        } finally {
            consuming = false;
            consumer.join(5000);
        }
    }

    private Commit commitOne(TransactionTemplate tx) {
        UUID aggregate = UUID.randomUUID();
        UUID id = tx.execute(status -> outbox.append(
                OutgoingEvent.about(aggregate, OWNER, DataClassification.PUBLIC, Payloads.registered(aggregate))));
        return new Commit(id.toString(), System.nanoTime());
    }

    private void consume(CountDownLatch positioned) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "1");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (consuming) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    Header id = r.headers().lastHeader(CloudEventHeaders.ID);
                    if (id != null) {
                        received.putIfAbsent(new String(id.value(), StandardCharsets.UTF_8), now);
                    }
                }
            }
        }
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private record Commit(String id, long committedAt) {}
}
