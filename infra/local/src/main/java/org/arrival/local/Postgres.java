package org.arrival.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One PostgreSQL 16 server holding a database per service, its files kept in the data directory. The first start
 * goes through the embedded binaries' library (which unpacks them and creates the cluster); a restart runs the
 * binaries' own {@code pg_ctl restart}, which starts the postmaster with the options of its last start
 * ({@code postmaster.opts}) and clears a stale {@code postmaster.pid}. The server runs while its postmaster does,
 * whose pid is in {@code postmaster.pid}.
 */
final class Postgres implements SupervisedPart, AutoCloseable {

    static final String USER = "arrival";
    static final String PASSWORD = "arrival";

    private final StackSettings settings;
    private final Path dir;
    private final List<String> databases;
    private @Nullable EmbeddedPostgres server;
    private volatile @Nullable ProcessHandle postmaster;

    Postgres(StackSettings settings, Path dir, List<String> databases) {
        this.settings = settings;
        this.dir = dir;
        this.databases = List.copyOf(databases);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Path log() {
        return settings.logs().resolve("postgres.log");
    }

    private Path data() {
        return dir.resolve("data");
    }

    private Path binaries() {
        return dir.resolve("binaries");
    }

    @Override
    public synchronized void launch() {
        if (server == null) {
            startFirst();
        } else {
            restart();
        }
        postmaster = readPostmaster()
                .orElseThrow(() -> new IllegalStateException("PostgreSQL started but "
                        + data().resolve("postmaster.pid") + " names no running process; see " + log()));
    }

    private void startFirst() {
        EmbeddedPostgres started;
        try {
            started = EmbeddedPostgres.builder()
                    .setPort(settings.postgresPort())
                    .setDataDirectory(data())
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries().toFile())
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", StackSettings.HOST)
                    // the embedded server's default is asynchronous commit, which loses the last commits when the
                    // server is killed: a write the API confirmed must survive a crash, so commits are durable
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start; see " + log(), e);
        }
        server = started;
        createDatabases(started);
    }

    /** Starts the server again on the same data directory, with the options it last ran with. */
    private void restart() {
        endLeftovers();
        Path pgCtl = pgCtl();
        try {
            List<String> command = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                // as the embedded library does: run as root, the server needs a user namespace of its own
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(pgCtl.toString(), "-D", data().toString(), "-w", "-t", "60", "restart"));
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("pg_ctl restart did not finish within 90 s; see " + log());
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(
                        "pg_ctl restart failed with exit code " + p.exitValue() + "; see " + log());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + pgCtl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PostgreSQL restarted", e);
        }
    }

    private Path pgCtl() {
        try (Stream<Path> files = Files.find(binaries(), 3, (p, a) -> p.endsWith(Path.of("bin", "pg_ctl")))) {
            return files.findFirst().orElseThrow(() -> new IllegalStateException("no pg_ctl under " + binaries()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The postmaster named in {@code postmaster.pid}, if it runs. */
    private Optional<ProcessHandle> readPostmaster() {
        try {
            Path pidFile = data().resolve("postmaster.pid");
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || lines.getFirst().isBlank()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.getFirst().strip())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Every process still running the stack's PostgreSQL binaries: after the postmaster dies, its backends end by
     * themselves shortly, but until they do they hold the old shared memory and a new postmaster refuses to start.
     */
    private List<ProcessHandle> serverProcesses() {
        String binaries = binaries().toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.startsWith(binaries)).orElse(false))
                .toList();
    }

    private void endLeftovers() {
        List<ProcessHandle> left = serverProcesses();
        if (!left.isEmpty()) {
            ChildProcess.killAll(left);
        }
    }

    @Override
    public boolean running() {
        ProcessHandle p = postmaster;
        return p != null && p.isAlive();
    }

    @Override
    public boolean answering() {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", "2");
        props.setProperty("socketTimeout", "3");
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl("postgres"), props);
                Statement s = c.createStatement()) {
            return s.execute("select 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(90);
    }

    /** Kills the postmaster and every server process (an immediate stop, as {@code kill -9} would). */
    @Override
    public void kill() {
        List<ProcessHandle> all = new ArrayList<>();
        ProcessHandle p = postmaster;
        if (p != null) {
            all.add(p);
            p.descendants().forEach(all::add);
        }
        serverProcesses().stream().filter(h -> !all.contains(h)).forEach(all::add);
        ChildProcess.killAll(all);
    }

    @Override
    public void stop() {
        close();
    }

    private void createDatabases(EmbeddedPostgres server) {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", USER)) {
                s.execute("create role " + USER + " login password '" + PASSWORD + "'");
            }
            for (String db : databases) {
                if (!exists(c, "select 1 from pg_database where datname = ?", db)) {
                    s.execute("create database " + db + " owner " + USER);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the services' databases: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Stops the server (a fast shutdown through pg_ctl), whichever start it came from; nothing to do if it is down. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        if (!running()) {
            // held or dead: no server to stop; what is left of it goes
            endLeftovers();
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // pg_ctl returns once the server removed its pid file; the postmaster ends a moment later
        ProcessHandle p = Objects.requireNonNull(postmaster, "a running server has its postmaster");
        try {
            p.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // still running: the caller sees it through running()
        }
    }
}
