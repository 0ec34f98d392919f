package org.arrival.platform.messaging.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.platform.testing.EmbeddedKafka;

/** A plain producer that writes records the way another service (or a broken one) would. */
final class TestRecords implements AutoCloseable {

    static final String REGISTERED_TYPE = "org.arrival.registry.StakeholderRegistered.v1";

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            EmbeddedKafka.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ByteArraySerializer.class,
            ProducerConfig.ACKS_CONFIG,
            "all"));

    /** A record in CloudEvents binary mode, keyed and subjected by the aggregate. */
    static ProducerRecord<String, byte[]> cloudEvent(
            String topic, String id, String type, UUID aggregate, byte[] payload) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, aggregate.toString(), payload);
        header(r, CloudEventHeaders.ID, id);
        header(r, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(r, CloudEventHeaders.TYPE, type);
        header(r, CloudEventHeaders.SOURCE, "/arrival/registry");
        header(r, CloudEventHeaders.SUBJECT, aggregate.toString());
        header(
                r,
                CloudEventHeaders.TIME,
                Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        header(r, CloudEventHeaders.OWNER_ORG, aggregate.toString());
        header(r, CloudEventHeaders.DATA_CLASSIFICATION, "PUBLIC");
        header(r, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return r;
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not produce " + record, e);
        }
    }

    /** Sends the records in one go (one producer batch where they share a partition), then waits for the acks. */
    void sendTogether(java.util.List<ProducerRecord<String, byte[]>> records) {
        java.util.List<java.util.concurrent.Future<?>> acks = new java.util.ArrayList<>();
        records.forEach(r -> acks.add(producer.send(r)));
        producer.flush();
        for (java.util.concurrent.Future<?> ack : acks) {
            try {
                ack.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("could not produce", e);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
