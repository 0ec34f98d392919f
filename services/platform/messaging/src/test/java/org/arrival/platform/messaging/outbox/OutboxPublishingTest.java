package org.arrival.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.EventTypeDefinition;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.platform.messaging.MessagingIntegrationTest;
import org.arrival.platform.messaging.Payloads;
import org.arrival.platform.testing.EmbeddedKafka;
import org.arrival.platform.testing.EventRecorder;
import org.arrival.platform.testing.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What a service appends inside its transaction reaches Kafka once, as a valid CloudEvent; nothing else does. */
@MessagingIntegrationTest
class OutboxPublishingTest {

    private static final UUID OWNER = UUID.fromString("5f1c2a90-3b7d-4e21-8a6c-1d2e3f4a5b01");
    private static final EventTypeDefinition REGISTERED =
            EventCatalogue.instance().typeOf(StakeholderRegistered.class);

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    TransactionTemplate tx;
    EventRecorder recorder;

    @BeforeEach
    void record() {
        tx = new TransactionTemplate(transactionManager);
        recorder = EventRecorder.fromNow(EmbeddedKafka.bootstrapServers(), REGISTERED.topic());
    }

    @AfterEach
    void stopRecording() {
        recorder.close();
    }

    @Test
    void eventsAppendedInACommittedTransactionArriveOnceAsCloudEventsKeyedByTheirAggregate() {
        List<UUID> aggregates = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            aggregates.add(UUID.randomUUID());
        }
        List<UUID> ids = tx.execute(status -> aggregates.stream()
                .map(a ->
                        outbox.append(OutgoingEvent.about(a, OWNER, DataClassification.PUBLIC, Payloads.registered(a))))
                .toList());

        for (int i = 0; i < aggregates.size(); i++) {
            UUID aggregate = aggregates.get(i);
            RecordedEvent event = recorder.awaitExactlyOne(REGISTERED.type(), aggregate.toString());
            EventRecorder.assertValidCloudEvent(event);
            assertThat(event.topic()).isEqualTo("arrival.registry.stakeholders.v1");
            assertThat(event.key()).isEqualTo(aggregate.toString());
            assertThat(event.id()).isEqualTo(ids.get(i).toString());
            assertThat(event.header(CloudEventHeaders.SOURCE)).isEqualTo("/arrival/registry");
            assertThat(event.header(CloudEventHeaders.OWNER_ORG)).isEqualTo(OWNER.toString());
            assertThat(event.header(CloudEventHeaders.DATA_CLASSIFICATION)).isEqualTo("PUBLIC");
            assertThat(event.header(CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(EventJson.read(event.payload(), StakeholderRegistered.class))
                    .isEqualTo(Payloads.registered(aggregate));
        }
        assertThat(recorder.events(
                        e -> ids.stream().anyMatch(id -> id.toString().equals(e.id()))))
                .hasSize(5);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM outbox_event WHERE event_id = ANY(?::uuid[]) AND published_at IS NOT NULL",
                                Integer.class,
                                (Object) ids.stream().map(UUID::toString).toArray(String[]::new)))
                        .isEqualTo(5));
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        UUID aggregate = UUID.randomUUID();
        assertThatThrownBy(() -> outbox.append(OutgoingEvent.about(
                        aggregate, OWNER, DataClassification.PUBLIC, Payloads.registered(aggregate))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(rowsAbout(aggregate)).isZero();
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        UUID rolledBack = UUID.randomUUID();
        UUID committedAfterwards = UUID.randomUUID();

        tx.executeWithoutResult(status -> {
            outbox.append(
                    OutgoingEvent.about(rolledBack, OWNER, DataClassification.PUBLIC, Payloads.registered(rolledBack)));
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    outbox.append(OutgoingEvent.about(
                            rolledBack, OWNER, DataClassification.PUBLIC, Payloads.registered(rolledBack)));
                    throw new IllegalArgumentException("the change failed");
                }))
                .isInstanceOf(IllegalArgumentException.class);
        // a later commit wakes the relay and is published: by then it has read past where the rolled-back rows were
        tx.executeWithoutResult(status -> outbox.append(OutgoingEvent.about(
                committedAfterwards, OWNER, DataClassification.PUBLIC, Payloads.registered(committedAfterwards))));

        recorder.awaitExactlyOne(REGISTERED.type(), committedAfterwards.toString());
        sleep(1000);
        assertThat(recorder.events(e -> rolledBack.toString().equals(e.subject())))
                .isEmpty();
        assertThat(rowsAbout(rolledBack)).isZero();
        assertThat(rowsAbout(committedAfterwards)).isOne();
    }

    private int rowsAbout(UUID aggregate) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM outbox_event WHERE subject = ?", Integer.class, aggregate.toString());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
