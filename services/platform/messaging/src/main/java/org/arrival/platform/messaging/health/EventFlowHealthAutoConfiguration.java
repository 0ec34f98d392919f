package org.arrival.platform.messaging.health;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.arrival.platform.messaging.MessagingAutoConfiguration;
import org.arrival.platform.messaging.MessagingProperties;
import org.arrival.platform.messaging.outbox.OutboxRelay;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The event-flow health of a service, one contributor named {@code eventFlow} for Actuator's health groups.
 * <p>
 * The contract, for a service's {@code application.yml}:
 * <ul>
 * <li>{@code /actuator/health/liveness} includes {@code livenessState} only: the process is alive. A dead broker
 * or database never restarts a service.</li>
 * <li>{@code /actuator/health/readiness} includes {@code readinessState}, {@code db} and {@code eventFlow}: the
 * service can take traffic and its events flow. 503 (DOWN) takes the instance out of load balancing until it
 * recovers; the components name what is wrong.</li>
 * <li>{@code eventFlow} has, where they apply: {@code broker} (describeCluster answered within
 * {@code arrival.messaging.health.broker-timeout}, default 2 s); {@code outbox} (only with an outbox relay: the
 * oldest unpublished event at most {@code outbox-max-age} old, default 60 s); {@code consumerLag} (only with
 * {@code arrival.messaging.consumed-topics}: every consumer group at most {@code max-lag} records behind,
 * default 10,000). Measurements are reused for {@code cache-for} (default 5 s).</li>
 * <li>{@code /actuator/health} (all contributors) is UP in the normal case; it also goes DOWN with them.</li>
 * </ul>
 * {@code arrival.messaging.health.enabled=false} leaves all of it out.
 */
@AutoConfiguration(
        after = MessagingAutoConfiguration.class,
        afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnProperty(name = "arrival.messaging.health.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(EventFlowHealthProperties.class)
public class EventFlowHealthAutoConfiguration {

    @Bean
    public BrokerAdmin eventFlowBrokerAdmin(KafkaProperties kafka, EventFlowHealthProperties health) {
        return new BrokerAdmin(kafka.buildAdminProperties(), health.brokerTimeout());
    }

    @Bean
    public HealthContributor eventFlowHealthContributor(
            BrokerAdmin admin,
            EventFlowHealthProperties health,
            MessagingProperties messaging,
            ObjectProvider<OutboxRelay> relay,
            ObjectProvider<JdbcTemplate> jdbc,
            ObjectProvider<KafkaListenerEndpointRegistry> listeners,
            Environment environment) {
        Map<String, HealthContributor> parts = new LinkedHashMap<>();
        BrokerHealthIndicator broker = new BrokerHealthIndicator(admin, health.brokerTimeout(), health.cacheFor());
        parts.put("broker", broker);
        JdbcTemplate db = jdbc.getIfAvailable();
        if (relay.getIfAvailable() != null && db != null) {
            parts.put(
                    "outbox",
                    new OutboxAgeHealthIndicator(OutboxBacklog.of(db), health.outboxMaxAge(), health.cacheFor()));
        }
        if (!messaging.consumedTopics().isEmpty()) {
            String defaultGroup = environment.getProperty(
                    "spring.kafka.consumer.group-id", environment.getProperty("spring.application.name", "arrival"));
            Supplier<Map<String, Set<String>>> groups =
                    () -> topicsByGroup(listeners.getIfAvailable(), defaultGroup, messaging.consumedTopics());
            parts.put(
                    "consumerLag",
                    new ConsumerLagHealthIndicator(
                            new AdminConsumerLag(admin, groups, health.brokerTimeout()),
                            health.maxLag(),
                            broker::reachable,
                            health.cacheFor()));
        }
        return CompositeHealthContributor.fromMap(parts);
    }

    /**
     * The groups of the service's listener containers and the topics each reads; without listeners (yet), the
     * default group over the consumed topics.
     */
    static Map<String, Set<String>> topicsByGroup(
            @Nullable KafkaListenerEndpointRegistry registry, String defaultGroup, List<String> consumedTopics) {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        if (registry != null) {
            for (MessageListenerContainer container : registry.getListenerContainers()) {
                String group = container.getGroupId();
                String[] topics = container.getContainerProperties().getTopics();
                if (group != null && topics != null) {
                    groups.computeIfAbsent(group, g -> new LinkedHashSet<>()).addAll(List.of(topics));
                }
            }
        }
        if (groups.isEmpty()) {
            groups.put(defaultGroup, new LinkedHashSet<>(consumedTopics));
        }
        return groups;
    }
}
