package org.arrival.registry.meetings.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.registry.AssignmentStatus;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.StaleVersion;
import org.arrival.registry.meetings.domain.Assignment;
import org.arrival.registry.shared.Audit;
import org.arrival.registry.shared.Listings;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Assignments in PostgreSQL; read back with their forum, decision, meeting and assignee (view
 * assignment_listing), and the AssignmentOverdue events already published (table assignment_overdue).
 */
@Repository
public class AssignmentRepository {

    private static final Map<String, String> SORT_COLUMNS = Map.of("dueOn", "due_on");

    private final JdbcTemplate jdbc;

    public AssignmentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the assignment at {@code position} in its decision's list. */
    public void insert(Assignment a, int position, Audit audit) {
        jdbc.update(
                """
                INSERT INTO assignment (id, version, forum_id, decision_id, position, assignee_id, due_on, status, record,
                                        created_at, created_by, created_by_org, updated_at, updated_by, updated_by_org)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""",
                a.id(),
                a.version(),
                a.forumId(),
                a.decisionId(),
                position,
                a.assigneeId(),
                Date.valueOf(a.dueOn()),
                a.status().name(),
                Listings.json(a.toContract()),
                Timestamp.from(audit.at()),
                audit.actor().userId(),
                audit.actor().organisationId(),
                Timestamp.from(audit.at()),
                audit.actor().userId(),
                audit.actor().organisationId());
    }

    public void update(Assignment a, Audit audit) {
        int updated = jdbc.update(
                """
                UPDATE assignment SET version = ?, status = ?, record = ?::jsonb,
                       updated_at = ?, updated_by = ?, updated_by_org = ?
                 WHERE id = ? AND version = ?""",
                a.version(),
                a.status().name(),
                Listings.json(a.toContract()),
                Timestamp.from(audit.at()),
                audit.actor().userId(),
                audit.actor().organisationId(),
                a.id(),
                a.version() - 1);
        if (updated != 1) {
            throw new StaleVersion("assignment", a.id(), a.version() - 1);
        }
    }

    public Optional<Assignment> findForUpdate(UUID id) {
        return jdbc.query("SELECT * FROM assignment WHERE id = ? FOR UPDATE", this::mapAssignment, id).stream()
                .findFirst();
    }

    public Optional<StoredAssignment> find(UUID id) {
        return jdbc.query("SELECT * FROM assignment_listing WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    /** The decision's assignments, in the order the decision made them. */
    public List<StoredAssignment> ofDecision(UUID decisionId) {
        return jdbc.query(
                "SELECT * FROM assignment_listing WHERE decision_id = ? ORDER BY position", this::map, decisionId);
    }

    /** An organisation's assignments, due date first. */
    public PageResult<StoredAssignment> ofAssignee(UUID assigneeId, @Nullable AssignmentStatus status, PageQuery page) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE assignee_id = ?");
        args.add(assigneeId);
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status.name());
        }
        return Listings.page(jdbc, "assignment_listing", where, args, page, SORT_COLUMNS, this::map);
    }

    public static List<String> sortable() {
        return List.of("dueOn");
    }

    /** The open assignments due before {@code day} whose AssignmentOverdue has not been published yet. */
    public List<UUID> openDueBefore(LocalDate day) {
        return jdbc.queryForList("""
                SELECT a.id FROM assignment a
                 WHERE a.status = 'OPEN' AND a.due_on < ?
                   AND NOT EXISTS (SELECT 1 FROM assignment_overdue o WHERE o.assignment_id = a.id)
                 ORDER BY a.due_on, a.id""", UUID.class, Date.valueOf(day));
    }

    /** Notes that the assignment's AssignmentOverdue is published; false if it was before. */
    public boolean noteOverdue(Assignment a, Instant at) {
        return jdbc.update("""
                        INSERT INTO assignment_overdue (assignment_id, due_on, published_at) VALUES (?, ?, ?)
                        ON CONFLICT (assignment_id) DO NOTHING""", a.id(), Date.valueOf(a.dueOn()), Timestamp.from(at)) == 1;
    }

    private Assignment mapAssignment(ResultSet rs, int row) throws SQLException {
        return Assignment.of(
                EventJson.mapper().readValue(rs.getString("record"), org.arrival.contracts.registry.Assignment.class));
    }

    private StoredAssignment map(ResultSet rs, int row) throws SQLException {
        return new StoredAssignment(
                mapAssignment(rs, row),
                rs.getString("forum_name"),
                rs.getString("decision_text"),
                rs.getObject("meeting_id", UUID.class),
                rs.getString("meeting_title"),
                rs.getDate("decided_on").toLocalDate(),
                rs.getString("assignee_name"));
    }

    /** An assignment with what is shown around it. */
    public record StoredAssignment(
            Assignment assignment,
            String forumName,
            String decisionText,
            UUID meetingId,
            String meetingTitle,
            LocalDate decidedOn,
            String assigneeName) {}
}
