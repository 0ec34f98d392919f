package org.arrival.notifications.records;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.arrival.contracts.registry.Forum;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code forum_coordinators} table: who convenes, chairs and runs the secretariat of each forum. */
@Repository
public class ForumCoordinators {

    private final JdbcTemplate jdbc;

    public ForumCoordinators(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a forum's coordinators as its event states them; an older version never overwrites a newer one. */
    public void remember(Forum forum) {
        jdbc.update("""
                INSERT INTO forum_coordinators (forum_id, version, convenor_id, chair_id, secretariat_id, updated_at)
                VALUES (?, ?, ?, ?, ?, now())
                ON CONFLICT (forum_id) DO UPDATE SET version = EXCLUDED.version, convenor_id = EXCLUDED.convenor_id,
                    chair_id = EXCLUDED.chair_id, secretariat_id = EXCLUDED.secretariat_id, updated_at = now()
                WHERE forum_coordinators.version <= EXCLUDED.version""", forum.forumId(), forum.version(), forum.convenorId(), forum.chairId(), forum.secretariatId());
    }

    /**
     * The organisations that chair the forum or run its secretariat; its convenor when neither is known (a forum
     * without them, or one this service has not seen an event of since it began keeping them: then {@code convenor},
     * the owner of the forum's records, stands in).
     */
    public Set<UUID> chairAndSecretariat(UUID forum, @Nullable UUID convenor) {
        List<Set<UUID>> found = jdbc.query(
                "SELECT convenor_id, chair_id, secretariat_id FROM forum_coordinators WHERE forum_id = ?",
                (rs, i) -> {
                    Set<UUID> running =
                            of(rs.getObject("chair_id", UUID.class), rs.getObject("secretariat_id", UUID.class));
                    return running.isEmpty() ? of(rs.getObject("convenor_id", UUID.class)) : running;
                },
                forum);
        return found.isEmpty() || found.getFirst().isEmpty() ? of(convenor) : found.getFirst();
    }

    private static Set<UUID> of(@Nullable UUID... ids) {
        Set<UUID> set = new LinkedHashSet<>();
        Stream.of(ids).filter(Objects::nonNull).forEach(set::add);
        return set;
    }
}
