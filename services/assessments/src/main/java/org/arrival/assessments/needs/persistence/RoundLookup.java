package org.arrival.assessments.needs.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrival.assessments.rounds.domain.AssessmentRound;
import org.arrival.assessments.rounds.persistence.RoundRepository;
import org.arrival.assessments.rounds.persistence.RoundVisibility;
import org.arrival.platform.security.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Whether an assessment round exists for the caller, and which organisation convenes it, read from the rounds'
 * own table ({@code round_assessment}). A round the caller may not read ({@link RoundVisibility}: a draft of another
 * organisation; an opened round they neither answer nor share a forum with, until it is published; a round naming
 * an organisation hidden from them) is as if it did not exist, the same rule the rounds API applies. Until the table
 * exists no round does.
 */
@Repository
public class RoundLookup {

    private final JdbcTemplate jdbc;
    private final RoundRepository rounds;

    public RoundLookup(JdbcTemplate jdbc, RoundRepository rounds) {
        this.jdbc = jdbc;
        this.rounds = rounds;
    }

    /** The round, if the viewer may read it; its convenor owns it. */
    public Optional<AssessmentRound> find(UUID roundId, Viewer viewer) {
        if (!roundsExist()) {
            return Optional.empty();
        }
        List<Object> args = new ArrayList<>();
        String visible = RoundVisibility.ids(viewer, args);
        args.add(roundId);
        boolean readable = !jdbc.queryForList(
                        "SELECT id FROM round_assessment WHERE id IN (" + visible + ") AND id = ?",
                        UUID.class,
                        args.toArray())
                .isEmpty();
        return readable ? rounds.find(roundId).map(RoundRepository.StoredRound::round) : Optional.empty();
    }

    public boolean roundsExist() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT to_regclass('round_assessment') IS NOT NULL", Boolean.class));
    }
}
