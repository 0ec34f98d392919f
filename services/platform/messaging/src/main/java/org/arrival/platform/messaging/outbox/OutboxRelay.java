package org.arrival.platform.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.platform.messaging.MessagingProperties;
import org.arrival.platform.messaging.tracing.EventTracing;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the outbox to Kafka.
 * <ul>
 * <li>One instance per service publishes at a time: it holds a PostgreSQL advisory lock on a connection of its
 * own; standbys retry and take over when that connection goes away.</li>
 * <li>It reads every committed, unsent row in position order, so a transaction that commits after a later one
 * is published as soon as it is visible, never skipped. One aggregate's events are ordered by position
 * because its writers serialise on the aggregate's row.</li>
 * <li>A row is marked sent only after the broker acknowledged it (acks=all, idempotent producer); on failure
 * only the acknowledged prefix is marked and the rest is sent again, so delivery is at least once and in order.
 * Consumers de-duplicate on {@code ce_id}.</li>
 * <li>A commit wakes it at once through LISTEN/NOTIFY; it also looks every {@code idleWait} as a safety net.</li>
 * </ul>
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    private final DataSource dataSource;
    private final Map<String, Object> producerConfig;
    private final String source;
    private final MessagingProperties.Relay settings;
    private final EventTracing tracing;
    private final AtomicLong published = new AtomicLong();

    /** The phase of the relay's start and stop: after the web server's and the listener containers'. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private volatile boolean running;
    private volatile boolean finishing;
    private volatile boolean leader;
    private @Nullable Thread worker;
    private @Nullable Connection connection;
    private @Nullable Producer<String, byte[]> producer;
    private Instant nextCleanup = Instant.now();

    public OutboxRelay(
            DataSource dataSource,
            Map<String, Object> kafkaProducerProperties,
            String source,
            MessagingProperties.Relay settings) {
        this(dataSource, kafkaProducerProperties, source, settings, EventTracing.none());
    }

    /** With tracing: a record continues the trace of the work that wrote its row ({@code traceparent} header). */
    public OutboxRelay(
            DataSource dataSource,
            Map<String, Object> kafkaProducerProperties,
            String source,
            MessagingProperties.Relay settings,
            EventTracing tracing) {
        this.dataSource = dataSource;
        this.source = source;
        this.settings = settings;
        this.tracing = tracing;
        this.producerConfig = producerConfig(kafkaProducerProperties, settings);
    }

    static Map<String, Object> producerConfig(Map<String, Object> base, MessagingProperties.Relay settings) {
        Map<String, Object> config = new HashMap<>(base);
        long send = settings.sendTimeout().toMillis();
        long request = Math.max(1000, Math.min(10_000, send - 500));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) request);
        // The producer must never give up on a record by itself: a batch it expires may be followed by later
        // batches of the same partition that it does deliver, which puts an aggregate's events out of order.
        // The relay gives up instead (sendTimeout) by closing the producer, which leaves a per-partition prefix.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(send, 5000));
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return config;
    }

    /** Whether this instance currently holds the publishing lock. */
    public boolean isLeader() {
        return leader;
    }

    /** Events this instance has published since it started. */
    public long publishedCount() {
        return published.get();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        finishing = false;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Publishes what is committed, then stops. It is the last part of the service to stop (see {@link #getPhase}):
     * the web server and the listeners no longer take work, so what is in the outbox now is all there will be.
     * Whatever it cannot publish in time stays in the outbox for the next start.
     */
    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            finishing = true;
            t = worker;
        }
        if (t != null) {
            try {
                t.join(settings.idleWait().toMillis() + settings.sendTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running = false;
            try {
                t.join(settings.sendTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
        resign();
        closeProducer();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Below the web server's (it stops taking requests at {@code DEFAULT_PHASE - 1024} and stops at
     * {@code DEFAULT_PHASE - 2048}) and the listener containers' ({@code DEFAULT_PHASE - 100}): phases stop from the
     * highest down, so the relay stops last and publishes what the requests and listeners committed before.
     */
    @Override
    public int getPhase() {
        return PHASE;
    }

    private void run() {
        long backoffMs = 0;
        while (running) {
            try {
                if (!leader && !tryLead()) {
                    if (finishing) {
                        return; // a standby has nothing to publish
                    }
                    pause(settings.leaderRetry().toMillis());
                    continue;
                }
                int sent = drain();
                backoffMs = 0;
                if (finishing && sent == 0) {
                    return;
                }
                cleanupIfDue();
                if (sent == 0) {
                    awaitCommit();
                }
            } catch (SQLException e) {
                if (finishing) {
                    return; // what is left is published after the next start
                }
                log.warn("outbox relay lost its database connection; will try again: {}", e.getMessage());
                resign();
                backoffMs = nextBackoff(backoffMs);
                pause(backoffMs);
            } catch (PublishFailed e) {
                if (finishing) {
                    return;
                }
                backoffMs = nextBackoff(backoffMs);
                log.warn("broker did not acknowledge outbox events ({}); retrying in {} ms", e.getMessage(), backoffMs);
                closeProducer();
                pause(backoffMs);
            } catch (RuntimeException e) {
                if (finishing) {
                    return;
                }
                backoffMs = nextBackoff(backoffMs);
                log.warn("outbox relay round failed; retrying in {} ms", backoffMs, e);
                closeProducer();
                pause(backoffMs);
            }
        }
    }

    private long nextBackoff(long current) {
        return Math.min(settings.maxBackoff().toMillis(), Math.max(100, current * 2));
    }

    private boolean tryLead() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            boolean locked;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT pg_try_advisory_lock(hashtext('arrival-outbox:' || current_schema()))")) {
                rs.next();
                locked = rs.getBoolean(1);
            }
            if (!locked) {
                c.close();
                return false;
            }
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN arrival_outbox");
            }
            connection = c;
            leader = true;
            log.info("outbox relay is the publishing instance");
            return true;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void resign() {
        leader = false;
        if (connection != null) {
            try {
                // closing returns the pooled connection: release the lock and stop listening first
                try (Statement s = connection.createStatement()) {
                    s.execute("UNLISTEN *");
                    s.execute("SELECT pg_advisory_unlock_all()");
                }
            } catch (SQLException ignored) {
                // a broken connection holds no lock any more
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already gone
            }
            connection = null;
        }
    }

    /** The connection that holds the publishing lock: only the publishing instance reads and marks the outbox. */
    private Connection leaderConnection() {
        return Objects.requireNonNull(connection, "the outbox is read only while this instance is the publishing one");
    }

    private int drain() throws SQLException {
        int total = 0;
        while (running) {
            List<Row> rows = pending();
            if (rows.isEmpty()) {
                break;
            }
            publish(rows);
            total += rows.size();
            if (rows.size() < settings.batchSize()) {
                break;
            }
        }
        return total;
    }

    private List<Row> pending() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = leaderConnection().prepareStatement("""
                SELECT position, event_id, topic, message_key, event_type, subject, owner_org,
                       data_classification, occurred_at, payload, traceparent
                  FROM outbox_event
                 WHERE published_at IS NULL
                 ORDER BY position
                 LIMIT ?""")) {
            ps.setInt(1, settings.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getTimestamp(9).toInstant(),
                            rs.getBytes(10),
                            rs.getString(11)));
                }
            }
        }
        return rows;
    }

    private void publish(List<Row> rows) throws SQLException {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig);
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        List<EventTracing.Publishing> spans = new ArrayList<>(rows.size());
        RuntimeException sendFailure = null;
        try {
            for (Row row : rows) {
                EventTracing.Publishing span = tracing.publishing(row.traceparent(), row.topic());
                spans.add(span);
                Future<RecordMetadata> ack = producer.send(record(row, span.traceparent()));
                acks.add(ack);
                if (ack.isDone() && refused(ack)) {
                    // send() reports e.g. "topic not in metadata after max.block.ms" as a failed future, not by
                    // throwing: a later row sent now could reach the broker ahead of this one
                    break;
                }
            }
        } catch (RuntimeException e) {
            sendFailure = e;
        }
        // mark the acknowledged prefix only: a later row is never marked while an earlier one is unsent
        int acknowledged = 0;
        PublishFailed ackFailure = null;
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            } catch (ExecutionException e) {
                ackFailure = new PublishFailed(String.valueOf(e.getCause()));
            } catch (TimeoutException e) {
                ackFailure = new PublishFailed("no acknowledgement within " + settings.sendTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ackFailure = new PublishFailed("interrupted");
            }
            if (ackFailure != null) {
                break;
            }
        }
        for (int i = 0; i < spans.size(); i++) {
            if (i < acknowledged) {
                spans.get(i).acknowledged();
            } else {
                spans.get(i).failed(ackFailure != null ? ackFailure : sendFailure);
            }
        }
        markPublished(rows.subList(0, acknowledged));
        published.addAndGet(acknowledged);
        if (ackFailure != null) {
            throw ackFailure;
        }
        if (sendFailure != null) {
            throw new PublishFailed(sendFailure.toString());
        }
    }

    private static boolean refused(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private ProducerRecord<String, byte[]> record(Row row, @Nullable String traceparent) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        header(r, CloudEventHeaders.ID, row.eventId());
        header(r, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(r, CloudEventHeaders.TYPE, row.type());
        header(r, CloudEventHeaders.SOURCE, source);
        header(r, CloudEventHeaders.SUBJECT, row.subject());
        header(r, CloudEventHeaders.TIME, row.occurredAt().toString());
        header(r, CloudEventHeaders.OWNER_ORG, row.ownerOrg());
        header(r, CloudEventHeaders.DATA_CLASSIFICATION, row.classification());
        header(r, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (traceparent != null) {
            header(r, EventTracing.TRACEPARENT, traceparent);
        }
        return r;
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void markPublished(List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Long[] positions = rows.stream().map(Row::position).toArray(Long[]::new);
        Connection c = leaderConnection();
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox_event SET published_at = clock_timestamp() WHERE position = ANY(?) AND published_at IS NULL")) {
            Array array = c.createArrayOf("bigint", positions);
            ps.setArray(1, array);
            ps.executeUpdate();
        }
    }

    private void awaitCommit() throws SQLException {
        PGConnection pg = leaderConnection().unwrap(PGConnection.class);
        pg.getNotifications((int) Math.max(1, settings.idleWait().toMillis()));
    }

    private void cleanupIfDue() throws SQLException {
        if (Instant.now().isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = Instant.now().plus(CLEANUP_EVERY);
        try (PreparedStatement ps = leaderConnection()
                .prepareStatement(
                        "DELETE FROM outbox_event WHERE published_at < clock_timestamp() - make_interval(secs => ?)")) {
            ps.setDouble(1, (double) settings.keepPublished().toSeconds());
            int deleted = ps.executeUpdate();
            if (deleted > 0) {
                log.debug("removed {} published outbox rows", deleted);
            }
        }
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (RuntimeException ignored) {
                // nothing left to flush that is not still in the outbox
            }
            producer = null;
        }
    }

    private void pause(long ms) {
        long until = System.currentTimeMillis() + ms;
        while (running && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(Math.min(50, ms));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private record Row(
            long position,
            String eventId,
            String topic,
            String key,
            String type,
            String subject,
            String ownerOrg,
            String classification,
            Instant occurredAt,
            byte[] payload,
            @Nullable String traceparent) {}

    static final class PublishFailed extends RuntimeException {
        PublishFailed(String message) {
            super(message);
        }
    }
}
