package org.arrival.notifications.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries (e-mails, webhook calls) through the {@link DeliveryChannel} named by each row's
 * {@code channel}, and records what happened.
 *
 * <p>Rows are <em>claimed</em>, not locked, while they are sent: one short statement picks due rows oldest first
 * with {@code FOR UPDATE SKIP LOCKED} and moves their {@code next_attempt_at} a lease into the future, so no other
 * worker (in this or another instance) sees them as due while they are being sent, and no database transaction or
 * connection is held while a channel talks to an SMTP server or a webhook endpoint. The outcome is then recorded
 * by a second short statement, guarded by the lease, so a worker that lost its lease never overwrites what another
 * recorded. Should an instance die mid-send its rows fall due again when the lease runs out (at-least-once).
 *
 * <p>Every channel drains its rows on a virtual thread of its own, so a slow SMTP server never holds up webhook
 * calls or the other way round; within a channel every row is handled on its own (a channel that throws for one
 * row counts as a retryable failure of that row only). Channels bound each attempt with their own timeouts.
 *
 * <p>Outcomes: delivered → {@code SENT}; retryable and attempts left → {@code FAILED} with
 * {@code next_attempt_at = now + initial-backoff × 2^(attempts-1)}, capped at max-backoff; otherwise
 * {@code DEAD}. {@code attempts}, {@code last_status} and {@code last_error} are written every time. Rows of a
 * channel that has no bean here are left alone.
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    /** How the worker retries and claims; see {@code arrival.notifications.delivery.*}. */
    public record Settings(
            int maxAttempts, Duration initialBackoff, Duration maxBackoff, int batchSize, Duration lease) {

        public Settings {
            if (maxAttempts < 1 || batchSize < 1) {
                throw new IllegalArgumentException("max-attempts and batch-size must be at least 1");
            }
            if (initialBackoff.isNegative() || maxBackoff.isNegative() || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("backoffs must not be negative and the lease must be positive");
            }
        }
    }

    private final JdbcTemplate jdbc;
    private final Map<String, DeliveryChannel> channels;
    private final Settings settings;
    private final Map<String, AtomicBoolean> draining = new ConcurrentHashMap<>();

    @Autowired
    public DeliveryWorker(
            JdbcTemplate jdbc,
            List<DeliveryChannel> channels,
            @Value("${arrival.notifications.delivery.max-attempts}") int maxAttempts,
            @Value("${arrival.notifications.delivery.initial-backoff}") Duration initialBackoff,
            @Value("${arrival.notifications.delivery.max-backoff}") Duration maxBackoff,
            @Value("${arrival.notifications.delivery.batch-size:20}") int batchSize,
            // must comfortably exceed the longest single attempt (the channels' own timeouts)
            @Value("${arrival.notifications.delivery.lease:5m}") Duration lease) {
        this(jdbc, channels, new Settings(maxAttempts, initialBackoff, maxBackoff, batchSize, lease));
    }

    public DeliveryWorker(JdbcTemplate jdbc, List<DeliveryChannel> channels, Settings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        Map<String, DeliveryChannel> byName = new LinkedHashMap<>();
        for (DeliveryChannel channel : channels) {
            DeliveryChannel previous = byName.putIfAbsent(channel.name(), channel);
            if (previous != null) {
                throw new IllegalStateException("two delivery channels are named " + channel.name() + ": "
                        + previous.getClass().getName() + " and "
                        + channel.getClass().getName());
            }
        }
        this.channels = Map.copyOf(byName);
    }

    /**
     * The schedule: starts draining every channel that is not still busy with an earlier poll and returns at once,
     * so a channel stuck on a slow receiver delays neither the next poll nor the other channels.
     */
    @Scheduled(
            initialDelayString = "${arrival.notifications.delivery.poll-interval}",
            fixedDelayString = "${arrival.notifications.delivery.poll-interval}")
    public void poll() {
        for (DeliveryChannel channel : channels.values()) {
            AtomicBoolean busy = draining.computeIfAbsent(channel.name(), n -> new AtomicBoolean());
            if (busy.compareAndSet(false, true)) {
                Thread.ofVirtual().name("delivery-" + channel.name()).start(() -> {
                    try {
                        drain(channel);
                    } catch (RuntimeException e) {
                        log.error("delivery worker for {} failed", channel.name(), e);
                    } finally {
                        busy.set(false);
                    }
                });
            }
        }
    }

    /**
     * Sends everything due now, every channel on a virtual thread of its own, and returns when all are done.
     *
     * @return how many deliveries were attempted
     */
    public int runDue() {
        List<Future<Integer>> runs = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (DeliveryChannel channel : channels.values()) {
                runs.add(executor.submit(() -> drain(channel)));
            }
        }
        int attempted = 0;
        for (Future<Integer> run : runs) {
            try {
                attempted += run.get();
            } catch (ExecutionException e) {
                log.error("delivery worker failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return attempted;
    }

    /** Claims and sends one channel's due rows batch by batch until none is left. */
    private int drain(DeliveryChannel channel) {
        int attempted = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<Claimed> batch = claim(channel.name());
            long claimedAt = System.nanoTime();
            boolean stopped = false;
            for (Claimed row : batch) {
                // past half the lease another worker may soon take the rest: hand them back instead of racing it
                if (stopped
                        || Duration.ofNanos(System.nanoTime() - claimedAt)
                                        .compareTo(settings.lease().dividedBy(2))
                                > 0) {
                    stopped = true;
                    release(row);
                    continue;
                }
                attempt(channel, row);
                attempted++;
            }
            if (stopped || batch.size() < settings.batchSize()) {
                return attempted;
            }
        }
        return attempted;
    }

    private List<Claimed> claim(String channel) {
        List<Claimed> rows = jdbc.query(
                """
                WITH due AS (
                    SELECT id, next_attempt_at AS due_at FROM delivery
                     WHERE channel = ? AND status IN ('PENDING', 'FAILED') AND next_attempt_at <= now()
                     ORDER BY next_attempt_at, created_at
                     LIMIT ?
                       FOR UPDATE SKIP LOCKED)
                UPDATE delivery d SET next_attempt_at = now() + ? * interval '1 millisecond'
                  FROM due WHERE d.id = due.id
                RETURNING d.id, d.channel, d.subscription_id, d.webhook_id, d.event_id, d.target, d.subject,
                          d.payload, d.attempts, d.next_attempt_at AS lease_until, due.due_at, d.created_at
                """,
                DeliveryWorker::claimed,
                channel,
                settings.batchSize(),
                settings.lease().toMillis());
        rows.sort(Comparator.comparing(Claimed::dueAt).thenComparing(Claimed::createdAt));
        return rows;
    }

    private void attempt(DeliveryChannel channel, Claimed row) {
        DeliveryOutcome outcome;
        try {
            outcome = channel.deliver(row.delivery());
            if (outcome == null) {
                outcome = DeliveryOutcome.retryLater(null, channel.name() + " channel returned no outcome");
            }
        } catch (RuntimeException e) {
            log.warn(
                    "{} channel threw for delivery {}",
                    channel.name(),
                    row.delivery().id(),
                    e);
            outcome = DeliveryOutcome.retryLater(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            record(row, outcome);
        } catch (RuntimeException e) {
            // the row keeps its lease and falls due again when it runs out
            log.error(
                    "could not record the outcome of delivery {}",
                    row.delivery().id(),
                    e);
        }
    }

    private void record(Claimed row, DeliveryOutcome outcome) {
        int attempts = row.delivery().attempts() + 1;
        String error = truncate(outcome.error());
        int updated;
        if (outcome.delivered()) {
            updated = jdbc.update(
                    """
                    UPDATE delivery SET status = 'SENT', attempts = ?, sent_at = now(), next_attempt_at = now(),
                           last_status = ?, last_error = ?
                     WHERE id = ? AND status IN ('PENDING', 'FAILED') AND next_attempt_at = ?
                    """, attempts, outcome.status(), error, row.delivery().id(), row.leaseUntil());
        } else if (outcome.retryable() && attempts < settings.maxAttempts()) {
            updated = jdbc.update(
                    """
                    UPDATE delivery SET status = 'FAILED', attempts = ?,
                           next_attempt_at = now() + ? * interval '1 millisecond', last_status = ?, last_error = ?
                     WHERE id = ? AND status IN ('PENDING', 'FAILED') AND next_attempt_at = ?
                    """,
                    attempts,
                    backoff(attempts).toMillis(),
                    outcome.status(),
                    error,
                    row.delivery().id(),
                    row.leaseUntil());
        } else {
            updated = jdbc.update(
                    """
                    UPDATE delivery SET status = 'DEAD', attempts = ?, next_attempt_at = now(),
                           last_status = ?, last_error = ?
                     WHERE id = ? AND status IN ('PENDING', 'FAILED') AND next_attempt_at = ?
                    """, attempts, outcome.status(), error, row.delivery().id(), row.leaseUntil());
            log.warn(
                    "gave up on {} delivery {} after {} attempt(s): {}",
                    row.delivery().channel(),
                    row.delivery().id(),
                    attempts,
                    error);
        }
        if (updated == 0) {
            log.warn(
                    "delivery {} was taken over by another worker before its outcome was recorded",
                    row.delivery().id());
        }
    }

    /** Hands an unsent claimed row back: due again as it was before. */
    private void release(Claimed row) {
        jdbc.update(
                "UPDATE delivery SET next_attempt_at = ? WHERE id = ? AND status IN ('PENDING', 'FAILED') AND next_attempt_at = ?",
                row.dueAt(),
                row.delivery().id(),
                row.leaseUntil());
    }

    /** initial-backoff × 2^(attempts-1), capped at max-backoff. */
    Duration backoff(int attempts) {
        Duration delay = settings.initialBackoff();
        for (int i = 1; i < attempts && delay.compareTo(settings.maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    private static @Nullable String truncate(@Nullable String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    private static Claimed claimed(ResultSet rs, int n) throws SQLException {
        PendingDelivery delivery = new PendingDelivery(
                rs.getObject("id", UUID.class),
                rs.getString("channel"),
                rs.getObject("subscription_id", UUID.class),
                rs.getObject("webhook_id", UUID.class),
                rs.getString("event_id"),
                rs.getString("target"),
                rs.getString("subject"),
                rs.getString("payload"),
                rs.getInt("attempts"));
        return new Claimed(
                delivery,
                rs.getObject("lease_until", OffsetDateTime.class),
                rs.getObject("due_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private record Claimed(
            PendingDelivery delivery, OffsetDateTime leaseUntil, OffsetDateTime dueAt, OffsetDateTime createdAt) {}
}
