package org.arrival.assessments.rounds.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.arrival.assessments.checklist.domain.Answer;
import org.arrival.assessments.rounds.domain.GivenAnswer;
import org.arrival.assessments.rounds.domain.Response;
import org.arrival.contracts.common.Actor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Respondents' answers; a resubmission replaces the respondent's previous answers and counts up their version. */
@Repository
public class ResponseRepository {

    private final JdbcTemplate jdbc;

    public ResponseRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the answers as {@code version} (1 for the first submission), replacing any earlier ones. */
    public void replace(Response response, long version, Actor actor, Instant at) {
        jdbc.update(
                "DELETE FROM round_response WHERE round_id = ? AND respondent_id = ?",
                response.roundId(),
                response.respondentId());
        jdbc.update(
                """
                INSERT INTO round_response (round_id, respondent_id, submitted_at, submitted_by, submitted_by_org,
                                            version)
                VALUES (?, ?, ?, ?, ?, ?)""",
                response.roundId(),
                response.respondentId(),
                Timestamp.from(at),
                actor.userId(),
                actor.organisationId(),
                version);
        List<Object[]> rows = new ArrayList<>();
        List<GivenAnswer> answers = response.answers();
        for (int i = 0; i < answers.size(); i++) {
            GivenAnswer a = answers.get(i);
            rows.add(new Object[] {
                response.roundId(),
                response.respondentId(),
                a.question(),
                a.answer().name(),
                a.evidence(),
                i
            });
        }
        jdbc.batchUpdate("""
                INSERT INTO round_answer (round_id, respondent_id, question_code, answer, evidence, position)
                VALUES (?, ?, ?, ?, ?, ?)""", rows);
    }

    public Optional<StoredResponse> find(UUID roundId, UUID respondentId) {
        return jdbc
                .query(
                        "SELECT submitted_at, submitted_by, submitted_by_org, version FROM round_response WHERE round_id = ? AND respondent_id = ?",
                        (rs, i) -> new StoredResponse(
                                new Response(roundId, respondentId, answers(roundId, respondentId)),
                                rs.getTimestamp(1).toInstant(),
                                rs.getString(2),
                                rs.getObject(3, UUID.class),
                                rs.getLong(4)),
                        roundId,
                        respondentId)
                .stream()
                .findFirst();
    }

    /** Respondent → question code → answer, for scoring. */
    public Map<UUID, Map<String, Answer>> answersOf(UUID roundId) {
        Map<UUID, Map<String, Answer>> all = new LinkedHashMap<>();
        jdbc.query(
                "SELECT respondent_id, question_code, answer FROM round_answer WHERE round_id = ? ORDER BY respondent_id, position",
                rs -> {
                    all.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), Answer.valueOf(rs.getString(3)));
                },
                roundId);
        return all;
    }

    private List<GivenAnswer> answers(UUID roundId, UUID respondentId) {
        return jdbc.query(
                "SELECT question_code, answer, evidence FROM round_answer WHERE round_id = ? AND respondent_id = ? ORDER BY position",
                (rs, i) -> new GivenAnswer(rs.getString(1), Answer.valueOf(rs.getString(2)), rs.getString(3)),
                roundId,
                respondentId);
    }

    public record StoredResponse(
            Response response, Instant submittedAt, String submittedBy, UUID submittedByOrg, long version) {}
}
