package org.arrival.forum.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.arrival.forum.projection.domain.ProjectedEvent;
import org.arrival.forum.projection.domain.Projector;
import org.arrival.platform.messaging.consumer.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the projection from the topics alone: a new generation of the tables, filled by a consumer of its own
 * (manually assigned every partition of every topic, from the beginning to the end offsets seen at the start),
 * then made active in one transaction. Events arriving meanwhile are applied to the new generation by the live
 * listener as well, so nothing falls between the replay's end and the switch.
 *
 * <p>Up to {@code batch-size} events are applied in one transaction holding the generation's lock, a poll at a time:
 * the poll's events not logged yet are logged in one JDBC batch, and the rows they touch are read once and kept in
 * memory ({@link BatchStore}) until the transaction writes each changed row once, rather than a read and a write per
 * event. A history interleaves many records, so the more events a transaction spans, the more each written row
 * stands for; {@code max-rows} bounds the rows held, and so the memory. The live listener waits for the lock
 * meanwhile (a few seconds at most).
 */
@Component
public class Rebuild implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(Rebuild.class);

    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Generations generations;
    private final EventLog log;
    private final KafkaProperties kafka;
    private final Duration pollTimeout;
    private final Duration maxDuration;
    private final int batchSize;
    private final int maxRows;
    private final ExecutorService runner =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    /** The share of the history the running (or last) rebuild on this instance has applied, 0..1. */
    private final AtomicReference<Double> progress = new AtomicReference<>(0.0);

    public Rebuild(
            JdbcTemplate jdbc,
            org.springframework.transaction.PlatformTransactionManager transactions,
            Generations generations,
            EventLog log,
            KafkaProperties kafka,
            @Value("${arrival.forum.rebuild.poll-timeout:1s}") Duration pollTimeout,
            @Value("${arrival.forum.rebuild.max-duration:30m}") Duration maxDuration,
            @Value("${arrival.forum.rebuild.batch-size:50000}") int batchSize,
            @Value("${arrival.forum.rebuild.max-rows:15000}") int maxRows,
            ApplicationEventPublisher events) {
        this.maxRows = maxRows;
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.generations = generations;
        this.log = log;
        this.kafka = kafka;
        this.pollTimeout = pollTimeout;
        this.maxDuration = maxDuration;
        this.batchSize = batchSize;
    }

    public record Status(
            UUID id,
            int generation,
            String status,
            Instant startedAt,
            @Nullable Instant finishedAt,
            long eventsRead,
            @Nullable String error) {}

    /** Starts a rebuild, or returns the one already running. */
    public synchronized Status start() {
        Optional<Status> running =
                jdbc.query("SELECT * FROM fv_rebuild WHERE status = 'RUNNING'", Rebuild::status).stream()
                        .findFirst();
        if (running.isPresent()) {
            return running.get();
        }
        UUID id = UUID.randomUUID();
        Integer generation = transactions.execute(tx -> {
            int g = generations.startBuilding();
            jdbc.update(
                    "INSERT INTO fv_rebuild (id, generation, status, started_at) VALUES (?, ?, 'RUNNING', now())",
                    id,
                    g);
            return g;
        });
        runner.submit(() -> run(id, generation));
        return find(id).orElseThrow();
    }

    /** {@code arrival.forum.rebuild.progress}: see {@link #progress}. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("arrival.forum.rebuild.progress", progress, AtomicReference::get)
                .description(
                        "Share of the event history the running or last rebuild on this instance has applied (0..1)")
                .register(registry);
    }

    public Optional<Status> find(UUID id) {
        return jdbc.query("SELECT * FROM fv_rebuild WHERE id = ?", Rebuild::status, id).stream()
                .findFirst();
    }

    /** Replays every topic into the generation and switches over; synchronous. */
    void run(UUID id, int generation) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(id)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : ProjectionListener.topics()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            long total = 0;
            for (Map.Entry<TopicPartition, Long> start :
                    consumer.beginningOffsets(partitions).entrySet()) {
                total += Math.max(0, end.getOrDefault(start.getKey(), 0L) - start.getValue());
            }
            progress.set(0.0);
            Instant deadline = Instant.now().plus(maxDuration);
            long read = 0;
            while (!caughtUp(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("rebuild did not reach the end offsets within " + maxDuration);
                }
                // several polls to a transaction: a record that many of them touch is read and written once
                Long applied = transactions.execute(tx -> {
                    generations.lock(generation);
                    BatchStore store = new BatchStore(new JdbcStore(jdbc, generation));
                    long n = 0;
                    while (n < batchSize && store.rowsHeld() < maxRows && !caughtUp(consumer, end)) {
                        List<ProjectedEvent> poll = poll(consumer, end);
                        if (poll.isEmpty()) {
                            break;
                        }
                        log.appendMissing(poll);
                        store.preload(poll);
                        for (ProjectedEvent event : poll) {
                            Projector.apply(store, event);
                        }
                        n += poll.size();
                    }
                    store.flush();
                    return n;
                });
                if (applied != null && applied > 0) {
                    read += applied;
                    jdbc.update("UPDATE fv_rebuild SET events_read = ? WHERE id = ?", read, id);
                    progress.set(total == 0 ? 1.0 : Math.min(1.0, (double) read / total));
                }
            }
            transactions.executeWithoutResult(tx -> {
                generations.lock(generation);
                generations.switchTo(generation);
                jdbc.update("UPDATE fv_rebuild SET status = 'COMPLETED', finished_at = now() WHERE id = ?", id);
                events.publishEvent(ProjectionChanged.rebuilt());
            });
            progress.set(1.0);
            LOG.info("rebuild {} completed: generation {} active after {} events", id, generation, read);
        } catch (RuntimeException e) {
            LOG.error("rebuild {} failed", id, e);
            transactions.executeWithoutResult(tx -> {
                generations.fail(generation);
                jdbc.update(
                        "UPDATE fv_rebuild SET status = 'FAILED', finished_at = now(), error = ? WHERE id = ?",
                        String.valueOf(e.getMessage()),
                        id);
            });
        }
    }

    /** One poll's events that lie before the end offsets. */
    private List<ProjectedEvent> poll(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        List<ProjectedEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(pollTimeout)) {
            Long stop = end.get(new TopicPartition(record.topic(), record.partition()));
            if (stop != null && record.offset() < stop) {
                events.add(EventLog.of(InboundEvent.from(record)));
            }
        }
        return events;
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private KafkaConsumer<String, byte[]> consumer(UUID id) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG); // manual assignment, no group and no committed offsets
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "forum-rebuild-" + id);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(batchSize, 2000));
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Status status(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        java.sql.Timestamp finished = rs.getTimestamp("finished_at");
        return new Status(
                rs.getObject("id", UUID.class),
                rs.getInt("generation"),
                rs.getString("status"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getLong("events_read"),
                rs.getString("error"));
    }
}
