package org.arrival.platform.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.arrival.platform.testing.EmbeddedKafka;
import org.junit.jupiter.api.Test;

/**
 * A service instance with a stable identity joins as a static member: when it dies without leaving the group (a
 * crash, {@code kill -9}) and comes back under the same identity, it gets its partitions again at once, not after
 * the group's session timeout (45 s) has given up on the dead one.
 */
class StaticMembershipTest {

    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(45);

    @Test
    void aConsumerOfAnInstanceWithAnIdentityIsAStaticMemberNamedAfterItAndItsGroup() {
        StaticMemberConsumerFactory<String, byte[]> factory = factory("forum-local");
        assertThat(factory.staticMembership()).isTrue();
        assertThat(factory.memberId("forum-projection", null)).isEqualTo("forum-local-forum-projection");
        assertThat(factory.memberId("forum-projection", "-1")).isEqualTo("forum-local-forum-projection-1");
        assertThat(factory("  ").staticMembership()).as("no identity, dynamic members as before").isFalse();
    }

    @Test
    void aRestartedInstanceGetsItsPartitionsBackAtOnce() throws Exception {
        String topic = "static-membership-" + UUID.randomUUID();
        String group = "static-membership-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        StaticMemberConsumerFactory<String, byte[]> factory = factory("forum-local");

        Consumer<String, byte[]> before = factory.createConsumer(group, null, null);
        before.subscribe(List.of(topic));
        awaitAssignment(before, Duration.ofSeconds(30));
        assertThat(before.groupMetadata().groupInstanceId()).contains("forum-local-" + group);
        // a static member does not leave its group when it closes: to the group it is the same as a crash
        before.close(Duration.ZERO);

        Instant restarted = Instant.now();
        Consumer<String, byte[]> after = factory.createConsumer(group, null, null);
        try {
            after.subscribe(List.of(topic));
            Set<TopicPartition> assigned = awaitAssignment(after, SESSION_TIMEOUT.plusSeconds(15));
            Duration waited = Duration.between(restarted, Instant.now());
            assertThat(assigned).hasSize(3);
            assertThat(waited).as("partitions back without waiting for the dead member's session to time out")
                    .isLessThan(SESSION_TIMEOUT.dividedBy(2));
        } finally {
            after.close(Duration.ZERO);
        }
    }

    private static Set<TopicPartition> awaitAssignment(Consumer<String, byte[]> consumer, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (consumer.assignment().isEmpty() && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200));
        }
        return consumer.assignment();
    }

    private static StaticMemberConsumerFactory<String, byte[]> factory(String instance) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis());
        return new StaticMemberConsumerFactory<>(config, instance);
    }
}
