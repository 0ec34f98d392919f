package org.arrival.notifications.webhooks.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Webhooks and their delivery log in PostgreSQL; changes through the API are conditional on the version. */
@Repository
public class WebhookRepository {

    private static final Map<String, String> DELIVERY_SORT =
            Map.of("createdAt", "created_at", "sentAt", "sent_at", "attempts", "attempts");

    private final JdbcTemplate jdbc;

    public WebhookRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A webhook row; {@code secret} never leaves the service except once, when it is generated. */
    public record StoredWebhook(
            UUID id,
            long version,
            UUID ownerOrg,
            String url,
            String secret,
            List<String> eventTypes,
            boolean active,
            int failures,
            @Nullable String disabledReason,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            String updatedBy) {}

    /** One line of a webhook's delivery log. */
    public record DeliveryLine(
            UUID id,
            String eventId,
            String target,
            String status,
            int attempts,
            Instant nextAttemptAt,
            @Nullable Integer lastStatus,
            @Nullable String lastError,
            Instant createdAt,
            @Nullable Instant sentAt) {}

    public static List<String> deliverySortable() {
        return List.of("createdAt", "sentAt", "attempts");
    }

    public void insert(StoredWebhook w) {
        jdbc.update(
                """
                INSERT INTO webhook (id, version, owner_org, url, secret, event_types, active, failures,
                    disabled_reason, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?)""",
                w.id(),
                w.version(),
                w.ownerOrg(),
                w.url(),
                w.secret(),
                textArray(w.eventTypes()),
                w.active(),
                w.failures(),
                w.disabledReason(),
                Timestamp.from(w.createdAt()),
                w.createdBy(),
                Timestamp.from(w.updatedAt()),
                w.updatedBy());
    }

    /** Writes url, secret, event types, active, failures and reason at the next version; 412 if it moved on. */
    public void update(StoredWebhook w, long expectedVersion) {
        int updated = jdbc.update(
                """
                UPDATE webhook SET version = ?, url = ?, secret = ?, event_types = ?::text[], active = ?, failures = ?,
                    disabled_reason = ?, updated_at = ?, updated_by = ?
                 WHERE id = ? AND version = ?""",
                w.version(),
                w.url(),
                w.secret(),
                textArray(w.eventTypes()),
                w.active(),
                w.failures(),
                w.disabledReason(),
                Timestamp.from(w.updatedAt()),
                w.updatedBy(),
                w.id(),
                expectedVersion);
        if (updated != 1) {
            throw new StaleVersion("webhook", w.id(), expectedVersion);
        }
    }

    public boolean delete(UUID id) {
        return jdbc.update("DELETE FROM webhook WHERE id = ?", id) == 1;
    }

    public Optional<StoredWebhook> find(UUID id) {
        return jdbc.query("SELECT * FROM webhook WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    public Optional<StoredWebhook> findForUpdate(UUID id) {
        return jdbc.query("SELECT * FROM webhook WHERE id = ? FOR UPDATE", this::map, id).stream()
                .findFirst();
    }

    public PageResult<StoredWebhook> ofOwner(UUID owner, PageQuery page) {
        long total = Objects.requireNonNull(
                jdbc.queryForObject("SELECT count(*) FROM webhook WHERE owner_org = ?", Long.class, owner),
                "count(*) gives one row");
        List<StoredWebhook> items = jdbc.query(
                "SELECT * FROM webhook WHERE owner_org = ? ORDER BY created_at " + (page.descending() ? "DESC" : "ASC")
                        + ", id LIMIT ? OFFSET ?",
                this::map,
                owner,
                page.size(),
                page.offset());
        return PageResult.of(items, page, total);
    }

    /** A successful delivery: the count of consecutive failures starts again. */
    public void recordSuccess(UUID id) {
        jdbc.update("UPDATE webhook SET failures = 0 WHERE id = ? AND failures <> 0", id);
    }

    /**
     * A failed delivery: one more consecutive failure, and the webhook disabled (at a new version, so clients see
     * the change) once they reach {@code disableAfter}. Returns true if this failure disabled it.
     */
    public boolean recordFailure(UUID id, int disableAfter, Instant at) {
        Boolean disabled = jdbc.query(
                """
                WITH old AS (SELECT id, active, failures FROM webhook WHERE id = ? FOR UPDATE)
                UPDATE webhook w SET failures = old.failures + 1,
                    active = old.active AND old.failures + 1 < ?,
                    disabled_reason = CASE WHEN old.active AND old.failures + 1 >= ?
                        THEN 'disabled after ' || (old.failures + 1) || ' consecutive failed deliveries'
                        ELSE w.disabled_reason END,
                    version = CASE WHEN old.active AND old.failures + 1 >= ? THEN w.version + 1 ELSE w.version END,
                    updated_at = CASE WHEN old.active AND old.failures + 1 >= ? THEN ? ELSE w.updated_at END,
                    updated_by = CASE WHEN old.active AND old.failures + 1 >= ? THEN 'system' ELSE w.updated_by END
                  FROM old
                 WHERE w.id = old.id
                RETURNING old.active AND NOT w.active""",
                rs -> rs.next() ? rs.getBoolean(1) : false,
                id,
                disableAfter,
                disableAfter,
                disableAfter,
                disableAfter,
                Timestamp.from(at),
                disableAfter);
        return Boolean.TRUE.equals(disabled);
    }

    public PageResult<DeliveryLine> deliveries(UUID webhookId, @Nullable String status, PageQuery page) {
        List<Object> args = new ArrayList<>();
        args.add(webhookId);
        String where = "channel = 'WEBHOOK' AND webhook_id = ?";
        if (status != null) {
            where += " AND status = ?";
            args.add(status);
        }
        long total = Objects.requireNonNull(
                jdbc.queryForObject("SELECT count(*) FROM delivery WHERE " + where, Long.class, args.toArray()),
                "count(*) gives one row");
        String order =
                DELIVERY_SORT.get(page.sortField()) + (page.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST");
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<DeliveryLine> items = jdbc.query(
                "SELECT * FROM delivery WHERE " + where + " ORDER BY " + order + ", id LIMIT ? OFFSET ?",
                (rs, n) -> new DeliveryLine(
                        rs.getObject("id", UUID.class),
                        rs.getString("event_id"),
                        rs.getString("target"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        instant(rs, "next_attempt_at"),
                        (Integer) rs.getObject("last_status"),
                        rs.getString("last_error"),
                        instant(rs, "created_at"),
                        optionalInstant(rs, "sent_at")),
                pageArgs.toArray());
        return PageResult.of(items, page, total);
    }

    private StoredWebhook map(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        List<String> eventTypes = types == null ? List.of() : Arrays.asList((String[]) types.getArray());
        return new StoredWebhook(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                rs.getObject("owner_org", UUID.class),
                rs.getString("url"),
                rs.getString("secret"),
                List.copyOf(eventTypes),
                rs.getBoolean("active"),
                rs.getInt("failures"),
                rs.getString("disabled_reason"),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    /** A NOT NULL timestamp column. */
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant optionalInstant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A PostgreSQL text[] literal; event types are catalogue names (letters, digits, dots), quoted anyway. */
    private static String textArray(List<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return sb.append('}').toString();
    }
}
