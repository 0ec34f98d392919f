package org.arrival.actionplans.milestones.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrival.actionplans.milestones.domain.Milestone;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.MilestoneStatus;
import org.arrival.platform.web.PageQuery;
import org.arrival.platform.web.PageResult;
import org.arrival.platform.web.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Milestones in PostgreSQL, updated only at the version read, and their history in action_plans_revision. */
@Repository
public class MilestoneRepository {

    private final JdbcTemplate jdbc;

    public MilestoneRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static List<String> sortable() {
        return List.of("dueOn", "createdAt");
    }

    public void insert(Milestone m, Instant at) {
        jdbc.update(
                """
                INSERT INTO milestone (id, version, action_id, title, due_on, reached_on, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                m.id(),
                m.version(),
                m.actionId(),
                m.title(),
                Date.valueOf(m.dueOn()),
                m.reachedOn() == null ? null : Date.valueOf(m.reachedOn()),
                m.status().name(),
                Timestamp.from(at),
                Timestamp.from(at));
    }

    public void update(Milestone m, Instant at) {
        int updated = jdbc.update(
                """
                UPDATE milestone SET version = ?, title = ?, due_on = ?, reached_on = ?, status = ?, updated_at = ?
                 WHERE id = ? AND version = ?""",
                m.version(),
                m.title(),
                Date.valueOf(m.dueOn()),
                m.reachedOn() == null ? null : Date.valueOf(m.reachedOn()),
                m.status().name(),
                Timestamp.from(at),
                m.id(),
                m.version() - 1);
        if (updated != 1) {
            throw new StaleVersion("milestone", m.id(), m.version() - 1);
        }
    }

    public Optional<StoredMilestone> find(UUID actionId, UUID id) {
        return jdbc
                .query("SELECT * FROM milestone WHERE action_id = ? AND id = ?", MilestoneRepository::map, actionId, id)
                .stream()
                .findFirst();
    }

    public Optional<StoredMilestone> findForUpdate(UUID actionId, UUID id) {
        return jdbc
                .query(
                        "SELECT * FROM milestone WHERE action_id = ? AND id = ? FOR UPDATE",
                        MilestoneRepository::map,
                        actionId,
                        id)
                .stream()
                .findFirst();
    }

    public PageResult<StoredMilestone> list(UUID actionId, @Nullable MilestoneStatus status, PageQuery page) {
        String where = " WHERE action_id = ?" + (status == null ? "" : " AND status = ?");
        Object[] args = status == null ? new Object[] {actionId} : new Object[] {actionId, status.name()};
        Long total = jdbc.queryForObject("SELECT count(*) FROM milestone" + where, Long.class, args);
        String column = "createdAt".equals(page.sortField()) ? "created_at" : "due_on";
        String dir = page.descending() ? " DESC" : " ASC";
        Object[] pageArgs = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args), java.util.stream.Stream.of(page.size(), page.offset()))
                .toArray();
        List<StoredMilestone> items = jdbc.query(
                "SELECT * FROM milestone" + where + " ORDER BY " + column + dir + ", created_at, id LIMIT ? OFFSET ?",
                MilestoneRepository::map,
                pageArgs);
        return PageResult.of(items, page, total == null ? 0 : total);
    }

    /** The action's milestones still open (PLANNED or MISSED), by due date: those that can be late or missed. */
    public List<Milestone> open(UUID actionId) {
        return jdbc
                .query(
                        "SELECT * FROM milestone WHERE action_id = ? AND status IN ('PLANNED', 'MISSED') "
                                + "ORDER BY due_on, created_at, id",
                        MilestoneRepository::map,
                        actionId)
                .stream()
                .map(StoredMilestone::milestone)
                .toList();
    }

    /** Records the version with the event that produced it. */
    public void recordRevision(Milestone m, Object event, Instant at) {
        jdbc.update(
                """
                INSERT INTO action_plans_revision (record_type, record_id, version, event_type, event, recorded_at)
                VALUES ('milestone', ?, ?, ?, ?::jsonb, ?)""",
                m.id(),
                m.version(),
                EventCatalogue.instance().typeOf(event.getClass()).type(),
                new String(EventJson.write(event), StandardCharsets.UTF_8),
                Timestamp.from(at));
    }

    private static StoredMilestone map(ResultSet rs, int row) throws SQLException {
        Date reached = rs.getDate("reached_on");
        Milestone m = new Milestone(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                rs.getObject("action_id", UUID.class),
                rs.getString("title"),
                rs.getDate("due_on").toLocalDate(),
                reached == null ? null : reached.toLocalDate(),
                MilestoneStatus.valueOf(rs.getString("status")));
        return new StoredMilestone(
                m,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** A milestone and when it was first and last stored. */
    public record StoredMilestone(Milestone milestone, Instant createdAt, Instant updatedAt) {}
}
