package org.arrival.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.arrival.platform.testing.EmbeddedPostgres;
import org.arrival.platform.testing.MovableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The keys users sent with their writes, on PostgreSQL: who holds a key, what it answers, when it is free again. */
class IdempotentRequestsTest {

    static JdbcTemplate jdbc;

    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final IdempotentRequests requests =
            new IdempotentRequests(jdbc, new IdempotencyProperties(Duration.ofHours(24), Duration.ofMinutes(1)), clock);

    @BeforeAll
    static void database() throws IOException {
        jdbc = migratedDatabase("idempotent_requests");
    }

    /** A fresh database on the embedded PostgreSQL with the module's table. */
    static JdbcTemplate migratedDatabase(String name) throws IOException {
        JdbcTemplate fresh = new JdbcTemplate(new DriverManagerDataSource(
                EmbeddedPostgres.newDatabase(name), EmbeddedPostgres.user(), EmbeddedPostgres.password()));
        fresh.execute(migration());
        return fresh;
    }

    private static String migration() throws IOException {
        try (InputStream ddl =
                IdempotentRequests.class.getResourceAsStream("/db/idempotency/V0_20__idempotent_request.sql")) {
            return new String(ddl.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM idempotent_request");
    }

    static StoredAnswer created(String id) {
        return new StoredAnswer(
                201,
                "application/json",
                "/reports/" + id,
                "\"1\"",
                ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFirstRequestTakesTheKeyAndRetriesGetItsAnswer() {
        Claim first = requests.claim("ana", "k1", "f1");
        assertThat(first).isInstanceOf(Claim.Started.class);
        assertThat(requests.claim("ana", "k1", "f1")).as("while it runs").isInstanceOf(Claim.Running.class);

        requests.complete(((Claim.Started) first).attempt(), created("r1"));

        Claim retry = requests.claim("ana", "k1", "f1");
        assertThat(retry).isInstanceOf(Claim.Answered.class);
        StoredAnswer answer = ((Claim.Answered) retry).answer();
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.location()).isEqualTo("/reports/r1");
        assertThat(answer.etag()).isEqualTo("\"1\"");
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"r1\"}");
    }

    @Test
    void aKeyIsTheUsersOwnAndStandsForOneRequest() {
        Claim.Attempt ana = ((Claim.Started) requests.claim("ana", "k1", "f1")).attempt();
        requests.complete(ana, created("r1"));

        assertThat(requests.claim("ana", "k1", "f2")).as("another request").isInstanceOf(Claim.OtherRequest.class);
        assertThat(requests.claim("ben", "k1", "f1")).as("another user").isInstanceOf(Claim.Started.class);
        assertThat(requests.claim("ben", "k1", "f2")).isInstanceOf(Claim.OtherRequest.class);
    }

    @Test
    void aReleasedKeyRunsAgain() {
        Claim.Attempt failed = ((Claim.Started) requests.claim("ana", "k1", "f1")).attempt();
        requests.release(failed);

        assertThat(requests.claim("ana", "k1", "f1")).isInstanceOf(Claim.Started.class);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void anExpiredKeyIsFreeAgainAndExpiredRowsAreDeleted() {
        requests.complete(((Claim.Started) requests.claim("ana", "k1", "f1")).attempt(), created("r1"));
        requests.complete(((Claim.Started) requests.claim("ana", "k2", "f1")).attempt(), created("r2"));
        clock.move(Duration.ofHours(23));
        assertThat(requests.claim("ana", "k1", "f1")).as("within the retention").isInstanceOf(Claim.Answered.class);

        clock.move(Duration.ofHours(2));
        assertThat(requests.claim("ana", "k1", "f2")).as("after it").isInstanceOf(Claim.Started.class);
        assertThat(rows()).as("k2 deleted on the way").isEqualTo(1);

        requests.claim("ana", "k3", "f1");
        clock.move(Duration.ofHours(25));
        assertThat(requests.deleteExpired()).as("k1 and k3").isEqualTo(2);
        assertThat(rows()).isZero();
    }

    @Test
    void aRequestLeftInProgressIsTakenOverAndItsLateRunNoLongerCounts() {
        Claim.Attempt stuck = ((Claim.Started) requests.claim("ana", "k1", "f1")).attempt();
        clock.move(Duration.ofSeconds(30));
        assertThat(requests.claim("ana", "k1", "f1")).isInstanceOf(Claim.Running.class);

        clock.move(Duration.ofSeconds(31));
        Claim.Attempt retry = ((Claim.Started) requests.claim("ana", "k1", "f1")).attempt();
        requests.complete(stuck, created("late"));
        requests.release(stuck);
        assertThat(requests.claim("ana", "k1", "f1")).as("the retry holds it").isInstanceOf(Claim.Running.class);

        requests.complete(retry, created("r1"));
        assertThat(((Claim.Answered) requests.claim("ana", "k1", "f1")).answer().location())
                .isEqualTo("/reports/r1");
    }

    @Test
    void ofRequestsArrivingTogetherWithOneKeyExactlyOneRuns() throws Exception {
        List<Callable<Claim>> together = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            together.add(() -> requests.claim("ana", "k1", "f1"));
        }
        List<Claim> claims = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Claim> f : pool.invokeAll(together)) {
                claims.add(f.get());
            }
        }
        assertThat(claims.stream().filter(Claim.Started.class::isInstance)).hasSize(1);
        assertThat(claims.stream().filter(Claim.Running.class::isInstance)).hasSize(7);
    }

    private long rows() {
        return jdbc.queryForObject("SELECT count(*) FROM idempotent_request", Long.class);
    }
}
