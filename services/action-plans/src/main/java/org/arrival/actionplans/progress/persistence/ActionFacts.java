package org.arrival.actionplans.progress.persistence;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrival.actionplans.progress.domain.ActionState;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.actionplans.ActionStatus;
import org.arrival.contracts.actionplans.ReportingCadence;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads what milestones, reports, funding, contributions and reminders need to know of an action from the
 * {@code action} table. It never writes that row: what is recorded about an action lives in its own tables.
 */
@Repository
public class ActionFacts {

    private static final String COLUMNS = """
            SELECT id, version, owner_id, status, reporting_cadence, start_date, end_date, created_at,
                   classification, shared_with_forums FROM action""";

    private final JdbcTemplate jdbc;

    public ActionFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ActionState> find(UUID id) {
        return jdbc.query(COLUMNS + " WHERE id = ?", ActionFacts::map, id).stream()
                .findFirst();
    }

    /**
     * Reads the action and holds its row until the transaction ends without changing it, so what is recorded about
     * the action is written (and its events appended) one change at a time and against the status read here.
     */
    public Optional<ActionState> lock(UUID id) {
        return jdbc.query(COLUMNS + " WHERE id = ? FOR NO KEY UPDATE", ActionFacts::map, id).stream()
                .findFirst();
    }

    /** The actions under way (COMMITTED or IN_PROGRESS): those the freshness check expects reports from. */
    public List<UUID> underWay() {
        return jdbc.queryForList(
                "SELECT id FROM action WHERE status IN ('COMMITTED', 'IN_PROGRESS') ORDER BY id", UUID.class);
    }

    private static ActionState map(ResultSet rs, int row) throws SQLException {
        Array forums = rs.getArray("shared_with_forums");
        return new ActionState(
                rs.getObject("id", UUID.class),
                rs.getLong("version"),
                rs.getObject("owner_id", UUID.class),
                ActionStatus.valueOf(rs.getString("status")),
                cadence(rs.getString("reporting_cadence")),
                date(rs.getDate("start_date")),
                date(rs.getDate("end_date")),
                LocalDate.ofInstant(rs.getTimestamp("created_at").toInstant(), ZoneOffset.UTC),
                DataClassification.valueOf(rs.getString("classification")),
                forums == null ? List.of() : Arrays.asList((UUID[]) forums.getArray()));
    }

    private static @Nullable ReportingCadence cadence(@Nullable String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(ReportingCadence.values())
                .filter(c -> c.name().equals(value))
                .findFirst()
                .orElse(null);
    }

    private static @Nullable LocalDate date(@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
