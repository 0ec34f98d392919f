package org.arrival.registry.meetings.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.registry.MeetingStatus;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.StaleVersion;
import org.arrival.registry.meetings.domain.Meeting;
import org.arrival.registry.shared.Audit;
import org.arrival.registry.shared.Listings;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Forum meetings in PostgreSQL, kept in the shape their events carry; updates are conditional on the version. */
@Repository
public class MeetingRepository {

    private static final Map<String, String> SORT_COLUMNS = Map.of("date", "meeting_date");

    private final JdbcTemplate jdbc;

    public MeetingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Meeting m, Audit audit) {
        jdbc.update(
                """
                INSERT INTO meeting (id, version, forum_id, meeting_date, status, record, created_at, created_by,
                                     created_by_org, updated_at, updated_by, updated_by_org)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""",
                m.id(),
                m.version(),
                m.forumId(),
                Date.valueOf(m.details().date()),
                m.status().name(),
                Listings.json(m.toContract()),
                Timestamp.from(audit.at()),
                audit.actor().userId(),
                audit.actor().organisationId(),
                Timestamp.from(audit.at()),
                audit.actor().userId(),
                audit.actor().organisationId());
    }

    public void update(Meeting m, Audit audit) {
        int updated = jdbc.update(
                """
                UPDATE meeting SET version = ?, meeting_date = ?, status = ?, record = ?::jsonb,
                       updated_at = ?, updated_by = ?, updated_by_org = ?
                 WHERE id = ? AND version = ?""",
                m.version(),
                Date.valueOf(m.details().date()),
                m.status().name(),
                Listings.json(m.toContract()),
                Timestamp.from(audit.at()),
                audit.actor().userId(),
                audit.actor().organisationId(),
                m.id(),
                m.version() - 1);
        if (updated != 1) {
            throw new StaleVersion("meeting", m.id(), m.version() - 1);
        }
    }

    public Optional<Meeting> find(UUID forumId, UUID id) {
        return jdbc.query("SELECT * FROM meeting WHERE forum_id = ? AND id = ?", this::map, forumId, id).stream()
                .findFirst();
    }

    public Optional<Meeting> findForUpdate(UUID forumId, UUID id) {
        return jdbc
                .query("SELECT * FROM meeting WHERE forum_id = ? AND id = ? FOR UPDATE", this::map, forumId, id)
                .stream()
                .findFirst();
    }

    /** The forum's meetings, newest date first. */
    public PageResult<Meeting> ofForum(UUID forumId, @Nullable MeetingStatus status, PageQuery page) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE forum_id = ?");
        args.add(forumId);
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status.name());
        }
        return Listings.page(jdbc, "meeting", where, args, page, SORT_COLUMNS, this::map);
    }

    public static List<String> sortable() {
        return List.of("date");
    }

    /** The meeting of the forum whose agenda takes up the proposal, if any. */
    public Optional<UUID> takingUp(UUID forumId, UUID proposalId) {
        return jdbc
                .queryForList(
                        "SELECT id FROM meeting WHERE forum_id = ? AND record -> 'agenda' @> ?::jsonb"
                                + " ORDER BY meeting_date, id LIMIT 1",
                        UUID.class,
                        forumId,
                        "[{\"proposalId\":\"" + proposalId + "\"}]")
                .stream()
                .findFirst();
    }

    private Meeting map(ResultSet rs, int row) throws SQLException {
        return Meeting.of(
                EventJson.mapper().readValue(rs.getString("record"), org.arrival.contracts.registry.Meeting.class));
    }
}
