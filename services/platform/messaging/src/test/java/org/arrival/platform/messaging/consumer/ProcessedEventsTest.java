package org.arrival.platform.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.platform.testing.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The claims of an idempotent consumer on PostgreSQL, without Spring or a broker. */
class ProcessedEventsTest {

    static JdbcTemplate jdbc;

    ProcessedEvents processed;

    @BeforeAll
    static void database() throws IOException {
        jdbc = new JdbcTemplate(new DriverManagerDataSource(
                EmbeddedPostgres.newDatabase("processed_events"),
                EmbeddedPostgres.user(),
                EmbeddedPostgres.password()));
        try (InputStream ddl = ProcessedEvents.class.getResourceAsStream("/db/messaging/V0_2__processed_event.sql")) {
            jdbc.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM processed_event");
        processed = new ProcessedEvents(jdbc);
    }

    static InboundEvent event(String id, String type) {
        UUID owner = UUID.randomUUID();
        return new InboundEvent(
                id,
                type,
                "/arrival/test",
                owner.toString(),
                java.time.Instant.now(),
                owner,
                DataClassification.PUBLIC,
                "arrival.test",
                0,
                0,
                owner.toString(),
                new byte[0]);
    }

    @Test
    void anEventIsClaimedOncePerConsumer() {
        assertThat(processed.claim("notifications", event("e1", "T.v1"))).isTrue();
        assertThat(processed.claim("notifications", event("e1", "T.v1")))
                .as("a redelivery")
                .isFalse();
        assertThat(processed.claim("forum", event("e1", "T.v1")))
                .as("another consumer")
                .isTrue();
        assertThat(processed.wasProcessed("notifications", "e1")).isTrue();
        assertThat(processed.wasProcessed("notifications", "e2")).isFalse();
        assertThat(processed.wasProcessed("registry", "e1")).isFalse();
        assertThat(jdbc.queryForObject("SELECT event_type FROM processed_event WHERE consumer = 'forum'", String.class))
                .isEqualTo("T.v1");
    }

    @Test
    void aPollIsClaimedInOneStatementTheFirstOfTwoDeliveriesWinning() {
        processed.claim("c", event("old", "T.v1"));
        InboundEvent a = event("a", "A.v1");
        InboundEvent aAgain = event("a", "A.v1");
        InboundEvent b = event("b", "B.v1");
        InboundEvent old = event("old", "T.v1");
        InboundEvent c = event("c", "C.v1");
        List<InboundEvent> fresh = processed.claimAll("c", List.of(b, a, old, aAgain, c));
        assertThat(fresh).containsExactly(b, a, c);
        assertThat(fresh.get(1)).isSameAs(a);
        assertThat(processed.claimAll("c", List.of(a, b, c))).isEmpty();
        assertThat(processed.claimAll("other", List.of(c))).containsExactly(c);
        assertThat(jdbc.queryForList(
                        "SELECT event_type FROM processed_event WHERE consumer = 'c' ORDER BY event_id", String.class))
                .containsExactly("A.v1", "B.v1", "C.v1", "T.v1");
        assertThat(processed.claimAll("c", List.of())).isEmpty();
    }

    @Test
    void anEmptyPollCostsNoStatement() {
        // a template without a database: any statement would fail
        assertThat(new ProcessedEvents(new JdbcTemplate()).claimAll("c", List.of()))
                .isEmpty();
    }
}
