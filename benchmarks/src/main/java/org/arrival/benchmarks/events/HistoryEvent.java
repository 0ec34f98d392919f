package org.arrival.benchmarks.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.contracts.DataClassification;

/** One event of the seeded history, with everything its CloudEvents headers carry. */
public record HistoryEvent(
        String topic,
        String type,
        String id,
        UUID subject,
        UUID key,
        UUID ownerOrg,
        DataClassification classification,
        Instant time,
        byte[] payload) {

    /** The event as the outbox relay would publish it, to the topic given (its own, or a baseline's). */
    public ProducerRecord<String, byte[]> record(String toTopic) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(toTopic, key.toString(), payload);
        header(r, CloudEventHeaders.ID, id);
        header(r, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(r, CloudEventHeaders.TYPE, type);
        header(r, CloudEventHeaders.SOURCE, "/arrival/" + topic.split("\\.")[1]);
        header(r, CloudEventHeaders.SUBJECT, subject.toString());
        header(r, CloudEventHeaders.TIME, time.toString());
        header(r, CloudEventHeaders.OWNER_ORG, ownerOrg.toString());
        header(r, CloudEventHeaders.DATA_CLASSIFICATION, classification.name());
        header(r, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return r;
    }

    /** Key, payload and header bytes: what the record weighs on the broker before batching. */
    public int size() {
        int size = key.toString().length() + payload.length;
        for (var h : record(topic).headers()) {
            size += h.key().length() + h.value().length;
        }
        return size;
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
