package org.arrival.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One real PostgreSQL 16 server per test JVM (zonky binaries), started on first use.
 * Each caller gets a database of its own, so suites never see each other's rows.
 * With {@link Infrastructure#CONTAINERS} the databases are made in a PostgreSQL 16 container instead.
 */
public final class EmbeddedPostgres {

    private static io.zonky.test.db.postgres.embedded.@Nullable EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private EmbeddedPostgres() {}

    public static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
        if (Infrastructure.current() == Infrastructure.CONTAINERS) {
            throw new IllegalStateException("no embedded PostgreSQL with " + Infrastructure.PROPERTY
                    + "=containers: use newDatabase, user and password");
        }
        if (server == null) {
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres started;
            try {
                started = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            server = started;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    /** Creates a fresh database and returns its JDBC URL (connect as {@link #user()} with {@link #password()}). */
    public static String newDatabase(String prefix) {
        if (Infrastructure.current() == Infrastructure.CONTAINERS) {
            return ContainerInfrastructure.newDatabase(prefix);
        }
        String name = (prefix + "_" + DATABASES.incrementAndGet())
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection c = server().getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    public static String user() {
        if (Infrastructure.current() == Infrastructure.CONTAINERS) {
            return ContainerInfrastructure.postgresUser();
        }
        return "postgres";
    }

    public static String password() {
        if (Infrastructure.current() == Infrastructure.CONTAINERS) {
            return ContainerInfrastructure.postgresPassword();
        }
        return "postgres";
    }
}
