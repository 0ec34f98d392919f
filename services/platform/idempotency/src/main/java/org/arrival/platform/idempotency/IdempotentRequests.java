package org.arrival.platform.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The keys users sent with their writes, in the service's own database: one row per user and key, in progress
 * while the first request runs, then its answer until the row expires. The primary key decides races: of two
 * requests arriving together with one key, one inserts the row and the other finds it.
 */
public class IdempotentRequests {

    /** How often, at most, one instance deletes every expired row (on a claim). */
    static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private static final int CLAIM_TRIES = 3;

    private final JdbcTemplate jdbc;
    private final IdempotencyProperties properties;
    private final Clock clock;
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

    public IdempotentRequests(JdbcTemplate jdbc, IdempotencyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Takes the user's key for the request with this fingerprint, or says what the key already stands for. An
     * expired row, or one left in progress longer than {@code abandon-after}, is taken over.
     */
    public Claim claim(String userId, String key, String fingerprint) {
        Instant now = clock.instant();
        purgeExpired(now);
        for (int i = 0; i < CLAIM_TRIES; i++) {
            UUID attempt = UUID.randomUUID();
            int taken = jdbc.update(
                    """
                    INSERT INTO idempotent_request (user_id, idem_key, fingerprint, attempt, started_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (user_id, idem_key) DO UPDATE
                    SET fingerprint = EXCLUDED.fingerprint, attempt = EXCLUDED.attempt, started_at = EXCLUDED.started_at,
                        completed_at = NULL, status = NULL, content_type = NULL, location = NULL, etag = NULL, body = NULL
                    WHERE idempotent_request.started_at < ?
                       OR (idempotent_request.status IS NULL AND idempotent_request.started_at < ?)""",
                    userId,
                    key,
                    fingerprint,
                    attempt,
                    Timestamp.from(now),
                    Timestamp.from(now.minus(properties.retention())),
                    Timestamp.from(now.minus(properties.abandonAfter())));
            if (taken == 1) {
                return new Claim.Started(new Claim.Attempt(userId, key, attempt));
            }
            List<Claim> held = jdbc.query(
                    """
                    SELECT fingerprint, status, content_type, location, etag, body
                    FROM idempotent_request WHERE user_id = ? AND idem_key = ?""",
                    (rs, n) -> {
                        if (!fingerprint.equals(rs.getString("fingerprint"))) {
                            return new Claim.OtherRequest();
                        }
                        int status = rs.getInt("status");
                        if (rs.wasNull()) {
                            return new Claim.Running();
                        }
                        byte[] body = rs.getBytes("body");
                        return new Claim.Answered(new StoredAnswer(
                                status,
                                rs.getString("content_type"),
                                rs.getString("location"),
                                rs.getString("etag"),
                                body == null ? new byte[0] : body));
                    },
                    userId,
                    key);
            if (!held.isEmpty()) {
                return held.getFirst();
            }
            // the holder released the key between the insert and the read: try to take it again
        }
        return new Claim.Running();
    }

    /** Records the answer of the attempt's run, for retries to receive. */
    public void complete(Claim.Attempt attempt, StoredAnswer answer) {
        jdbc.update(
                """
                UPDATE idempotent_request
                SET status = ?, content_type = ?, location = ?, etag = ?, body = ?, completed_at = ?
                WHERE user_id = ? AND idem_key = ? AND attempt = ?""",
                answer.status(),
                answer.contentType(),
                answer.location(),
                answer.etag(),
                answer.body(),
                Timestamp.from(clock.instant()),
                attempt.userId(),
                attempt.key(),
                attempt.id());
    }

    /** Frees the key after a run that failed (5xx, an exception): a retry runs the request again. */
    public void release(Claim.Attempt attempt) {
        jdbc.update(
                "DELETE FROM idempotent_request WHERE user_id = ? AND idem_key = ? AND attempt = ?",
                attempt.userId(),
                attempt.key(),
                attempt.id());
    }

    /** Deletes every row older than the retention; returns how many. */
    public int deleteExpired() {
        return jdbc.update(
                "DELETE FROM idempotent_request WHERE started_at < ?",
                Timestamp.from(clock.instant().minus(properties.retention())));
    }

    private void purgeExpired(Instant now) {
        Instant due = nextPurge.get();
        if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
            return;
        }
        deleteExpired();
    }
}
