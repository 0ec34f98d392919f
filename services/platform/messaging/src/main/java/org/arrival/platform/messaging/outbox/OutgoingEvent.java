package org.arrival.platform.messaging.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.jspecify.annotations.Nullable;

/**
 * An event to publish: its payload (a record of the contracts' catalogue, which fixes type and topic), the record
 * it is about, the key that orders it (the aggregate id), the owning organisation and the classification.
 */
public record OutgoingEvent(
        Object payload,
        String subject,
        String key,
        UUID ownerOrg,
        DataClassification classification,
        @Nullable Instant occurredAt) {

    public OutgoingEvent {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(ownerOrg, "ownerOrg");
        Objects.requireNonNull(classification, "classification");
        key = key == null ? subject : key;
    }

    /** An event about an aggregate, keyed by the aggregate's id. */
    public static OutgoingEvent about(
            UUID aggregateId, UUID ownerOrg, DataClassification classification, Object payload) {
        return new OutgoingEvent(
                payload, aggregateId.toString(), aggregateId.toString(), ownerOrg, classification, null);
    }

    /** The same event ordered by another key (e.g. a membership ordered with its forum). */
    public OutgoingEvent keyedBy(UUID orderingKey) {
        return new OutgoingEvent(payload, subject, orderingKey.toString(), ownerOrg, classification, occurredAt);
    }

    public OutgoingEvent at(@Nullable Instant time) {
        return new OutgoingEvent(payload, subject, key, ownerOrg, classification, time);
    }
}
