package org.arrival.assessments.rounds.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.arrival.assessments.rounds.domain.RoundScores.QuestionResult;

/**
 * A question a published round scored below "yes" (consolidated points under 2): consolidated "N" when the mean is
 * under 1, else "S". A question nobody answered is not assessed, so it is no gap. Its id is derived from the round and
 * the question, so publishing is repeatable.
 */
public record Gap(
        UUID id,
        UUID roundId,
        String recommendationCode,
        String actionCode,
        String questionCode,
        String consolidatedAnswer,
        double points,
        boolean divergent) {

    public static UUID idOf(UUID roundId, String questionCode) {
        return UUID.nameUUIDFromBytes((roundId + ":" + questionCode).getBytes(StandardCharsets.UTF_8));
    }

    /** The gaps of a round's scores, in the instrument's order. */
    public static List<Gap> of(UUID roundId, RoundScores scores) {
        return scores.questions().stream()
                .filter(q -> !q.unanswered() && q.score().points() < q.score().max())
                .map(q -> of(roundId, q))
                .toList();
    }

    static Gap of(UUID roundId, QuestionResult q) {
        double points = q.score().points();
        return new Gap(
                idOf(roundId, q.code()),
                roundId,
                q.recommendationCode(),
                q.actionCode(),
                q.code(),
                points < 1 ? "N" : "S",
                points,
                q.divergent());
    }
}
