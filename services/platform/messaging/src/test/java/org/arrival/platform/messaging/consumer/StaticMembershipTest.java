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
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.arrival.platform.testing.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * A service instance with a stable identity joins as a static member: when it dies without leaving the group (a
 * crash, {@code kill -9}) and comes back under the same identity, it gets its partitions again at once, not after
 * the group's session timeout (45 s) has given up on the dead one.
 */
class StaticMembershipTest {

    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(45);

    @Test
    void eachListenerOfAnInstanceIsAStaticMemberOfItsOwnNameEvenWhenTwoShareAGroup() {
        StaticMembership membership = new StaticMembership("action-plans-local");
        ConcurrentMessageListenerContainer<Object, Object> replica =
                container("org.springframework.kafka.KafkaListenerEndpointContainer#0");
        ConcurrentMessageListenerContainer<Object, Object> needs =
                container("org.springframework.kafka.KafkaListenerEndpointContainer#1");
        membership.configure(replica);
        membership.configure(needs);
        String first = replica.getContainerProperties()
                .getKafkaConsumerProperties()
                .getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        String second = needs.getContainerProperties()
                .getKafkaConsumerProperties()
                .getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        assertThat(first).isEqualTo("action-plans-local-org.springframework.kafka.KafkaListenerEndpointContainer_0");
        assertThat(second)
                .as("two members of one group under one id would fence each other")
                .isNotEqualTo(first);
        assertThat(first).matches("[a-zA-Z0-9._-]+");

        ConcurrentMessageListenerContainer<Object, Object> dynamic = container("forum-projection");
        new StaticMembership(" ").configure(dynamic);
        assertThat(dynamic.getContainerProperties().getKafkaConsumerProperties())
                .as("no identity, dynamic members as before")
                .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }

    @Test
    void aRestartedInstanceGetsItsPartitionsBackAtOnce() throws Exception {
        String topic = "static-membership-" + UUID.randomUUID();
        String group = "static-membership-test-" + UUID.randomUUID();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        String member = new StaticMembership("forum-local").memberId("forum-projection");

        Consumer<String, byte[]> before = consumer(group, member);
        before.subscribe(List.of(topic));
        awaitAssignment(before, Duration.ofSeconds(30));
        assertThat(before.groupMetadata().groupInstanceId()).contains("forum-local-forum-projection");
        // a static member does not leave its group when it closes: to the group it is the same as a crash
        before.close(Duration.ZERO);

        Instant restarted = Instant.now();
        Consumer<String, byte[]> after = consumer(group, member);
        try {
            after.subscribe(List.of(topic));
            Set<TopicPartition> assigned = awaitAssignment(after, SESSION_TIMEOUT.plusSeconds(15));
            Duration waited = Duration.between(restarted, Instant.now());
            assertThat(assigned).hasSize(3);
            assertThat(waited)
                    .as("partitions back without waiting for the dead member's session to time out")
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

    private static Consumer<String, byte[]> consumer(String group, String member) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, member);
        return new KafkaConsumer<>(config);
    }

    private static ConcurrentMessageListenerContainer<Object, Object> container(String id) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
        ConcurrentMessageListenerContainer<Object, Object> container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(config), new ContainerProperties("a-topic"));
        container.setBeanName(id);
        return container;
    }
}
