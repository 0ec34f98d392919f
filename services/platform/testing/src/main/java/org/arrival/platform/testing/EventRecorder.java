package org.arrival.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.contracts.EventContractValidator;

/**
 * Reads topics from their current end in the background and keeps every record, so a test can assert what a
 * write published: how many events, in which order, and that each is a valid CloudEvent of its contract.
 */
public final class EventRecorder implements AutoCloseable {

    private final List<RecordedEvent> events = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile boolean positioned;

    public EventRecorder(String bootstrapServers, Collection<String> topics, boolean fromBeginning) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        poller = new Thread(() -> poll(props, topics, fromBeginning), "event-recorder");
        poller.setDaemon(true);
        poller.start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (!positioned) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("recorder could not reach topics " + topics);
            }
            sleep(20);
        }
    }

    /** Records what is published from now on. */
    public static EventRecorder fromNow(String bootstrapServers, String... topics) {
        return new EventRecorder(bootstrapServers, List.of(topics), false);
    }

    /** Records the topics' whole history and what follows. */
    public static EventRecorder fromBeginning(String bootstrapServers, String... topics) {
        return new EventRecorder(bootstrapServers, List.of(topics), true);
    }

    private void poll(Properties props, Collection<String> topics, boolean fromBeginning) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                Instant deadline = Instant.now().plusSeconds(30);
                List<org.apache.kafka.common.PartitionInfo> infos;
                do {
                    infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                    if (infos == null || infos.isEmpty()) {
                        sleep(100);
                    }
                } while ((infos == null || infos.isEmpty()) && Instant.now().isBefore(deadline));
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            partitions.forEach(consumer::position);
            positioned = true;
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    events.add(new RecordedEvent(r.topic(), r.partition(), r.offset(), r.key(), headers, r.value()));
                }
            }
        }
    }

    public List<RecordedEvent> events() {
        return List.copyOf(events);
    }

    public List<RecordedEvent> events(Predicate<RecordedEvent> filter) {
        return events.stream().filter(filter).toList();
    }

    public void clear() {
        events.clear();
    }

    /** Waits until at least {@code count} matching events arrived, then returns all matching events. */
    public List<RecordedEvent> await(Predicate<RecordedEvent> filter, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (events(filter).size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " matching events within " + timeout + ", got "
                        + events(filter).size() + "; all recorded: " + events);
            }
            sleep(10);
        }
        return events(filter);
    }

    /**
     * Asserts that exactly one event arrived for the subject (after waiting a little longer for any
     * duplicate), that it is of the given type, carries every CloudEvents header and is valid against its
     * contract. Returns it.
     */
    public RecordedEvent awaitExactlyOne(String type, String subject) {
        Predicate<RecordedEvent> forSubject = e -> subject.equals(e.subject());
        await(forSubject, 1, Duration.ofSeconds(20));
        sleep(300);
        List<RecordedEvent> all = events(forSubject);
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one event for " + subject + ", got " + all);
        }
        RecordedEvent event = all.get(0);
        assertValidCloudEvent(event);
        if (!type.equals(event.type())) {
            throw new AssertionError("expected an event of type " + type + ", got " + event);
        }
        return event;
    }

    /** Checks the CloudEvents binary-mode headers and validates the payload against the type's schema. */
    public static void assertValidCloudEvent(RecordedEvent event) {
        for (String header : CloudEventHeaders.REQUIRED) {
            String value = event.header(header);
            if (value == null || value.isBlank()) {
                throw new AssertionError("event lacks header " + header + ": " + event);
            }
        }
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(event.header(CloudEventHeaders.SPEC_VERSION))) {
            throw new AssertionError("unexpected spec version: " + event);
        }
        if (event.key() == null || event.key().isBlank()) {
            throw new AssertionError("event has no key: " + event);
        }
        String type = Objects.requireNonNull(event.type(), "the type is a required header, checked above");
        EventContractValidator.shared().requireValid(type, event.payload());
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
