package org.arrival.registry.meetings.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who holds an active seat in a forum, and the names meetings and decisions show for organisations. */
@Repository
public class ForumSeats {

    private final JdbcTemplate jdbc;

    public ForumSeats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Set<UUID> seated(UUID forumId) {
        return Set.copyOf(jdbc.queryForList(
                "SELECT stakeholder_id FROM membership WHERE forum_id = ? AND status = 'ACTIVE'", UUID.class, forumId));
    }

    public Map<UUID, String> names(Collection<UUID> organisations) {
        Map<UUID, String> names = new HashMap<>();
        if (organisations.isEmpty()) {
            return names;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(organisations.size(), "?"));
        jdbc.query(
                "SELECT id, name FROM stakeholder WHERE id IN (" + marks + ")",
                rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                },
                organisations.toArray());
        return names;
    }
}
