package org.arrival.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's PostgreSQL under the supervisor: a postmaster killed with kill -9 comes back on the same data. */
class PostgresRestartTest {

    @TempDir
    Path dir;

    @Test
    void aKilledPostmasterIsRestartedOnTheSameDataThoughItsBackendsOutliveIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StackSettings settings = StackSettings.of(
                StackSettings.findRoot(Path.of("")),
                dir,
                false,
                false,
                Map.of("ARRIVAL_LOCAL_POSTGRES_PORT", Integer.toString(port)));
        Files.createDirectories(settings.logs());
        Postgres postgres = new Postgres(settings, dir.resolve("postgres"), List.of("arrival_test"));
        Supervisor supervisor = new Supervisor(
                List.of(postgres),
                new Supervisor.Pace(
                        Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(5)),
                settings.logs().resolve("supervisor.log"));
        try {
            postgres.launch();
            String url = settings.jdbcUrl("arrival_test");
            try (Connection c = DriverManager.getConnection(url, Postgres.USER, Postgres.PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("create table kept (id int)");
                s.execute("insert into kept values (42)");
            }
            supervisor.start();
            // an open connection: its backend outlives a killed postmaster for a moment, holding the shared memory
            try (Connection open = DriverManager.getConnection(url, Postgres.USER, Postgres.PASSWORD)) {
                long pid = Long.parseLong(Files.readAllLines(dir.resolve("postgres/data/postmaster.pid"))
                        .getFirst()
                        .strip());
                ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
                assertThat(postmaster.children().count()).isPositive();
                postmaster.destroyForcibly();

                supervisor.awaitUp("postgres", Duration.ofSeconds(90));
            }
            assertThat(supervisor.restarts("postgres")).isEqualTo(1);
            assertThat(one(url)).isEqualTo(42);

            supervisor.hold("postgres");
            assertThat(postgres.running()).isFalse();
            assertThat(postgres.answering()).isFalse();
            supervisor.release("postgres");
            supervisor.awaitUp("postgres", Duration.ofSeconds(90));
            assertThat(one(url)).isEqualTo(42);
            assertThat(supervisor.restarts("postgres")).isEqualTo(2);
            assertThat(Files.readString(settings.logs().resolve("supervisor.log")))
                    .contains("postgres died; restarting in 0.2 s; see "
                            + settings.logs().resolve("postgres.log"));
        } finally {
            supervisor.close();
            postgres.close();
        }
        assertThat(postgres.running()).isFalse();
    }

    private static int one(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, Postgres.USER, Postgres.PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id from kept")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }
}
