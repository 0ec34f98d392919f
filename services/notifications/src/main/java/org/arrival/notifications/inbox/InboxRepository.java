package org.arrival.notifications.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.platform.directory.ReadSql;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications addressed to a user or to their organisation, with the user's read state. Each method takes the
 * organisations hidden from the reader ({@link org.arrival.platform.security.Viewer#hiddenOrganisations}): a
 * notification naming one of them is left out as if it did not exist, also when it was hidden after the
 * notification was routed.
 */
@Repository
public class InboxRepository {

    private static final String MINE = "n.recipient_org = ? AND (n.recipient_user IS NULL OR n.recipient_user = ?)"
            + " AND NOT (n.organisations && ?::uuid[])";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;

    public InboxRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the reader's notifications: unread ones only, or only those about one record, if asked. */
    public PageResult<InboxItem> page(
            UUID org,
            String user,
            Collection<UUID> hidden,
            boolean unreadOnly,
            @Nullable UUID subject,
            PageQuery page) {
        String where = MINE
                + (unreadOnly ? " AND r.notification_id IS NULL" : "")
                + (subject == null ? "" : " AND n.subject_id = ?");
        String from = " FROM notification n LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = ?"
                + " WHERE " + where;
        List<Object> args = new ArrayList<>(List.of(user, org, user, ReadSql.array(hidden)));
        if (subject != null) {
            args.add(subject.toString());
        }
        Long total = jdbc.queryForObject("SELECT count(*)" + from, Long.class, args.toArray());
        args.add(page.size());
        args.add(page.offset());
        List<InboxItem> items = jdbc.query(
                "SELECT n.*, r.read_at" + from
                        + " ORDER BY n.created_at DESC, n.occurred_at DESC, n.id LIMIT ? OFFSET ?",
                InboxRepository::map,
                args.toArray());
        return PageResult.of(items, page, total == null ? 0 : total);
    }

    public long unread(UUID org, String user, Collection<UUID> hidden) {
        Long n = jdbc.queryForObject("""
                SELECT count(*) FROM notification n WHERE %s
                  AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = ?)""".formatted(MINE), Long.class, org, user, ReadSql.array(hidden), user);
        return n == null ? 0 : n;
    }

    public boolean visible(UUID id, UUID org, String user, Collection<UUID> hidden) {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM notification n WHERE n.id = ? AND " + MINE,
                Integer.class,
                id,
                org,
                user,
                ReadSql.array(hidden));
        return n != null && n > 0;
    }

    public void markRead(UUID id, String user) {
        jdbc.update("""
                INSERT INTO notification_read (notification_id, user_id, read_at) VALUES (?, ?, now())
                ON CONFLICT DO NOTHING""", id, user);
    }

    public int markAllRead(UUID org, String user, Collection<UUID> hidden) {
        return jdbc.update("""
                INSERT INTO notification_read (notification_id, user_id, read_at)
                SELECT n.id, ?, now() FROM notification n WHERE %s
                ON CONFLICT DO NOTHING""".formatted(MINE), user, org, user, ReadSql.array(hidden));
    }

    private static InboxItem map(ResultSet rs, int i) throws SQLException {
        Timestamp readAt = rs.getTimestamp("read_at");
        String parameters = rs.getString("parameters");
        return new InboxItem(
                rs.getObject("id", UUID.class),
                rs.getString("event_type"),
                rs.getString("subject_id"),
                rs.getString("code"),
                parameters == null ? Map.of() : JSON.readValue(parameters, PARAMETERS),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("link"),
                rs.getString("classification"),
                rs.getString("recipient_user") != null,
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                readAt != null,
                readAt == null ? null : readAt.toInstant());
    }
}
