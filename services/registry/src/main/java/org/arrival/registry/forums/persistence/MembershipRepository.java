package org.arrival.registry.forums.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrival.contracts.registry.MembershipStatus;
import org.arrival.contracts.registry.SeatType;
import org.arrival.platform.web.RuleViolation;
import org.arrival.platform.web.StaleVersion;
import org.arrival.registry.forums.domain.Membership;
import org.arrival.registry.shared.Audit;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Forum memberships in PostgreSQL. */
@Repository
public class MembershipRepository {

    private final JdbcTemplate jdbc;

    public MembershipRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Membership m, Audit audit) {
        try {
            jdbc.update(
                    """
                    INSERT INTO membership (id, version, forum_id, stakeholder_id, seat, term_start, term_end, status,
                                            created_at, created_by, created_by_org, updated_at, updated_by, updated_by_org)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    m.id(),
                    m.version(),
                    m.forumId(),
                    m.stakeholderId(),
                    m.seat().name(),
                    date(m.termStart()),
                    date(m.termEnd()),
                    m.status().name(),
                    Timestamp.from(audit.at()),
                    audit.actor().userId(),
                    audit.actor().organisationId(),
                    Timestamp.from(audit.at()),
                    audit.actor().userId(),
                    audit.actor().organisationId());
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("The organisation already holds an active seat in this forum");
        }
    }

    public void update(Membership m, Audit audit) {
        int updated = jdbc.update(
                """
                UPDATE membership SET version = ?, seat = ?, term_start = ?, term_end = ?, status = ?,
                       updated_at = ?, updated_by = ?, updated_by_org = ?
                 WHERE id = ? AND version = ?""",
                m.version(),
                m.seat().name(),
                date(m.termStart()),
                date(m.termEnd()),
                m.status().name(),
                Timestamp.from(audit.at()),
                audit.actor().userId(),
                audit.actor().organisationId(),
                m.id(),
                m.version() - 1);
        if (updated != 1) {
            throw new StaleVersion("membership", m.id(), m.version() - 1);
        }
    }

    public Optional<Membership> findForUpdate(UUID forumId, UUID id) {
        return jdbc
                .query("SELECT * FROM membership WHERE forum_id = ? AND id = ? FOR UPDATE", this::map, forumId, id)
                .stream()
                .findFirst();
    }

    public Optional<Membership> find(UUID forumId, UUID id) {
        return jdbc.query("SELECT * FROM membership WHERE forum_id = ? AND id = ?", this::map, forumId, id).stream()
                .findFirst();
    }

    /** The forum's memberships, active first; optionally leaving out organisations hidden from enforcement bodies. */
    public List<Membership> ofForum(UUID forumId, boolean includeEnded, boolean includeHidden) {
        return jdbc.query("""
                SELECT m.* FROM membership m JOIN stakeholder s ON s.id = m.stakeholder_id
                 WHERE m.forum_id = ? AND (? OR m.status = 'ACTIVE')
                   AND (? OR NOT (s.profile @> '{"hiddenFromEnforcementBodies": true}'::jsonb))
                 ORDER BY m.status, m.created_at, m.id""", this::map, forumId, includeEnded, includeHidden);
    }

    private Membership map(ResultSet rs, int row) throws SQLException {
        return new Membership(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                rs.getObject("forum_id", UUID.class),
                rs.getObject("stakeholder_id", UUID.class),
                SeatType.valueOf(rs.getString("seat")),
                localDate(rs.getDate("term_start")),
                localDate(rs.getDate("term_end")),
                MembershipStatus.valueOf(rs.getString("status")));
    }

    private static @Nullable Date date(@Nullable LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static @Nullable LocalDate localDate(@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
