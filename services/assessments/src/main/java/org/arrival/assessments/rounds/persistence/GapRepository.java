package org.arrival.assessments.rounds.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.rounds.domain.Gap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The gaps fixed when a round was published. */
@Repository
public class GapRepository {

    private final JdbcTemplate jdbc;

    public GapRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<Gap> gaps) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < gaps.size(); i++) {
            Gap g = gaps.get(i);
            rows.add(new Object[] {
                g.id(),
                g.roundId(),
                i,
                g.recommendationCode(),
                g.actionCode(),
                g.questionCode(),
                g.consolidatedAnswer(),
                g.points(),
                g.divergent()
            });
        }
        jdbc.batchUpdate("""
                INSERT INTO round_gap (id, round_id, position, recommendation_code, action_code, question_code,
                                       consolidated_answer, points, divergent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    public List<Gap> of(UUID roundId) {
        return jdbc.query(
                "SELECT * FROM round_gap WHERE round_id = ? ORDER BY position",
                (rs, i) -> new Gap(
                        rs.getObject("id", UUID.class),
                        roundId,
                        rs.getString("recommendation_code"),
                        rs.getString("action_code"),
                        rs.getString("question_code"),
                        rs.getString("consolidated_answer"),
                        rs.getDouble("points"),
                        rs.getBoolean("divergent")),
                roundId);
    }
}
