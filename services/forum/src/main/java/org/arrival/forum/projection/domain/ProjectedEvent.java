package org.arrival.forum.projection.domain;

import java.time.Instant;
import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.contracts.EventJson;
import org.jspecify.annotations.Nullable;

/** An event as the projection reads it, whether it comes from a topic or from the event log. */
public record ProjectedEvent(
        String id,
        String type,
        String subject,
        @Nullable String key,
        UUID ownerOrg,
        DataClassification classification,
        Instant time,
        String topic,
        int partition,
        long offset,
        byte[] payload) {

    /** The event's name without namespace and version, e.g. {@code ProgressReported}. */
    public String name() {
        String withoutVersion = type.substring(0, type.lastIndexOf(".v"));
        return withoutVersion.substring(withoutVersion.lastIndexOf('.') + 1);
    }

    public <T> T payloadAs(Class<T> type) {
        return EventJson.read(payload, type);
    }

    /** Position of the event for guards of records without a version: its time, then its place in the topic. */
    public Position position() {
        return new Position(time, partition, offset);
    }

    public record Position(Instant time, int partition, long offset) {

        public boolean isAfter(Position other) {
            if (other == null) {
                return true;
            }
            int byTime = time.compareTo(other.time);
            if (byTime != 0) {
                return byTime > 0;
            }
            return partition == other.partition ? offset > other.offset : partition > other.partition;
        }
    }
}
