package org.arrival.platform.messaging.health;

import java.util.Map;

/** How far each of the service's consumer groups is behind the end of the topics it reads. */
@FunctionalInterface
public interface ConsumerLag {

    /** By consumer group. */
    Map<String, GroupLag> measure() throws Exception;

    /**
     * A consumer group's lag.
     *
     * @param total records not yet consumed, summed over the group's partitions
     * @param byTopic the same by topic
     */
    record GroupLag(long total, Map<String, Long> byTopic) {}
}
