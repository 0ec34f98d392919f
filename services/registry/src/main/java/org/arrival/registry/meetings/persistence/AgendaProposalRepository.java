package org.arrival.registry.meetings.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.registry.RecordReference;
import org.arrival.registry.meetings.domain.AgendaProposal;
import org.arrival.registry.shared.Audit;
import org.arrival.registry.shared.Listings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Agenda proposals escalated to a forum by its nested forums. */
@Repository
public class AgendaProposalRepository {

    private static final TypeReference<List<RecordReference>> RECORDS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;

    public AgendaProposalRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AgendaProposal p, Audit audit) {
        jdbc.update(
                """
                INSERT INTO agenda_proposal (id, forum_id, from_forum_id, decision_id, title, records, proposed_on,
                                             created_at, created_by, created_by_org)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""",
                p.id(),
                p.forumId(),
                p.fromForumId(),
                p.decisionId(),
                p.title(),
                Listings.json(p.records()),
                Date.valueOf(p.proposedOn()),
                Timestamp.from(audit.at()),
                audit.actor().userId(),
                audit.actor().organisationId());
    }

    public Optional<AgendaProposal> find(UUID forumId, UUID id) {
        return jdbc
                .query("SELECT * FROM agenda_proposal WHERE forum_id = ? AND id = ?", this::map, forumId, id)
                .stream()
                .findFirst();
    }

    /** The proposals made to the forum, newest first, with the name of the forum each came from. */
    public List<StoredProposal> toForum(UUID forumId) {
        return jdbc.query("""
                SELECT p.*, f.name AS from_forum_name FROM agenda_proposal p JOIN forum f ON f.id = p.from_forum_id
                 WHERE p.forum_id = ? ORDER BY p.proposed_on DESC, p.created_at DESC, p.id""", (rs, row) -> new StoredProposal(map(rs, row), rs.getString("from_forum_name")), forumId);
    }

    private AgendaProposal map(ResultSet rs, int row) throws SQLException {
        return new AgendaProposal(
                rs.getObject("id", UUID.class),
                rs.getObject("forum_id", UUID.class),
                rs.getObject("from_forum_id", UUID.class),
                rs.getObject("decision_id", UUID.class),
                rs.getString("title"),
                EventJson.mapper().readValue(rs.getString("records"), RECORDS),
                rs.getDate("proposed_on").toLocalDate());
    }

    /** A proposal with the name of the forum it came from. */
    public record StoredProposal(AgendaProposal proposal, String fromForumName) {}
}
