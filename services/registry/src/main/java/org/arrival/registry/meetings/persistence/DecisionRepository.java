package org.arrival.registry.meetings.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrival.contracts.EventJson;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.registry.meetings.domain.Decision;
import org.arrival.registry.shared.Audit;
import org.arrival.registry.shared.Listings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Decisions in PostgreSQL; they are written once and not edited. */
@Repository
public class DecisionRepository {

    private static final Map<String, String> SORT_COLUMNS = Map.of("decidedOn", "decided_on");

    private final JdbcTemplate jdbc;

    public DecisionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Decision d, Audit audit) {
        jdbc.update(
                """
                INSERT INTO decision (id, version, forum_id, meeting_id, decided_on, record, created_at, created_by,
                                      created_by_org)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""",
                d.id(),
                d.version(),
                d.forumId(),
                d.meetingId(),
                Date.valueOf(d.decidedOn()),
                Listings.json(d.toContract()),
                Timestamp.from(audit.at()),
                audit.actor().userId(),
                audit.actor().organisationId());
    }

    public Optional<Decision> find(UUID id) {
        return jdbc.query("SELECT * FROM decision WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    /** The decisions recorded at the meeting, in the order they were recorded. */
    public List<Decision> ofMeeting(UUID meetingId) {
        return jdbc.query("SELECT * FROM decision WHERE meeting_id = ? ORDER BY created_at, id", this::map, meetingId);
    }

    /** The forum's decisions, newest first. */
    public PageResult<Decision> ofForum(UUID forumId, PageQuery page) {
        return Listings.page(
                jdbc, "decision", " WHERE forum_id = ?", List.<Object>of(forumId), page, SORT_COLUMNS, this::map);
    }

    public static List<String> sortable() {
        return List.of("decidedOn");
    }

    private Decision map(ResultSet rs, int row) throws SQLException {
        return Decision.of(
                EventJson.mapper().readValue(rs.getString("record"), org.arrival.contracts.registry.Decision.class));
    }
}
