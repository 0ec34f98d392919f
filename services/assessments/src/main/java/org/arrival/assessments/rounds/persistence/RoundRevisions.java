package org.arrival.assessments.rounds.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.common.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The history of a round: each version (created, edited, opened, closed, published) and each response submitted,
 * with who did it and when. Drafts have history too, though they publish no events.
 */
@Repository
public class RoundRevisions {

    private final JdbcTemplate jdbc;

    public RoundRevisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(
            UUID roundId,
            long version,
            String change,
            Actor actor,
            Instant at,
            @Nullable UUID respondentId,
            List<String> changedFields,
            @Nullable String reason) {
        jdbc.update(
                """
                INSERT INTO round_revision (round_id, version, change, recorded_at, user_id, organisation_id,
                                            respondent_id, changed_fields, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::text[], ?)""",
                roundId,
                version,
                change,
                Timestamp.from(at),
                actor.userId(),
                actor.organisationId(),
                respondentId,
                toArray(changedFields),
                reason);
    }

    public List<Revision> of(UUID roundId) {
        return jdbc.query(
                "SELECT * FROM round_revision WHERE round_id = ? ORDER BY id",
                (rs, i) -> new Revision(
                        rs.getLong("version"),
                        rs.getString("change"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("user_id"),
                        rs.getObject("organisation_id", UUID.class),
                        rs.getObject("respondent_id", UUID.class),
                        Arrays.asList((String[]) rs.getArray("changed_fields").getArray()),
                        rs.getString("reason")),
                roundId);
    }

    private static String toArray(List<String> values) {
        return values.stream()
                .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** One entry of a round's history; {@code respondentId} is set for a submitted response. */
    public record Revision(
            long version,
            String change,
            Instant at,
            String userId,
            @Nullable UUID organisationId,
            @Nullable UUID respondentId,
            List<String> changedFields,
            @Nullable String reason) {}
}
