package org.arrival.platform.messaging.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.platform.messaging.consumer.DeadLetters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.GenericMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The dead letters of a service's consumers, and their replay. A dead letter is replayed by handing it, as it was
 * first read, to the listener of the consumer group that gave up on it: the same code, the same idempotent claim,
 * so replaying it twice, or replaying one that was handled since, has its effect once. Only that consumer sees it
 * again; nothing is published to the topic, which other services read too.
 */
public class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> kafka;
    private final Supplier<? extends Iterable<MessageListenerContainer>> containers;

    /**
     * @param kafka client settings (bootstrap servers, security) for reading the dead-letter topics
     * @param containers the service's listener containers
     */
    public DeadLetterReplay(
            Map<String, Object> kafka, Supplier<? extends Iterable<MessageListenerContainer>> containers) {
        this.kafka = kafka;
        this.containers = containers;
    }

    /** What is in the dead-letter topics of this service's consumer groups, oldest first per topic, up to limit. */
    public List<DeadLetter> list(int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        for (Listener listener : listeners()) {
            for (String topic : listener.deadLetterTopics()) {
                read(topic, limit - letters.size()).forEach(r -> letters.add(describe(r, listener.group())));
                if (letters.size() >= limit) {
                    return letters;
                }
            }
        }
        return letters;
    }

    /** Replays every dead letter (up to limit); returns what happened to each. */
    public List<Replayed> replayAll(int limit) {
        List<Replayed> outcome = new ArrayList<>();
        for (Listener listener : listeners()) {
            for (String topic : listener.deadLetterTopics()) {
                for (ConsumerRecord<String, byte[]> r : read(topic, limit - outcome.size())) {
                    outcome.add(replay(listener, r));
                }
            }
        }
        return outcome;
    }

    /** Replays one dead letter, named by its place in the dead-letter topic. */
    public Optional<Replayed> replay(String deadLetterTopic, int partition, long offset) {
        for (Listener listener : listeners()) {
            if (listener.deadLetterTopics().contains(deadLetterTopic)) {
                return readOne(new TopicPartition(deadLetterTopic, partition), offset)
                        .map(r -> replay(listener, r));
            }
        }
        return Optional.empty();
    }

    private Replayed replay(Listener listener, ConsumerRecord<String, byte[]> letter) {
        DeadLetter described = describe(letter, listener.group());
        ConsumerRecord<String, byte[]> original = asFirstRead(letter);
        try {
            listener.handle(original);
            log.info(
                    "replayed dead letter {} ({} {}) for {}",
                    described.place(),
                    described.eventType(),
                    described.eventId(),
                    listener.group());
            return new Replayed(described, true, null);
        } catch (RuntimeException e) {
            log.warn("replay of dead letter {} failed: {}", described.place(), e.getMessage());
            return new Replayed(described, false, rootMessage(e));
        }
    }

    private List<Listener> listeners() {
        List<Listener> listeners = new ArrayList<>();
        for (MessageListenerContainer c : containers.get()) {
            String[] topics = c.getContainerProperties().getTopics();
            Object messageListener = c.getContainerProperties().getMessageListener();
            if (c.getGroupId() == null || topics == null || !(messageListener instanceof GenericMessageListener<?>)) {
                continue;
            }
            listeners.add(new Listener(
                    c.getGroupId(),
                    List.of(topics),
                    messageListener instanceof BatchMessageListener<?, ?>,
                    (GenericMessageListener<?>) messageListener));
        }
        return listeners;
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic, int limit) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        if (limit <= 0) {
            return records;
        }
        try (KafkaConsumer<String, byte[]> consumer = reader()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, READ_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                return records;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, READ_TIMEOUT);
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (records.size() < limit
                    && !reachedEnd(consumer, ends)
                    && Instant.now().isBefore(deadline)) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> r : polled) {
                    long end = Objects.requireNonNull(
                            ends.get(new TopicPartition(r.topic(), r.partition())),
                            "records come from the assigned partitions, whose end offsets were read");
                    if (r.offset() < end && records.size() < limit) {
                        records.add(r);
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.UnknownTopicOrPartitionException e) {
            return records;
        }
        return records;
    }

    private Optional<ConsumerRecord<String, byte[]>> readOne(TopicPartition place, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = reader()) {
            consumer.assign(List.of(place));
            long end = consumer.endOffsets(List.of(place), READ_TIMEOUT).getOrDefault(place, 0L);
            if (offset < 0 || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(place, offset);
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() == offset) {
                        return Optional.of(r);
                    }
                    if (r.offset() > offset) {
                        return Optional.empty(); // compacted away
                    }
                }
            }
            return Optional.empty();
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey(), READ_TIMEOUT) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private KafkaConsumer<String, byte[]> reader() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.keySet()
                .removeIf(k -> !AdminClientConfig.configNames().contains(k)
                        && !ConsumerConfig.configNames().contains(k));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    /** The record as the listener first read it: its topic, partition and offset, without the dead-letter headers. */
    static ConsumerRecord<String, byte[]> asFirstRead(ConsumerRecord<String, byte[]> letter) {
        String topic = text(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        Integer partition = number(letter, KafkaHeaders.DLT_ORIGINAL_PARTITION, Integer.class);
        Long offset = number(letter, KafkaHeaders.DLT_ORIGINAL_OFFSET, Long.class);
        RecordHeaders headers = new RecordHeaders();
        for (Header h : letter.headers()) {
            if (!h.key().startsWith("kafka_dlt-")) {
                headers.add(h);
            }
        }
        return new ConsumerRecord<>(
                topic != null ? topic : originalTopicOf(letter.topic()),
                partition != null ? partition : letter.partition(),
                offset != null ? offset : letter.offset(),
                letter.timestamp(),
                TimestampType.CREATE_TIME,
                -1,
                -1,
                letter.key(),
                letter.value(),
                headers,
                Optional.empty());
    }

    private static DeadLetter describe(ConsumerRecord<String, byte[]> r, String group) {
        return new DeadLetter(
                r.topic(),
                r.partition(),
                r.offset(),
                group,
                Optional.ofNullable(text(r, KafkaHeaders.DLT_ORIGINAL_TOPIC)).orElse(originalTopicOf(r.topic())),
                text(r, CloudEventHeaders.ID),
                text(r, CloudEventHeaders.TYPE),
                text(r, CloudEventHeaders.SUBJECT),
                Instant.ofEpochMilli(r.timestamp()),
                text(r, KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(r, KafkaHeaders.DLT_EXCEPTION_MESSAGE));
    }

    private static String originalTopicOf(String deadLetterTopic) {
        int dot = deadLetterTopic.lastIndexOf('.');
        return dot > 0 ? deadLetterTopic.substring(0, dot) : deadLetterTopic;
    }

    private static @Nullable String text(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static <T extends Number> @Nullable T number(ConsumerRecord<?, ?> r, String name, Class<T> type) {
        Header h = r.headers().lastHeader(name);
        if (h == null || h.value() == null) {
            return null;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(h.value());
        if (type == Integer.class && h.value().length == Integer.BYTES) {
            return type.cast(b.getInt());
        }
        if (type == Long.class && h.value().length == Long.BYTES) {
            return type.cast(b.getLong());
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** A consumer group's listener and the dead-letter topics of the topics it reads. */
    private record Listener(String group, List<String> topics, boolean batch, GenericMessageListener<?> listener) {

        Set<String> deadLetterTopics() {
            return Set.copyOf(
                    topics.stream().map(t -> DeadLetters.topicFor(t, group)).toList());
        }

        @SuppressWarnings("unchecked")
        void handle(ConsumerRecord<String, byte[]> record) {
            if (batch) {
                ((GenericMessageListener<Object>) listener).onMessage(List.of(record), null, null);
            } else {
                ((GenericMessageListener<Object>) listener).onMessage(record, null, null);
            }
        }
    }

    /**
     * A record a consumer gave up on.
     *
     * @param deadLetterTopic where it is kept, {@code <topic>.<group>-dlt}
     * @param partition its partition there
     * @param offset its offset there
     * @param group the consumer group that gave up
     * @param topic the topic it was first read from
     * @param eventId its CloudEvents id
     * @param eventType its CloudEvents type
     * @param subject the record it is about
     * @param deadLetteredAt when the consumer gave up
     * @param failure the exception's class
     * @param message the exception's message
     */
    public record DeadLetter(
            String deadLetterTopic,
            int partition,
            long offset,
            String group,
            String topic,
            @Nullable String eventId,
            @Nullable String eventType,
            @Nullable String subject,
            Instant deadLetteredAt,
            @Nullable String failure,
            @Nullable String message) {

        String place() {
            return deadLetterTopic + "/" + partition + "@" + offset;
        }
    }

    /** What a replay did: whether the listener handled the event without failing (a duplicate is a no-op). */
    public record Replayed(
            DeadLetter letter, boolean handled, @Nullable String failure) {}
}
