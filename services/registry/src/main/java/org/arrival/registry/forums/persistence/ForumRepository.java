package org.arrival.registry.forums.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.common.PopulationGroup;
import org.arrival.contracts.common.Sector;
import org.arrival.contracts.registry.ForumStatus;
import org.arrival.contracts.registry.ForumType;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.StaleVersion;
import org.arrival.registry.forums.domain.Forum;
import org.arrival.registry.forums.domain.ForumProfile;
import org.arrival.registry.shared.Audit;
import org.arrival.registry.shared.Listings;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.node.ObjectNode;

/** Forums in PostgreSQL; updates are conditional on the version the caller changed. */
@Repository
public class ForumRepository {

    private static final Map<String, String> SORT_COLUMNS =
            Map.of("name", "lower(name)", "createdAt", "created_at", "updatedAt", "updated_at");

    private final JdbcTemplate jdbc;

    public ForumRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Forum f, Audit audit) {
        jdbc.update(
                """
                INSERT INTO forum (id, version, status, profile, convenor_id, parent_forum_id, created_at, created_by,
                                   created_by_org, updated_at, updated_by, updated_by_org)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)""",
                f.id(),
                f.version(),
                f.status().name(),
                Listings.json(f.profile()),
                f.profile().convenorId(),
                f.profile().parentForumId(),
                Timestamp.from(audit.at()),
                audit.actor().userId(),
                audit.actor().organisationId(),
                Timestamp.from(audit.at()),
                audit.actor().userId(),
                audit.actor().organisationId());
    }

    public void update(Forum f, Audit audit) {
        int updated = jdbc.update(
                """
                UPDATE forum SET version = ?, status = ?, profile = ?::jsonb, convenor_id = ?, parent_forum_id = ?,
                       updated_at = ?, updated_by = ?, updated_by_org = ?
                 WHERE id = ? AND version = ?""",
                f.version(),
                f.status().name(),
                Listings.json(f.profile()),
                f.profile().convenorId(),
                f.profile().parentForumId(),
                Timestamp.from(audit.at()),
                audit.actor().userId(),
                audit.actor().organisationId(),
                f.id(),
                f.version() - 1);
        if (updated != 1) {
            throw new StaleVersion("forum", f.id(), f.version() - 1);
        }
    }

    public Optional<StoredForum> find(UUID id) {
        return jdbc.query("SELECT * FROM forum WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    public Optional<StoredForum> findForUpdate(UUID id) {
        return jdbc.query("SELECT * FROM forum WHERE id = ? FOR UPDATE", this::map, id).stream()
                .findFirst();
    }

    /** The forum's ancestors, nearest first (stops at a cycle or after 50 levels). */
    public List<UUID> ancestorsOf(UUID id) {
        return jdbc.queryForList("""
                WITH RECURSIVE up(id, parent, depth) AS (
                    SELECT id, parent_forum_id, 0 FROM forum WHERE id = ?
                    UNION ALL
                    SELECT f.id, f.parent_forum_id, up.depth + 1 FROM forum f JOIN up ON f.id = up.parent
                     WHERE up.depth < 50)
                SELECT parent FROM up WHERE parent IS NOT NULL ORDER BY depth""", UUID.class, id);
    }

    public PageResult<StoredForum> search(ForumFilter filter, PageQuery page) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE profile @> ?::jsonb");
        args.add(containment(filter.type(), filter.country(), filter.subdivision(), filter.sector(), filter.group()));
        if (filter.status() != null) {
            where.append(" AND status = ?");
            args.add(filter.status().name());
        }
        if (filter.parent() != null) {
            where.append(" AND parent_forum_id = ?");
            args.add(filter.parent());
        }
        if (filter.member() != null) {
            where.append(" AND id IN (SELECT forum_id FROM membership WHERE stakeholder_id = ? AND status = 'ACTIVE')");
            args.add(filter.member());
        }
        if (filter.text() != null) {
            where.append(" AND name ILIKE ?");
            args.add(Listings.containing(filter.text()));
        }
        return Listings.page(jdbc, "forum", where, args, page, SORT_COLUMNS, this::map);
    }

    public static List<String> sortable() {
        return List.of("name", "createdAt", "updatedAt");
    }

    private static String containment(
            @Nullable ForumType type,
            @Nullable String country,
            @Nullable String subdivision,
            @Nullable Sector sector,
            @Nullable PopulationGroup group) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        if (type != null) {
            node.put("type", type.name());
        }
        ObjectNode place = EventJson.mapper().createObjectNode();
        if (country != null) {
            place.put("country", country);
        }
        if (subdivision != null) {
            place.put("subdivision", subdivision);
        }
        if (!place.isEmpty()) {
            node.set("geographicScope", place);
        }
        ObjectNode scope = EventJson.mapper().createObjectNode();
        if (sector != null) {
            scope.putArray("sectors").add(sector.name());
        }
        if (group != null) {
            scope.putArray("populationGroups").add(group.name());
        }
        if (!scope.isEmpty()) {
            node.set("thematicScope", scope);
        }
        return node.toString();
    }

    private StoredForum map(ResultSet rs, int row) throws SQLException {
        ForumProfile profile = EventJson.mapper().readValue(rs.getString("profile"), ForumProfile.class);
        Forum f = new Forum(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                profile,
                ForumStatus.valueOf(rs.getString("status")));
        return new StoredForum(
                f,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    public record StoredForum(Forum forum, Instant createdAt, Instant updatedAt) {}
}
