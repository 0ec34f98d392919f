package org.arrival.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.registry.StakeholderSuspended;
import org.arrival.platform.messaging.MessagingTestApplication;
import org.arrival.platform.messaging.Payloads;
import org.arrival.platform.testing.EmbeddedPostgres;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.KafkaBrokerProcess;
import org.arrival.platform.testing.RecordedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * While the broker is down the service keeps accepting writes; when it is back every event recorded meanwhile is
 * published, in each aggregate's order. A context of its own, against a broker in a child process that is stopped
 * and started again with its data.
 */
class BrokerOutageTest {

    private static final UUID OWNER = UUID.fromString("5f1c2a90-3b7d-4e21-8a6c-1d2e3f4a5b04");
    private static final String TOPIC =
            EventCatalogue.instance().typeOf(StakeholderSuspended.class).topic();

    static KafkaBrokerProcess broker;
    static ConfigurableApplicationContext context;
    static Outbox outbox;
    static JdbcTemplate jdbc;
    static TransactionTemplate tx;

    @BeforeAll
    static void startBrokerAndService() {
        broker = new KafkaBrokerProcess();
        broker.start();
        context = new SpringApplicationBuilder(MessagingTestApplication.class)
                .run(
                        "--spring.application.name=messaging-outage",
                        "--spring.main.web-application-type=none",
                        "--spring.datasource.url=" + EmbeddedPostgres.newDatabase("messaging_outage"),
                        "--spring.datasource.username=" + EmbeddedPostgres.user(),
                        "--spring.datasource.password=" + EmbeddedPostgres.password(),
                        "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                        "--messaging-test.listener.enabled=false");
        outbox = context.getBean(Outbox.class);
        jdbc = context.getBean(JdbcTemplate.class);
        tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
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
    void eventsWrittenWhileTheBrokerIsDownArePublishedInOrderOnceItIsBack() {
        List<UUID> aggregates = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            aggregates.add(UUID.randomUUID());
        }
        Set<String> before = new HashSet<>();
        try (EventRecorder recorder = EventRecorder.fromNow(broker.bootstrapServers(), TOPIC)) {
            for (UUID aggregate : aggregates) {
                before.add(append(aggregate, 1).toString());
            }
            recorder.await(e -> before.contains(e.id()), before.size(), Duration.ofSeconds(30));
        }

        broker.stop();

        // 50 more events over the same aggregates, each in its own transaction: all commit although Kafka is gone
        Map<String, List<String>> writtenIds = new LinkedHashMap<>();
        Set<String> during = new HashSet<>();
        for (long seq = 2; seq <= 11; seq++) {
            for (UUID aggregate : aggregates) {
                String id = append(aggregate, seq).toString();
                during.add(id);
                writtenIds
                        .computeIfAbsent(aggregate.toString(), k -> new ArrayList<>())
                        .add(id);
            }
        }
        assertThat(during).hasSize(50);
        sleep(2000);
        assertThat(unpublished())
                .as("nothing can be published while the broker is down")
                .isEqualTo(50);

        broker.start();

        try (EventRecorder recorder = EventRecorder.fromBeginning(broker.bootstrapServers(), TOPIC)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> firstOccurrences(recorder, during).size() == 50);
            List<RecordedEvent> first = firstOccurrences(recorder, during);
            assertThat(first).extracting(RecordedEvent::id).containsExactlyInAnyOrderElementsOf(during);

            Map<String, List<String>> arrivedIds = new LinkedHashMap<>();
            Map<String, List<Long>> arrivedSequences = new LinkedHashMap<>();
            for (RecordedEvent e : first) {
                EventRecorder.assertValidCloudEvent(e);
                arrivedIds.computeIfAbsent(e.subject(), k -> new ArrayList<>()).add(e.id());
                arrivedSequences
                        .computeIfAbsent(e.subject(), k -> new ArrayList<>())
                        .add(Payloads.sequenceOf(e.payload()));
            }
            assertThat(arrivedIds).isEqualTo(writtenIds);
            List<Long> written = LongStream.rangeClosed(2, 11).boxed().toList();
            arrivedSequences.values().forEach(s -> assertThat(s).containsExactlyElementsOf(written));
            // the events published before the outage are still there, once each
            assertThat(recorder.events(e -> before.contains(e.id()))).hasSize(before.size());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbox_event WHERE published_at IS NOT NULL", Integer.class))
                .isEqualTo(55);
    }

    /** Each event id once, at its first arrival, in the order recorded (partition order per aggregate). */
    private static List<RecordedEvent> firstOccurrences(EventRecorder recorder, Set<String> ids) {
        Map<String, RecordedEvent> first = new LinkedHashMap<>();
        for (RecordedEvent e : recorder.events(e -> ids.contains(e.id()))) {
            first.putIfAbsent(e.id(), e);
        }
        return List.copyOf(first.values());
    }

    private static UUID append(UUID aggregate, long seq) {
        return tx.execute(status -> outbox.append(
                OutgoingEvent.about(aggregate, OWNER, DataClassification.PUBLIC, Payloads.suspended(aggregate, seq))));
    }

    private static int unpublished() {
        return jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE published_at IS NULL", Integer.class);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
