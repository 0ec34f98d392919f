package org.arrival.platform.messaging.consumer;

import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Listeners of a service instance that has a stable identity ({@code ARRIVAL_INSTANCE_ID}: the local stack's part
 * name, a StatefulSet pod's name) join their groups as static members, {@code <instance>-<listener id>}. A restarted
 * instance then takes its partitions back at once, instead of waiting until the group gives up on the instance that
 * died (the session timeout, 45 s by default). The listener id keeps two listeners of one group in one service apart
 * (a service's registry replica and its own listener share the service's group). Without an identity, consumers are
 * dynamic members.
 */
public class StaticMembership
        implements ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> {

    /** Kafka accepts the characters of topic names in a member id. */
    private static final Pattern ILLEGAL = Pattern.compile("[^a-zA-Z0-9._-]");

    private final @Nullable String instanceId;

    public StaticMembership(@Nullable String instanceId) {
        this.instanceId = instanceId == null || instanceId.isBlank() ? null : instanceId.strip();
    }

    @Override
    public void configure(ConcurrentMessageListenerContainer<Object, Object> container) {
        if (instanceId == null || container.getListenerId() == null) {
            return;
        }
        container
                .getContainerProperties()
                .getKafkaConsumerProperties()
                .putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, memberId(container.getListenerId()));
    }

    /** The static member id of the listener's consumer. */
    public String memberId(String listenerId) {
        return ILLEGAL.matcher(instanceId + "-" + listenerId).replaceAll("_");
    }

    public boolean enabled() {
        return instanceId != null;
    }
}
