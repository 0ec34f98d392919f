package org.arrival.platform.messaging.health;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Consumer lag from the broker's own bookkeeping: for each group, its committed offsets
 * ({@code listConsumerGroupOffsets}) against the end of each partition it reads ({@code listOffsets} latest).
 * A partition the group has not committed on yet counts from its earliest offset (the consumers start there).
 * A topic that does not exist yet has no lag.
 */
public class AdminConsumerLag implements ConsumerLag {

    /** Why a partition of a group's topics has a start and an end offset: both are listed for every such partition. */
    private static final String LISTED = "start and end offsets are listed for every partition of the topics";

    private final BrokerAdmin admin;
    private final Supplier<Map<String, Set<String>>> topicsByGroup;
    private final Duration timeout;

    /** @param topicsByGroup the service's consumer groups and the topics each reads, asked at every measurement */
    public AdminConsumerLag(BrokerAdmin admin, Supplier<Map<String, Set<String>>> topicsByGroup, Duration timeout) {
        this.admin = admin;
        this.topicsByGroup = topicsByGroup;
        this.timeout = timeout;
    }

    @Override
    public Map<String, GroupLag> measure() throws Exception {
        Admin a = admin.admin();
        long deadline = System.nanoTime() + timeout.toNanos() * 2;
        Map<String, Set<String>> groups = topicsByGroup.get();
        Set<String> topics = new TreeSet<>();
        groups.values().forEach(topics::addAll);

        Map<String, Collection<TopicPartition>> partitions = new HashMap<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> e :
                a.describeTopics(topics).topicNameValues().entrySet()) {
            try {
                TopicDescription d = get(e.getValue(), deadline);
                partitions.put(
                        e.getKey(),
                        d.partitions().stream()
                                .map(p -> new TopicPartition(e.getKey(), p.partition()))
                                .toList());
            } catch (ExecutionException missing) {
                if (!(missing.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw missing;
                }
            }
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.values().forEach(ps -> ps.forEach(p -> latest.put(p, OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                get(a.listOffsets(latest).all(), deadline);
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        latest.keySet().forEach(p -> earliest.put(p, OffsetSpec.earliest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts =
                get(a.listOffsets(earliest).all(), deadline);

        Map<String, GroupLag> result = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    get(a.listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata(), deadline);
            Map<String, Long> byTopic = new TreeMap<>();
            long total = 0;
            for (String topic : group.getValue()) {
                long topicLag = 0;
                for (TopicPartition p : partitions.getOrDefault(topic, java.util.List.of())) {
                    OffsetAndMetadata c = committed.get(p);
                    long from = c != null
                            ? c.offset()
                            : Objects.requireNonNull(starts.get(p), LISTED).offset();
                    topicLag += Math.max(
                            0, Objects.requireNonNull(ends.get(p), LISTED).offset() - from);
                }
                byTopic.put(topic, topicLag);
                total += topicLag;
            }
            result.put(group.getKey(), new GroupLag(total, byTopic));
        }
        return result;
    }

    private static <T> T get(KafkaFuture<T> future, long deadline) throws Exception {
        return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
