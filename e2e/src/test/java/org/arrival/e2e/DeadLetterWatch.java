package org.arrival.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The platform's dead-letter topics ({@code <topic>.<consumer group>-dlt}, see the messaging module's DeadLetters):
 * where they end at a moment, and the records written to them after that moment.
 */
final class DeadLetterWatch implements AutoCloseable {

    /** A dead-lettered record: where, about what, and why. */
    record DeadLetter(String topic, String type, String subject, String error, Instant timestamp, String value) {}

    private final String bootstrap;
    private final Admin admin;

    DeadLetterWatch(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "fault-run-dlt-watch");
        this.admin = Admin.create(config);
    }

    /** The end offset of every partition of every dead-letter topic now. */
    Map<TopicPartition, Long> ends() {
        try {
            Set<String> topics = admin.listTopics().names().get(20, TimeUnit.SECONDS).stream()
                    .filter(t -> t.endsWith("-dlt"))
                    .collect(Collectors.toSet());
            if (topics.isEmpty()) {
                return Map.of();
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription d : admin.describeTopics(topics)
                    .allTopicNames()
                    .get(20, TimeUnit.SECONDS)
                    .values()) {
                d.partitions()
                        .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get(20, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "could not read the dead-letter topics' offsets from " + bootstrap + ": " + e, e);
        }
    }

    /** How many records the dead-letter topics gained between two readings of {@link #ends}. */
    static long gained(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
        long n = 0;
        for (Map.Entry<TopicPartition, Long> e : after.entrySet()) {
            n += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return n;
    }

    /** The records written to the dead-letter topics after {@code before}, up to their ends now. */
    List<DeadLetter> since(Map<TopicPartition, Long> before) {
        Map<TopicPartition, Long> now = ends();
        Map<TopicPartition, Long> from = new HashMap<>();
        now.forEach((tp, end) -> {
            long start = before.getOrDefault(tp, 0L);
            if (end > start) {
                from.put(tp, start);
            }
        });
        List<DeadLetter> out = new ArrayList<>();
        if (from.isEmpty()) {
            return out;
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "fault-run-dlt-reader");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)
                    && from.keySet().stream().anyMatch(tp -> consumer.position(tp) < now.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    if (r.offset() < now.get(new TopicPartition(r.topic(), r.partition()))) {
                        out.add(new DeadLetter(
                                r.topic(),
                                header(r, "ce_type"),
                                header(r, "ce_subject"),
                                header(r, "kafka_dlt-exception-message"),
                                Instant.ofEpochMilli(r.timestamp()),
                                r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return out;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
