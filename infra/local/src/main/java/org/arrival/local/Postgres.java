package org.arrival.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** One PostgreSQL 16 server holding a database per service, its files kept in the data directory. */
final class Postgres implements AutoCloseable {

    static final String USER = "arrival";
    static final String PASSWORD = "arrival";

    private final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static Postgres start(StackSettings settings, Path dir, List<String> databases) {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(settings.postgresPort())
                    .setDataDirectory(dir.resolve("data")).setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dir.resolve("binaries").toFile())
                    .setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200").setServerConfig("listen_addresses", StackSettings.HOST)
                    .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(settings.logs().resolve("postgres.log").toFile()))
                    .setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(settings.logs().resolve("postgres.log").toFile()))
                    .start();
            Postgres postgres = new Postgres(server);
            postgres.createDatabases(databases);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start; see " + settings.logs().resolve("postgres.log"), e);
        }
    }

    private void createDatabases(List<String> databases) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
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

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
