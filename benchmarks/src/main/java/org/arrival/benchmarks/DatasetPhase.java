package org.arrival.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrival.benchmarks.dataset.DatasetSize;
import org.arrival.benchmarks.dataset.NationalDataset;
import org.arrival.benchmarks.events.ConsumerLag;
import org.arrival.benchmarks.events.LiveReading;
import org.arrival.benchmarks.footprint.Footprint;
import org.arrival.benchmarks.measure.Format;
import org.arrival.benchmarks.measure.Table;
import org.arrival.benchmarks.reporting.Workspace;
import org.arrival.local.DemoForum;
import org.arrival.local.LocalStack;
import org.arrival.local.PlatformService;
import org.arrival.local.StackSettings;

/**
 * Loads a data set of a city's or a country's size through the topics, read by the running services' own
 * consumers, and tells how long that took, what it cost each process and how large the databases grew.
 */
final class DatasetPhase {

    /** The demo organisations seated in every forum of the data set, so that their people can read it. */
    static final List<UUID> READERS = List.of(
            UUID.fromString(DemoForum.UBOS),
            UUID.fromString(DemoForum.KCCA),
            UUID.fromString(DemoForum.DCIC),
            UUID.fromString(DemoForum.DONOR));

    /** The reader who chairs the large forum: the city, whose coordinator then runs the forum's checks. */
    static final UUID CHAIR = UUID.fromString(DemoForum.KCCA);

    private static final Duration LIMIT = Duration.ofHours(2);

    /** What the load measured. */
    record Result(NationalDataset dataset, LiveReading.Result read, Map<String, Long> cpu, Map<String, Long> bytes) {

        Table table() {
            Table t = new Table("step", "events", "time (s)", "events/s");
            var s = read.seeded();
            t.row(
                    "write the data set to the topics (plain producer, " + Math.round(s.meanSize())
                            + " bytes a record)",
                    String.format("%,d", s.events()),
                    Format.seconds(s.rate().elapsed().toMillis() / 1000.0),
                    Format.rate(s.rate().perSecond()));
            read.byGroup()
                    .forEach((group, rate) -> t.row(
                            group + " (consumer group) read it all, writing included",
                            String.format("%,d", rate.count()),
                            Format.seconds(rate.elapsed().toMillis() / 1000.0),
                            Format.rate(rate.perSecond())));
            t.row(
                    "every consumer group caught up",
                    String.format("%,d", read.allRead().count()),
                    Format.seconds(read.allRead().elapsed().toMillis() / 1000.0),
                    Format.rate(read.allRead().perSecond()));
            return t;
        }

        /** CPU each process spent per event of the data set (µs), and the databases' size after it. */
        Table costs() {
            Table t = new Table("process or database", "CPU per event (µs)", "database size after (MiB)");
            long events = Math.max(1, read.seeded().events());
            cpu.forEach((part, nanos) -> t.row(part, Format.rate(nanos / 1000.0 / events), ""));
            bytes.forEach((db, size) -> t.row(db, "", Format.mib(size / 1024)));
            return t;
        }
    }

    private final StackSettings settings;
    private final LocalStack stack;
    private final ConsumerLag lag;
    private final Workspace workspace;

    DatasetPhase(StackSettings settings, LocalStack stack, ConsumerLag lag, Workspace workspace) {
        this.settings = settings;
        this.stack = stack;
        this.lag = lag;
        this.workspace = workspace;
    }

    Result load(DatasetSize size, long seed) {
        NationalDataset dataset = new NationalDataset(size, seed, READERS, CHAIR);
        Benchmark.log("loading the " + dataset + ": " + size.forums() + " forums, " + size.organisations()
                + " organisations, " + size.actions() + " actions, " + size.reports() + " progress reports");
        Map<String, Long> before = Footprint.cpu(stack);
        long deadBefore = lag.deadLetters();
        LiveReading.Result read = LiveReading.publish(dataset, settings.kafkaBootstrap(), lag, workspace, LIMIT);
        Map<String, Long> cpu = Footprint.cpuSince(before, Footprint.cpu(stack));
        Benchmark.log("data set read: " + read.allRead() + " " + read.byGroup());
        long dead = lag.deadLetters() - deadBefore;
        if (dead > 0) {
            throw new IllegalStateException(dead + " events of the data set were dead-lettered: the consumers refused "
                    + "them (see the services' logs)");
        }
        return new Result(dataset, read, cpu, databaseSizes());
    }

    private Map<String, Long> databaseSizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            for (PlatformService service : List.of(PlatformService.FORUM, PlatformService.NOTIFICATIONS)) {
                try (ResultSet r = s.executeQuery("SELECT pg_database_size('" + service.database() + "')")) {
                    r.next();
                    sizes.put(service.database(), r.getLong(1));
                }
            }
        } catch (SQLException e) {
            Benchmark.log("database sizes not read: " + e.getMessage());
        }
        return sizes;
    }
}
