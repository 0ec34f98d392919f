package org.arrival.benchmarks.events;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.arrival.benchmarks.measure.Rate;
import org.arrival.contracts.EventContractValidator;
import org.jspecify.annotations.Nullable;

/**
 * Writes a history straight to the platform's topics, as the action-plans service's relay would have published it
 * over the years: contract payloads with every CloudEvents header, keyed by action. The payloads come from the
 * contract records; every event of the first actions and one in a thousand of the rest are also checked against
 * their JSON Schema (checking a million would take longer than writing them).
 */
public final class HistorySeed {

    private HistorySeed() {}

    /** How much was written, how fast, and how many payloads were checked against their schema. */
    public record Seeded(long events, long bytes, Rate rate, long validated) {
        public double meanSize() {
            return events == 0 ? 0 : bytes / (double) events;
        }
    }

    /** Writes the events to their own topics, checking a sample against their schema. */
    public static Seeded publish(Iterable<HistoryEvent> events, String bootstrap) {
        return write(events, bootstrap, null, true);
    }

    /**
     * Writes every event of the history to {@code topic} (null: each to its own topic) with a producer of default
     * settings (acks=all, idempotent), and waits until the broker acknowledged all of them.
     */
    static Seeded write(Iterable<HistoryEvent> events, String bootstrap, @Nullable String topic, boolean validate) {
        EventContractValidator contracts = EventContractValidator.shared();
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong acknowledged = new AtomicLong();
        long count = 0;
        long bytes = 0;
        long validated = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "arrival-benchmark"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (HistoryEvent e : events) {
                if (validate && (count < 5_000 || count % 1_000 == 0)) {
                    contracts.requireValid(e.type(), e.payload());
                    validated++;
                }
                producer.send(e.record(topic == null ? e.topic() : topic), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
                count++;
                bytes += e.size();
                if (failure.get() != null) {
                    break;
                }
            }
            producer.flush();
        }
        long end = System.nanoTime();
        if (failure.get() != null) {
            throw new IllegalStateException("the broker refused an event: " + failure.get(), failure.get());
        }
        if (acknowledged.get() != count) {
            throw new IllegalStateException(count + " events sent, " + acknowledged.get() + " acknowledged");
        }
        return new Seeded(count, bytes, Rate.between(count, start, end), validated);
    }
}
