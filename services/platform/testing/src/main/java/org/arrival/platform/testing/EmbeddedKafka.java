package org.arrival.platform.testing;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, in this JVM) per test JVM, started on first use on a random port; with
 * {@link Infrastructure#CONTAINERS} a Kafka container (KRaft) instead.
 */
public final class EmbeddedKafka {

    private static @Nullable EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafka() {}

    public static synchronized String bootstrapServers() {
        if (Infrastructure.current() == Infrastructure.CONTAINERS) {
            return ContainerInfrastructure.kafkaBootstrapServers();
        }
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "offsets.topic.replication.factor", "1",
                    "group.initial.rebalance.delay.ms", "0"));
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        }
        return broker.getBrokersAsString();
    }
}
