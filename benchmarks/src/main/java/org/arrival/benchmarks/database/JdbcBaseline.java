package org.arrival.benchmarks.database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.arrival.benchmarks.events.HistoryEvent;
import org.arrival.benchmarks.measure.Rate;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.actionplans.IndicatorValue;
import org.arrival.local.StackSettings;

/**
 * The raw database: the same rows the platform writes, inserted into the same PostgreSQL server with plain JDBC
 * batches (1,000 rows a batch, one transaction per batch, the driver's default settings), in a database of the
 * benchmark's own that is dropped afterwards. Rows of the forum view's event log for the rebuild, rows of the
 * progress report table for the writes.
 */
public final class JdbcBaseline {

    static final int BATCH = 1_000;
    private static final String DATABASE = "arrival_benchmark";

    private final StackSettings settings;

    public JdbcBaseline(StackSettings settings) {
        this.settings = settings;
    }

    /** Inserts one event-log row per event. */
    public Rate insertEvents(Iterable<HistoryEvent> events) {
        return inDatabase("""
                CREATE TABLE event_log (
                    event_id text PRIMARY KEY, event_type text NOT NULL, subject text NOT NULL, message_key text,
                    owner_org uuid NOT NULL, classification text NOT NULL, occurred_at timestamptz NOT NULL,
                    topic text NOT NULL, kafka_partition int NOT NULL, kafka_offset bigint NOT NULL,
                    payload jsonb NOT NULL, logged_at timestamptz NOT NULL DEFAULT now())""", c -> {
            long n = 0;
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO event_log (event_id, event_type, subject, message_key, owner_org, classification,
                        occurred_at, topic, kafka_partition, kafka_offset, payload)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
                for (HistoryEvent e : events) {
                    ps.setString(1, e.id());
                    ps.setString(2, e.type());
                    ps.setString(3, e.subject().toString());
                    ps.setString(4, e.key().toString());
                    ps.setObject(5, e.ownerOrg());
                    ps.setString(6, e.classification().name());
                    ps.setTimestamp(7, Timestamp.from(e.time()));
                    ps.setString(8, e.topic());
                    ps.setInt(9, (int) (n % 3));
                    ps.setLong(10, n);
                    ps.setString(11, new String(e.payload(), StandardCharsets.UTF_8));
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            return Rate.between(n, start, System.nanoTime());
        });
    }

    /** Inserts {@code count} progress-report rows like those the load publishes. */
    public Rate insertReports(long count, String narrative, List<IndicatorValue> indicators) {
        String indicatorJson = new String(EventJson.write(indicators), StandardCharsets.UTF_8);
        return inDatabase("""
                CREATE TABLE progress_report (
                    id uuid PRIMARY KEY, action_id uuid NOT NULL, period_start date NOT NULL, period_end date NOT NULL,
                    action_status text NOT NULL, percent_complete integer NOT NULL CHECK (percent_complete BETWEEN 0 AND 100),
                    rag text NOT NULL, narrative text, indicators jsonb NOT NULL DEFAULT '[]',
                    reported_at timestamptz NOT NULL, reported_by text NOT NULL,
                    UNIQUE (action_id, period_start, period_end));
                CREATE INDEX progress_report_action ON progress_report (action_id, period_end DESC)""", c -> {
            List<UUID> actions = java.util.stream.IntStream.range(0, 64)
                    .mapToObj(i -> UUID.randomUUID())
                    .toList();
            LocalDate first = LocalDate.of(1990, 1, 1);
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO progress_report (id, action_id, period_start, period_end, action_status, percent_complete,
                        rag, narrative, indicators, reported_at, reported_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")) {
                for (long n = 0; n < count; n++) {
                    Date day = Date.valueOf(first.plusDays(n / actions.size()));
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, actions.get((int) (n % actions.size())));
                    ps.setDate(3, day);
                    ps.setDate(4, day);
                    ps.setString(5, "IN_PROGRESS");
                    ps.setInt(6, (int) (n % 101));
                    ps.setString(7, "GREEN");
                    ps.setString(8, narrative);
                    ps.setString(9, indicatorJson);
                    ps.setTimestamp(10, Timestamp.from(Instant.now()));
                    ps.setString(11, "4d3c2b1a-0000-4000-8000-00000000beef");
                    ps.addBatch();
                    if ((n + 1) % BATCH == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            return Rate.between(count, start, System.nanoTime());
        });
    }

    private interface Work {
        Rate run(Connection c) throws SQLException;
    }

    /** Runs the work in a fresh database of the benchmark's own, dropped afterwards. */
    private Rate inDatabase(String schema, Work work) {
        try (Connection admin = DriverManager.getConnection(settings.jdbcUrl("postgres"), "postgres", "");
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE + " OWNER arrival");
            try {
                try (Connection c = DriverManager.getConnection(settings.jdbcUrl(DATABASE), "arrival", "arrival");
                        Statement ddl = c.createStatement()) {
                    ddl.execute(schema);
                    c.setAutoCommit(false);
                    return work.run(c);
                }
            } finally {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database baseline failed: " + e.getMessage(), e);
        }
    }
}
