package org.arrival.benchmarks.events;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.arrival.benchmarks.measure.Latencies;
import org.arrival.benchmarks.measure.Rate;

/**
 * The raw broker: the same records (same keys, headers and payloads) produced to a topic of their own on the same
 * broker, with the plain Kafka client and its default settings, then consumed from the beginning; and the end-to-end
 * latency of single records at a light, steady rate. The topic has as many partitions as the platform's and is
 * deleted afterwards.
 */
public final class KafkaBaseline {

    private KafkaBaseline() {}

    public record Throughput(Rate produce, Rate consume, long bytes) {}

    public static Throughput throughput(Iterable<HistoryEvent> events, String bootstrap, Admin admin) {
        String topic = createTopic(admin);
        try {
            HistorySeed.Seeded produced = HistorySeed.write(events, bootstrap, topic, false);
            return new Throughput(produced.rate(), consumeAll(bootstrap, topic, produced.events()), produced.bytes());
        } finally {
            deleteTopic(admin, topic);
        }
    }

    /** Reads the topic from the beginning until {@code expected} records were read. */
    static Rate consumeAll(String bootstrap, String topic, long expected) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            long start = System.nanoTime();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long bytes = 0;
            long deadline = start + Duration.ofMinutes(30).toNanos();
            while (read < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    bytes += r.value().length; // touch every record, as a consumer would
                }
            }
            if (read < expected) {
                throw new IllegalStateException("read " + read + " of " + expected + " records of " + topic);
            }
            return Rate.between(read, start, System.nanoTime());
        }
    }

    /**
     * Produce-to-consume latency of single records (of {@code size} bytes) sent at {@code perSecond} for the duration,
     * producer with acks=all and the outbox relay's linger of 1 ms, consumer polling in a loop.
     */
    public static Latencies.Summary endToEnd(
            String bootstrap, Admin admin, int size, double perSecond, Duration duration) {
        String topic = createTopic(admin);
        Latencies latencies = new Latencies();
        AtomicBoolean done = new AtomicBoolean();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 1),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before anything is sent
            Thread reader = Thread.ofPlatform().name("baseline-reader").start(() -> {
                while (!done.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        latencies.record(
                                System.nanoTime() - ByteBuffer.wrap(r.value()).getLong());
                    }
                }
            });
            long interval = (long) (1e9 / perSecond);
            long end = System.nanoTime() + duration.toNanos();
            for (long next = System.nanoTime(); next < end; next += interval) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                byte[] value = new byte[Math.max(size, Long.BYTES)];
                ByteBuffer.wrap(value).putLong(System.nanoTime());
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
            }
            producer.flush();
            sleep(1000);
            done.set(true);
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            deleteTopic(admin, topic);
        }
        return latencies.summary();
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "arrival-benchmark-baseline",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static String createTopic(Admin admin) {
        String topic =
                "arrival.benchmark.baseline-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(60, TimeUnit.SECONDS);
            // a producer that writes before every partition has its leader gets NOT_LEADER, then, being idempotent,
            // out-of-order sequence errors it retries for minutes: wait for the leaders first
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!led(admin, topic)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the partitions of " + topic + " got no leader within 60 s");
                }
                sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create " + topic + ": " + e, e);
        }
        return topic;
    }

    private static boolean led(Admin admin, String topic) throws InterruptedException {
        try {
            var description = Objects.requireNonNull(
                    admin.describeTopics(List.of(topic))
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS)
                            .get(topic),
                    "the broker describes every topic asked for, or fails");
            return description.partitions().stream()
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private static void deleteTopic(Admin admin, String topic) {
        try {
            admin.deleteTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("could not delete " + topic + ": " + e);
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
