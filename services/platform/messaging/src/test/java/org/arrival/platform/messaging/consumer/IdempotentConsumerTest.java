package org.arrival.platform.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.platform.messaging.MessagingIntegrationTest;
import org.arrival.platform.messaging.Payloads;
import org.arrival.platform.messaging.TestListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

/** A redelivered event has its effect once; a payload from a newer producer is still read. */
@MessagingIntegrationTest
class IdempotentConsumerTest {

    @Autowired
    TestListener listener;

    @Autowired
    JdbcTemplate jdbc;

    final TestRecords records = new TestRecords();

    @AfterEach
    void close() {
        records.close();
    }

    @Test
    void theSameEventDeliveredTwiceHasItsEffectOnce() {
        UUID aggregate = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> event = TestRecords.cloudEvent(
                TestListener.TOPIC,
                id,
                TestRecords.REGISTERED_TYPE,
                aggregate,
                EventJson.write(Payloads.registered(aggregate)));
        records.send(event);
        records.send(event);
        // a third event on the same key (so the same partition, handled after both copies) shows both were handled
        String after = UUID.randomUUID().toString();
        records.send(TestRecords.cloudEvent(
                TestListener.TOPIC,
                after,
                TestRecords.REGISTERED_TYPE,
                aggregate,
                EventJson.write(Payloads.registered(aggregate))));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(after) == 1);
        assertThat(listener.deliveries(aggregate.toString()))
                .as("both copies reached the listener")
                .isEqualTo(3);
        assertThat(effects(id)).as("effect rows of the twice-delivered event").isOne();
        assertThat(processed(id)).isOne();
        assertThat(jdbc.queryForObject("SELECT detail FROM test_effect WHERE event_id = ?", String.class, id))
                .isEqualTo(Payloads.registered(aggregate).stakeholder().name());
    }

    @Test
    void aPayloadWithFieldsThisConsumerDoesNotKnowIsReadTolerantly() {
        UUID aggregate = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(Payloads.bytes(Payloads.REGISTERED_EXAMPLE));
        json.put("introducedLater", "a field added in a newer minor version");
        ((ObjectNode) json.get("stakeholder")).putObject("newNestedThing").put("score", 7);
        byte[] payload = EventJson.mapper().writeValueAsBytes(json);

        // the library's reader on its own
        ConsumerRecord<String, byte[]> consumed =
                new ConsumerRecord<>(TestListener.TOPIC, 0, 0L, aggregate.toString(), payload);
        for (Header h : TestRecords.cloudEvent(TestListener.TOPIC, id, TestRecords.REGISTERED_TYPE, aggregate, payload)
                .headers()) {
            consumed.headers().add(h);
        }
        InboundEvent inbound = InboundEvent.from(consumed);
        assertThat(inbound.id()).isEqualTo(id);
        assertThat(inbound.subject()).isEqualTo(aggregate.toString());
        assertThat(inbound.payloadAs(StakeholderRegistered.class)).isEqualTo(Payloads.registeredExample());

        // and through the listener
        records.send(TestRecords.cloudEvent(TestListener.TOPIC, id, TestRecords.REGISTERED_TYPE, aggregate, payload));
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(id) == 1);
        assertThat(jdbc.queryForObject("SELECT detail FROM test_effect WHERE event_id = ?", String.class, id))
                .isEqualTo("Kampala Capital City Authority");
        assertThat(processed(id)).isOne();
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsUnreadable() {
        ConsumerRecord<String, byte[]> bare =
                new ConsumerRecord<>(TestListener.TOPIC, 0, 0L, "k", Payloads.bytes(Payloads.REGISTERED_EXAMPLE));
        assertThatThrownBy(() -> InboundEvent.from(bare))
                .isInstanceOf(UnreadableEvent.class)
                .hasMessageContaining("ce_id");
    }

    private int effects(String eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM test_effect WHERE event_id = ?", Integer.class, eventId);
    }

    private int processed(String eventId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                Integer.class,
                TestListener.CONSUMER,
                eventId);
    }
}
