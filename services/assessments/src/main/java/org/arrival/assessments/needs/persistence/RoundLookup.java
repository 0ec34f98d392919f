package org.arrival.assessments.needs.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.arrival.platform.security.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Whether an assessment round exists for the caller, and which organisation convenes it, read from the rounds'
 * own table ({@code round_assessment}). A round the caller may not read (a draft of another organisation; an
 * opened round they neither answer nor share a forum with, until it is published) is as if it did not exist,
 * the same rule the rounds API applies. Until the table exists no round does.
 */
@Repository
public class RoundLookup {

    private final JdbcTemplate jdbc;

    public RoundLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Round> find(UUID roundId, Viewer viewer) {
        if (!roundsExist()) {
            return Optional.empty();
        }
        List<Object> args = new ArrayList<>();
        String visible = visibleRoundIds(viewer, args);
        args.add(roundId);
        return jdbc.query("SELECT id, convenor_id FROM round_assessment WHERE id IN (" + visible + ") AND id = ?",
                (rs, i) -> new Round(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), args.toArray())
                .stream().findFirst();
    }

    public boolean roundsExist() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT to_regclass('round_assessment') IS NOT NULL", Boolean.class));
    }

    /** {@code SELECT id FROM round_assessment WHERE ...}: the rounds the viewer may read; appends its arguments. */
    public static String visibleRoundIds(Viewer viewer, List<Object> args) {
        StringBuilder sql = new StringBuilder("SELECT r.id FROM round_assessment r");
        if (viewer.caller().isPlatformAdmin()) {
            return sql.toString();
        }
        UUID own = viewer.caller().organisationId();
        sql.append(" WHERE (r.status = 'PUBLISHED'");
        if (own != null) {
            sql.append(" OR r.convenor_id = ? OR (r.status <> 'DRAFT' AND EXISTS (SELECT 1 FROM round_respondent p")
                    .append(" WHERE p.round_id = r.id AND p.respondent_id = ?))");
            args.add(own);
            args.add(own);
        }
        if (!viewer.forums().isEmpty()) {
            sql.append(" OR (r.status <> 'DRAFT' AND r.shared_with_forums && ARRAY[")
                    .append(viewer.forums().stream().map(f -> "?").collect(Collectors.joining(", ")))
                    .append("]::uuid[])");
            args.addAll(viewer.forums());
        }
        return sql.append(")").toString();
    }

    /** A round and the organisation that convenes (owns) it. */
    public record Round(UUID id, UUID ownerId) {
    }
}
