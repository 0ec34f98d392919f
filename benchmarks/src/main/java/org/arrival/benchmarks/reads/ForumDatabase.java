package org.arrival.benchmarks.reads;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.arrival.local.PlatformService;
import org.arrival.local.StackSettings;
import org.jspecify.annotations.Nullable;

/**
 * The forum view's own database, as the service's user reaches it: one connection per virtual user (kept open
 * across reads, the driver's default settings, autocommit), for the baselines and their plans.
 */
final class ForumDatabase implements AutoCloseable {

    private final String url;
    private final List<Connection> connections = new ArrayList<>();

    ForumDatabase(StackSettings settings) {
        this.url = settings.jdbcUrl(PlatformService.FORUM.database()) + "?ApplicationName=benchmark-reads";
    }

    /** Opens connections until there are {@code n}. */
    synchronized void connections(int n) {
        try {
            while (connections.size() < n) {
                Connection c = DriverManager.getConnection(url, "arrival", "arrival");
                // rows are fetched a thousand at a time (a cursor needs a transaction): a country's event log is
                // read as the service reads it, without holding it all in the harness's memory
                c.setAutoCommit(false);
                connections.add(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the forum view's database: " + e.getMessage(), e);
        }
    }

    private synchronized Connection connection(int user) {
        connections(user + 1);
        return connections.get(user);
    }

    /** Runs the statements on the user's connection, reading every column of every row; the sample's bytes are
     * the characters read. */
    ClosedLoop.Sample run(int user, List<Query> queries) throws SQLException {
        Connection c = connection(user);
        long start = System.nanoTime();
        long chars = 0;
        for (Query q : queries) {
            try (PreparedStatement ps = prepare(c, q.sql(), q.params());
                    ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        String v = rs.getString(i);
                        chars += v == null ? 0 : v.length();
                    }
                }
            }
        }
        c.commit();
        return new ClosedLoop.Sample(200, chars, System.nanoTime() - start);
    }

    /** The statement's plan as it ran: {@code EXPLAIN (ANALYZE, BUFFERS)}, or why it could not be had. */
    String explain(Query q) {
        Connection c = connection(0);
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement ps = prepare(c, "EXPLAIN (ANALYZE, BUFFERS) " + q.sql(), q.params());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        } catch (SQLException e) {
            plan.append("EXPLAIN failed: ").append(e.getMessage()).append('\n');
        }
        return plan.toString();
    }

    /** The number the first column of the statement's first row holds (a count). */
    long count(Query q) throws SQLException {
        try (PreparedStatement ps = prepare(connection(0), q.sql(), q.params());
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    int activeGeneration() throws SQLException {
        return (int) count(Query.of("SELECT generation FROM fv_active_generation"));
    }

    /**
     * The reader as the service's read policy sees them, from its replica of the registry (an organisation it does
     * not know is an enforcement body, as the service treats it).
     */
    SqlViewer viewer(@Nullable UUID organisation) throws SQLException {
        if (organisation == null) {
            return new SqlViewer(null, false, Set.of(), Set.of());
        }
        Connection c = connection(0);
        boolean enforcement = true;
        try (PreparedStatement ps =
                        prepare(c, "SELECT enforcement_body FROM organisation WHERE id = ?", List.of(organisation));
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                enforcement = rs.getBoolean(1);
            }
        }
        Set<UUID> forums = uuids(
                c,
                "SELECT DISTINCT forum_id FROM forum_membership WHERE stakeholder_id = ? AND active",
                List.of(organisation));
        Set<UUID> hidden = enforcement
                ? uuids(
                        c,
                        "SELECT id FROM organisation WHERE hidden UNION SELECT id FROM fv_organisation WHERE "
                                + "generation = (SELECT generation FROM fv_active_generation) "
                                + "AND COALESCE((data->>'hidden')::boolean, false)",
                        List.of())
                : Set.of();
        return new SqlViewer(organisation, enforcement, forums, hidden);
    }

    private static Set<UUID> uuids(Connection c, String sql, List<Object> params) throws SQLException {
        Set<UUID> out = new HashSet<>();
        try (PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
        }
        return out;
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setFetchSize(1_000);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Timestamp t) {
                ps.setTimestamp(i + 1, t);
            } else if (p instanceof Query.ArrayValue a) {
                ps.setObject(i + 1, a.literal(), Types.OTHER);
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    /** Bytes of a text as UTF-8, for answers the harness holds as strings. */
    static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public synchronized void close() {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing at the end: nothing more to read from it
            }
        }
        connections.clear();
    }
}
