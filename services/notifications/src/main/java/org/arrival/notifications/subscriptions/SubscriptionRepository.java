package org.arrival.notifications.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrival.platform.directory.ReadSql;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code subscription} table. */
@Repository
public class SubscriptionRepository {

    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .build();

    private final JdbcTemplate jdbc;

    public SubscriptionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static List<String> sortable() {
        return List.of("createdAt", "updatedAt");
    }

    public void insert(Subscription s) {
        jdbc.update(
                """
                INSERT INTO subscription (id, version, owner_org, user_id, channel, address, webhook_id, frequency,
                    filter, language, active, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""",
                s.id(),
                s.version(),
                s.ownerOrg(),
                s.userId(),
                s.channel().name(),
                s.address(),
                s.webhookId(),
                s.frequency().name(),
                toJson(s.filter()),
                s.language(),
                s.active(),
                Timestamp.from(s.createdAt()),
                s.createdBy(),
                Timestamp.from(s.updatedAt()),
                s.updatedBy());
    }

    public void update(Subscription s) {
        jdbc.update(
                """
                UPDATE subscription SET version = ?, channel = ?, address = ?, webhook_id = ?, frequency = ?,
                    filter = ?::jsonb, language = ?, active = ?, updated_at = ?, updated_by = ?
                WHERE id = ?""",
                s.version(),
                s.channel().name(),
                s.address(),
                s.webhookId(),
                s.frequency().name(),
                toJson(s.filter()),
                s.language(),
                s.active(),
                Timestamp.from(s.updatedAt()),
                s.updatedBy(),
                s.id());
    }

    /** An active subscription the caller's user or organisation owns. */
    public Optional<Subscription> findOwned(UUID id, UUID org, String userId, boolean forUpdate) {
        return jdbc
                .query(
                        "SELECT * FROM subscription WHERE id = ? AND active AND owner_org = ?"
                                + " AND (user_id IS NULL OR user_id = ?)" + (forUpdate ? " FOR UPDATE" : ""),
                        SubscriptionRepository::map,
                        id,
                        org,
                        userId)
                .stream()
                .findFirst();
    }

    public PageResult<Subscription> listOwned(UUID org, String userId, PageQuery page) {
        List<Object> args = new ArrayList<>(List.of(org, userId));
        return ReadSql.page(
                jdbc,
                "subscription",
                "active AND owner_org = ? AND (user_id IS NULL OR user_id = ?)",
                args,
                page,
                Map.of("createdAt", "created_at", "updatedAt", "updated_at"),
                SubscriptionRepository::map);
    }

    public List<Subscription> allActive() {
        return jdbc.query(
                "SELECT * FROM subscription WHERE active ORDER BY created_at, id", SubscriptionRepository::map);
    }

    public boolean webhookOf(UUID webhookId, UUID org) {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM webhook WHERE id = ? AND owner_org = ?", Integer.class, webhookId, org);
        return n != null && n > 0;
    }

    public static String toJson(SubscriptionFilter filter) {
        return JSON.writeValueAsString(filter);
    }

    public static SubscriptionFilter fromJson(String json) {
        return JSON.readValue(json == null ? "{}" : json, SubscriptionFilter.class);
    }

    private static Subscription map(ResultSet rs, int i) throws SQLException {
        return new Subscription(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                rs.getObject("owner_org", UUID.class),
                rs.getString("user_id"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("address"),
                rs.getObject("webhook_id", UUID.class),
                Frequency.valueOf(rs.getString("frequency")),
                fromJson(rs.getString("filter")),
                rs.getString("language"),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
