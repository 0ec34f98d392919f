package org.arrival.platform.messaging.consumer;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * Consumers of a service instance that has a stable identity ({@code ARRIVAL_INSTANCE_ID}: the local stack's part
 * name, a pod's name) join their groups as static members, {@code <instance>-<group><suffix>}. A restarted instance
 * then takes its partitions back at once, instead of waiting until the group gives up on the instance that died
 * (the session timeout, 45 s by default). Without an identity, consumers are dynamic members as before.
 */
public class StaticMemberConsumerFactory<K, V> extends DefaultKafkaConsumerFactory<K, V> {

    private final String instanceId;

    public StaticMemberConsumerFactory(Map<String, Object> config, String instanceId) {
        super(config);
        this.instanceId = instanceId == null || instanceId.isBlank() ? null : instanceId.strip();
    }

    @Override
    protected Consumer<K, V> createKafkaConsumer(String groupId, String clientIdPrefix, String clientIdSuffix,
            Properties properties) {
        String group = groupId != null ? groupId : (String) getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG);
        if (instanceId != null && group != null
                && (properties == null || !properties.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG))) {
            Properties withIdentity = new Properties();
            if (properties != null) {
                withIdentity.putAll(properties);
            }
            withIdentity.setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                    memberId(group, clientIdSuffix));
            return super.createKafkaConsumer(groupId, clientIdPrefix, clientIdSuffix, withIdentity);
        }
        return super.createKafkaConsumer(groupId, clientIdPrefix, clientIdSuffix, properties);
    }

    /** The static member id of a consumer of the group ({@code suffix}: a concurrent container's "-n"). */
    public String memberId(String group, String suffix) {
        return instanceId + "-" + group + (suffix == null ? "" : suffix);
    }

    public boolean staticMembership() {
        return instanceId != null;
    }
}
