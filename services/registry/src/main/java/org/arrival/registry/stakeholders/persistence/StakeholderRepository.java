package org.arrival.registry.stakeholders.persistence;

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
import org.arrival.contracts.registry.StakeholderStatus;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.StaleVersion;
import org.arrival.registry.shared.Audit;
import org.arrival.registry.shared.Listings;
import org.arrival.registry.stakeholders.domain.Stakeholder;
import org.arrival.registry.stakeholders.domain.StakeholderProfile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.node.ObjectNode;

/** Stakeholders in PostgreSQL; updates are conditional on the version the caller changed. */
@Repository
public class StakeholderRepository {

    private static final Map<String, String> SORT_COLUMNS =
            Map.of("name", "lower(name)", "createdAt", "created_at", "updatedAt", "updated_at");

    private final JdbcTemplate jdbc;

    public StakeholderRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Stakeholder s, Audit audit) {
        jdbc.update(
                """
                INSERT INTO stakeholder (id, version, status, profile, created_at, created_by, created_by_org,
                                         updated_at, updated_by, updated_by_org)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""",
                s.id(),
                s.version(),
                s.status().name(),
                Listings.json(s.profile()),
                Timestamp.from(audit.at()),
                audit.actor().userId(),
                audit.actor().organisationId(),
                Timestamp.from(audit.at()),
                audit.actor().userId(),
                audit.actor().organisationId());
    }

    /** Stores the next version; fails with 412 if someone else stored one since {@code s.version() - 1}. */
    public void update(Stakeholder s, Audit audit) {
        int updated = jdbc.update(
                """
                UPDATE stakeholder SET version = ?, status = ?, profile = ?::jsonb,
                       updated_at = ?, updated_by = ?, updated_by_org = ?
                 WHERE id = ? AND version = ?""",
                s.version(),
                s.status().name(),
                Listings.json(s.profile()),
                Timestamp.from(audit.at()),
                audit.actor().userId(),
                audit.actor().organisationId(),
                s.id(),
                s.version() - 1);
        if (updated != 1) {
            throw new StaleVersion("stakeholder", s.id(), s.version() - 1);
        }
    }

    public Optional<StoredStakeholder> find(UUID id) {
        return jdbc.query("SELECT * FROM stakeholder WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    /** Locks the row for the rest of the transaction, so checks made on it hold until commit. */
    public Optional<StoredStakeholder> findForUpdate(UUID id) {
        return jdbc.query("SELECT * FROM stakeholder WHERE id = ? FOR UPDATE", this::map, id).stream()
                .findFirst();
    }

    public PageResult<StoredStakeholder> search(StakeholderFilter filter, boolean includeHidden, PageQuery page) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE profile @> ?::jsonb");
        args.add(containment(filter));
        if (!includeHidden) {
            where.append(" AND NOT (profile @> '{\"hiddenFromEnforcementBodies\": true}'::jsonb)");
        }
        if (filter.status() != null) {
            where.append(" AND status = ?");
            args.add(filter.status().name());
        }
        if (filter.text() != null) {
            where.append(" AND (name ILIKE ? OR profile ->> 'acronym' ILIKE ?)");
            String like = Listings.containing(filter.text());
            args.add(like);
            args.add(like);
        }
        if (filter.forum() != null) {
            where.append(" AND id IN (SELECT stakeholder_id FROM membership WHERE forum_id = ? AND status = 'ACTIVE')");
            args.add(filter.forum());
        }
        return Listings.page(jdbc, "stakeholder", where, args, page, SORT_COLUMNS, this::map);
    }

    public static List<String> sortable() {
        return List.of("name", "createdAt", "updatedAt");
    }

    private static String containment(StakeholderFilter filter) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        if (filter.type() != null) {
            node.put("type", filter.type().name());
        }
        if (filter.governmentLevel() != null) {
            node.put("governmentLevel", filter.governmentLevel().name());
        }
        if (filter.sector() != null) {
            node.putArray("sectors").add(filter.sector().name());
        }
        if (filter.enforcementBody() != null) {
            node.put("enforcementBody", filter.enforcementBody());
        }
        ObjectNode place = EventJson.mapper().createObjectNode();
        if (filter.country() != null) {
            place.put("country", filter.country());
        }
        if (filter.subdivision() != null) {
            place.put("subdivision", filter.subdivision());
        }
        if (filter.areaCode() != null) {
            place.put("areaCode", filter.areaCode());
        }
        if (!place.isEmpty()) {
            node.set("jurisdiction", place);
        }
        return node.toString();
    }

    private StoredStakeholder map(ResultSet rs, int row) throws SQLException {
        StakeholderProfile profile = EventJson.mapper().readValue(rs.getString("profile"), StakeholderProfile.class);
        Stakeholder s = new Stakeholder(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                profile,
                StakeholderStatus.valueOf(rs.getString("status")));
        return new StoredStakeholder(s, instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    /** A stakeholder with the times the registry first and last stored it. */
    public record StoredStakeholder(Stakeholder stakeholder, Instant createdAt, Instant updatedAt) {}
}
