package org.arrival.forum.projection;

import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The generations of the projection tables: the active one the views read, and any being rebuilt. */
@Component
public class Generations {

    static final List<String> TABLES = List.of(
            "fv_organisation",
            "fv_forum",
            "fv_membership",
            "fv_action",
            "fv_need",
            "fv_gap",
            "fv_round_score",
            "fv_plan",
            "fv_population",
            "fv_input",
            "fv_meeting",
            "fv_decision",
            "fv_assignment");

    private final JdbcTemplate jdbc;

    public Generations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int active() {
        Integer g = jdbc.queryForObject("SELECT generation FROM fv_active_generation", Integer.class);
        return g == null ? 1 : g;
    }

    public JdbcStore activeStore() {
        return new JdbcStore(jdbc, active());
    }

    /** The generations live events go to: the active one and those being rebuilt. */
    public List<Integer> written() {
        return jdbc.queryForList(
                "SELECT generation FROM fv_generation WHERE state IN ('ACTIVE', 'BUILDING') " + "ORDER BY generation",
                Integer.class);
    }

    public int startBuilding() {
        int g = Objects.requireNonNull(
                jdbc.queryForObject("SELECT nextval('fv_generation_seq')::int", Integer.class),
                "nextval returns a number");
        jdbc.update("INSERT INTO fv_generation (generation, state) VALUES (?, 'BUILDING')", g);
        return g;
    }

    /** Makes the built generation the active one; drops the rows of generations retired before the previous one. */
    public void switchTo(int generation) {
        int previous = active();
        jdbc.update("UPDATE fv_generation SET state = 'RETIRED' WHERE generation = ?", previous);
        jdbc.update("UPDATE fv_generation SET state = 'ACTIVE' WHERE generation = ?", generation);
        jdbc.update("UPDATE fv_active_generation SET generation = ?", generation);
        for (Integer old : jdbc.queryForList(
                "SELECT generation FROM fv_generation WHERE state IN ('RETIRED', 'FAILED') " + "AND generation <> ?",
                Integer.class,
                previous)) {
            drop(old);
        }
    }

    public void fail(int generation) {
        jdbc.update("UPDATE fv_generation SET state = 'FAILED' WHERE generation = ?", generation);
        drop(generation);
    }

    private void drop(int generation) {
        for (String table : TABLES) {
            jdbc.update("DELETE FROM " + table + " WHERE generation = ?", generation);
        }
    }

    /** Serialises writers of one generation (the live listener and a rebuild) within the calling transaction. */
    public void lock(int generation) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(7304, ?)", generation);
    }
}
