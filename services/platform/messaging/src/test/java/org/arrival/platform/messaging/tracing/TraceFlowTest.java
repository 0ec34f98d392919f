package org.arrival.platform.messaging.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.platform.messaging.MessagingTestApplication;
import org.arrival.platform.messaging.TestListener;
import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.RealInfrastructure;
import org.arrival.platform.testing.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * One trace from a request through the outbox and Kafka to a consumer's effect, and the service's metrics as the
 * cluster scrapes them: a web application of its own on the real PostgreSQL and Kafka.
 */
@SpringBootTest(
        classes = MessagingTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoints.web.exposure.include=health,prometheus")
@ContextConfiguration(initializers = RealInfrastructure.class)
class TraceFlowTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String REQUEST_SPAN = "00f067aa0ba902b7";
    private static final String INCOMING = "00-" + TRACE_ID + "-" + REQUEST_SPAN + "-01";
    private static final String TYPE =
            EventCatalogue.instance().typeOf(StakeholderRegistered.class).type();

    @LocalServerPort
    int port;

    @Autowired
    TestListener listener;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRequestsTraceReachesTheOutboxTheKafkaRecordAndTheConsumersEffect() throws Exception {
        UUID stakeholder = UUID.randomUUID();
        try (EventRecorder recorder = EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), TestListener.TOPIC)) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/probe/stakeholders/" + stakeholder))
                            .header("traceparent", INCOMING)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            String eventId = response.body();
            assertThat(response.headers().firstValue("X-Trace-In-Logs")).hasValue(TRACE_ID);

            // the server span of the request, a child of the caller's
            String stored = jdbc.queryForObject(
                    "SELECT traceparent FROM outbox_event WHERE event_id = ?::uuid", String.class, eventId);
            assertThat(stored).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01").doesNotContain(REQUEST_SPAN);

            // the relay's span, a child of the request's, on the record next to the CloudEvents headers
            RecordedEvent record = recorder.awaitExactlyOne(TYPE, stakeholder.toString());
            EventRecorder.assertValidCloudEvent(record);
            assertThat(record.header(EventTracing.TRACEPARENT))
                    .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                    .isNotEqualTo(stored);

            // the consumer's handling continues the same trace, and its logs carry it
            await().atMost(Duration.ofSeconds(30)).until(() -> listener.traceIdInLogs(eventId) != null);
            assertThat(listener.traceIdInLogs(eventId)).isEqualTo(TRACE_ID);
        }
    }

    @Test
    void theMetricsAreScrapedInPrometheusTextFormat() throws Exception {
        http.send(
                HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> scrape = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus"))
                        .header("Accept", "text/plain")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(scrape.body())
                .contains("# TYPE arrival_outbox_backlog gauge")
                .contains("\narrival_outbox_backlog")
                .contains("\narrival_outbox_oldest_age_seconds")
                .contains("\narrival_outbox_relay_leader")
                .contains("\narrival_deadletters_total{topic=\"arrival.registry.stakeholders.v1\"")
                .contains("\nhttp_server_requests_seconds_bucket{")
                .contains("\nkafka_consumer_fetch_manager_records_lag_max{");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
