package org.arrival.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventContractValidator;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.EventTypeDefinition;

/**
 * Publishes events as another service would: a contract payload, valid against its schema, with every CloudEvents
 * header, on the catalogue's topic for its type. For tests of consumers.
 */
public final class EventFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public EventFeed(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Publishes and returns the event's id. */
    public String publish(Object payload, UUID subject, UUID key, UUID ownerOrg, DataClassification classification) {
        return publish(
                payload,
                subject,
                key,
                ownerOrg,
                classification,
                UUID.randomUUID().toString());
    }

    /** Publishes with a given event id, e.g. to deliver the same event twice. */
    public String publish(
            Object payload, UUID subject, UUID key, UUID ownerOrg, DataClassification classification, String eventId) {
        EventTypeDefinition type = EventCatalogue.instance().typeOf(payload.getClass());
        byte[] json = EventJson.write(payload);
        EventContractValidator.shared().requireValid(type.type(), json);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key.toString(), json);
        String service = type.topic().split("\\.")[1];
        Map<String, String> headers = Map.of(
                CloudEventHeaders.ID,
                eventId,
                CloudEventHeaders.SPEC_VERSION,
                CloudEventHeaders.SPEC_VERSION_VALUE,
                CloudEventHeaders.TYPE,
                type.type(),
                CloudEventHeaders.SOURCE,
                "/arrival/" + service,
                CloudEventHeaders.SUBJECT,
                subject.toString(),
                CloudEventHeaders.TIME,
                Instant.now().toString(),
                CloudEventHeaders.OWNER_ORG,
                ownerOrg.toString(),
                CloudEventHeaders.DATA_CLASSIFICATION,
                classification.name(),
                CloudEventHeaders.CONTENT_TYPE,
                CloudEventHeaders.JSON);
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type.type(), e);
        }
        return eventId;
    }

    @Override
    public void close() {
        producer.close();
    }
}
