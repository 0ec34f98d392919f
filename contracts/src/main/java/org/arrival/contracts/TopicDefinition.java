package org.arrival.contracts;

import java.util.List;

/**
 * A Kafka topic in the catalogue: its name, what its key is, how it is partitioned and kept,
 * and which event types travel on it.
 *
 * @param retentionMs {@code -1} keeps the full history, which the forum view's rebuild relies on
 */
public record TopicDefinition(
        String name,
        String owner,
        String key,
        int partitions,
        long retentionMs,
        String cleanupPolicy,
        String description,
        List<String> eventTypes) {

    public TopicDefinition {
        eventTypes = List.copyOf(eventTypes);
    }

    /** The dead-letter topic of one consumer group reading this topic. */
    public String deadLetterTopic(String consumerGroup) {
        return name + "." + consumerGroup + "-dlt";
    }
}
