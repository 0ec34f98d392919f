package org.arrival.platform.testing.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a service's database holds, table by table: the number of rows and a hash of their contents, so a test can
 * tell that a refused request changed nothing. The outbox is counted but not hashed (the relay marks rows sent in
 * the background); tables the service writes in the background (consumers' bookkeeping, replicas, projections) are
 * left out by name.
 */
public final class DatabaseFingerprint {

    private static final Set<String> ALWAYS_LEFT_OUT = Set.of("flyway_schema_history", "processed_event");
    private static final Set<String> COUNTED_ONLY = Set.of("outbox_event");

    private final JdbcTemplate jdbc;
    private final String query;

    public DatabaseFingerprint(JdbcTemplate jdbc, Set<String> leftOut) {
        this.jdbc = jdbc;
        List<String> tables = jdbc
                .queryForList(
                        "SELECT table_name FROM information_schema.tables "
                                + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
                        String.class)
                .stream()
                .filter(t -> !ALWAYS_LEFT_OUT.contains(t) && !leftOut.contains(t))
                .toList();
        this.query = tables.stream()
                .map(t -> "SELECT '" + t + "' AS t, count(*) AS n, "
                        + (COUNTED_ONLY.contains(t) ? "0::bigint" : "coalesce(sum(hashtext(x::text)::bigint), 0)")
                        + " AS h FROM \"" + t + "\" x")
                .collect(Collectors.joining(" UNION ALL "));
    }

    /** Table name to "rows:hash". */
    public Map<String, String> take() {
        Map<String, String> state = new LinkedHashMap<>();
        jdbc.query(query, rs -> {
            state.put(rs.getString("t"), rs.getLong("n") + ":" + rs.getLong("h"));
        });
        return state;
    }
}
