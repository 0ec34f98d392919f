package org.arrival.platform.messaging.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.platform.messaging.MessagingTestApplication;
import org.arrival.platform.messaging.Payloads;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.arrival.platform.testing.EmbeddedPostgres;
import org.arrival.platform.testing.KafkaBrokerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readiness follows the event flow, liveness does not: with the broker stopped the readiness probe answers 503
 * naming the broker while liveness stays UP, and readiness is UP again once the broker is back. Consumer lag is
 * measured on the real broker. A web application of its own against a broker in a child process.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventFlowReadinessTest {

    private static final UUID OWNER = UUID.fromString("5f1c2a90-3b7d-4e21-8a6c-1d2e3f4a5b05");

    static KafkaBrokerProcess broker;
    static ConfigurableApplicationContext context;
    static HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static String base;

    @BeforeAll
    static void startBrokerAndService() {
        broker = new KafkaBrokerProcess();
        broker.start();
        context = new SpringApplicationBuilder(MessagingTestApplication.class)
                .run(
                        "--spring.application.name=messaging-health",
                        "--spring.main.web-application-type=servlet",
                        "--server.port=0",
                        "--spring.datasource.url=" + EmbeddedPostgres.newDatabase("messaging_health"),
                        "--spring.datasource.username=" + EmbeddedPostgres.user(),
                        "--spring.datasource.password=" + EmbeddedPostgres.password(),
                        "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                        "--messaging-test.listener.enabled=false",
                        // the groups as the services define them
                        "--management.endpoints.web.exposure.include=health",
                        "--management.endpoint.health.probes.enabled=true",
                        "--management.endpoint.health.group.liveness.include=livenessState",
                        "--management.endpoint.health.group.readiness.include=readinessState,db,eventFlow",
                        "--management.endpoint.health.group.readiness.show-components=always",
                        "--management.endpoint.health.group.readiness.show-details=always",
                        "--arrival.messaging.health.broker-timeout=1s",
                        "--arrival.messaging.health.cache-for=500ms",
                        "--arrival.messaging.health.max-lag=2");
        base = "http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterAll
    static void stopAll() {
        if (context != null) {
            context.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void readinessFollowsTheBrokerAndLivenessDoesNot() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/actuator/health/readiness").statusCode() == 200);
        HttpResponse<String> ready = get("/actuator/health/readiness");
        assertThat(read(ready, "$.status")).isEqualTo("UP");
        assertThat(read(ready, "$.components.db.status")).isEqualTo("UP");
        assertThat(read(ready, "$.components.eventFlow.components.broker.status"))
                .isEqualTo("UP");
        assertThat(read(ready, "$.components.eventFlow.components.broker.details.brokers"))
                .isEqualTo("1");
        assertThat(read(ready, "$.components.eventFlow.components.outbox.status"))
                .isEqualTo("UP");
        assertThat(read(ready, "$.components.eventFlow.components.consumerLag.status"))
                .isEqualTo("UP");
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        broker.stop();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> get("/actuator/health/readiness").statusCode() == 503);
        HttpResponse<String> notReady = get("/actuator/health/readiness");
        assertThat(read(notReady, "$.status")).isEqualTo("DOWN");
        assertThat(read(notReady, "$.components.eventFlow.components.broker.status"))
                .isEqualTo("DOWN");
        assertThat(read(notReady, "$.components.eventFlow.components.broker.details.error"))
                .startsWith("Kafka broker unreachable");
        assertThat(read(notReady, "$.components.db.status")).isEqualTo("UP");
        HttpResponse<String> alive = get("/actuator/health/liveness");
        assertThat(alive.statusCode()).isEqualTo(200);
        assertThat(read(alive, "$.status")).isEqualTo("UP");

        broker.start();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/actuator/health/readiness").statusCode() == 200);
        assertThat(read(get("/actuator/health/readiness"), "$.components.eventFlow.components.broker.status"))
                .isEqualTo("UP");
    }

    @Test
    @Order(2)
    void consumerLagIsMeasuredOnTheBrokerAndBounded() {
        // (after the broker test: it leaves readiness DOWN)
        // nobody consumes in this application: three published events are three records of lag, over the bound of 2
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        Outbox outbox = context.getBean(Outbox.class);
        UUID aggregate = UUID.randomUUID();
        for (long seq = 1; seq <= 3; seq++) {
            long s = seq;
            tx.executeWithoutResult(status -> outbox.append(OutgoingEvent.about(
                    aggregate, OWNER, DataClassification.PUBLIC, Payloads.suspended(aggregate, s))));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL", Integer.class)
                        == 0);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/actuator/health/readiness").statusCode() == 503);
        HttpResponse<String> behind = get("/actuator/health/readiness");
        assertThat(read(behind, "$.components.eventFlow.components.broker.status"))
                .isEqualTo("UP");
        assertThat(read(behind, "$.components.eventFlow.components.consumerLag.status"))
                .isEqualTo("DOWN");
        assertThat(Long.parseLong(read(
                        behind,
                        "$.components.eventFlow.components.consumerLag.details.groups['messaging-test-consumer'].lag")))
                .isGreaterThanOrEqualTo(3);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(HttpResponse<String> response, String path) {
        return String.valueOf((Object) JsonPath.read(response.body(), path));
    }
}
