package org.arrival.platform.messaging.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.arrival.contracts.CloudEventHeaders;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventJson;

/** A CloudEvent read from Kafka in binary mode: its attributes and JSON payload. */
public record InboundEvent(
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        UUID ownerOrg,
        DataClassification classification,
        String topic,
        int partition,
        long offset,
        String key,
        byte[] payload) {

    /** Reads the attributes from the headers; a record without them is {@link UnreadableEvent}. */
    public static InboundEvent from(ConsumerRecord<String, byte[]> record) {
        try {
            return new InboundEvent(
                    required(record, CloudEventHeaders.ID),
                    required(record, CloudEventHeaders.TYPE),
                    required(record, CloudEventHeaders.SOURCE),
                    required(record, CloudEventHeaders.SUBJECT),
                    Instant.parse(required(record, CloudEventHeaders.TIME)),
                    UUID.fromString(required(record, CloudEventHeaders.OWNER_ORG)),
                    DataClassification.valueOf(required(record, CloudEventHeaders.DATA_CLASSIFICATION)),
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    requirePayload(record));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new UnreadableEvent(
                    "unreadable CloudEvents attribute on " + where(record) + ": " + e.getMessage(), e);
        }
    }

    /** The payload as a contract record; unknown fields are ignored, unreadable JSON is {@link UnreadableEvent}. */
    public <T> T payloadAs(Class<T> type) {
        try {
            return EventJson.read(payload, type);
        } catch (RuntimeException e) {
            throw new UnreadableEvent(
                    "payload of " + this.type + " " + id + " cannot be read as " + type.getSimpleName() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new UnreadableEvent("record " + where(record) + " lacks the " + name + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] requirePayload(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new UnreadableEvent("record " + where(record) + " has no payload");
        }
        return record.value();
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }
}
