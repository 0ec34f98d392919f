package org.arrival.forum.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.TopicDefinition;
import org.arrival.forum.projection.domain.ProjectedEvent;
import org.arrival.forum.projection.domain.Projector;
import org.arrival.forum.projection.domain.Touch;
import org.arrival.platform.messaging.MessagingProperties;
import org.arrival.platform.messaging.consumer.DeadLetters;
import org.arrival.platform.messaging.consumer.IdempotentHandling;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reads every topic of the catalogue: logs each event once and applies it to the active generation of the
 * projection (and to any generation being rebuilt), in one transaction with the idempotent claim.
 *
 * <p>It reads in its own consumer group ({@code <group>-projection}): the registry replica reads the registry
 * topics in the service's group, and two listeners of one group would split those topics' partitions.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionListener {

    public static final String CONSUMER = "forum.projection";
    public static final String GROUP_SUFFIX = "-projection";

    private final IdempotentHandling handling;
    private final EventLog log;
    private final Generations generations;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    public ProjectionListener(IdempotentHandling handling, EventLog log, Generations generations, JdbcTemplate jdbc,
            ApplicationEventPublisher events) {
        this.handling = handling;
        this.log = log;
        this.generations = generations;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Every topic of the catalogue. */
    public static String[] topics() {
        return EventCatalogue.instance().topics().stream().map(TopicDefinition::name).toArray(String[]::new);
    }

    @KafkaListener(id = "forum-projection",
            topics = "#{T(org.arrival.forum.projection.ProjectionListener).topics()}",
            groupId = "${spring.kafka.consumer.group-id}" + GROUP_SUFFIX)
    public void on(ConsumerRecord<String, byte[]> record) {
        handling.handleOnce(CONSUMER, record, inbound -> {
            ProjectedEvent event = EventLog.of(inbound);
            log.append(event);
            JdbcStore live = generations.activeStore();
            List<Touch> touches = new ArrayList<>(Touch.of(live, event));
            for (int generation : generations.written()) {
                generations.lock(generation);
                Projector.apply(new JdbcStore(jdbc, generation), event);
            }
            Touch.of(live, event).stream().filter(t -> !touches.contains(t)).forEach(touches::add);
            if (!touches.isEmpty()) {
                events.publishEvent(new ProjectionChanged(touches, false));
            }
        });
    }

    /** The dead-letter topics of the projection's consumer group. */
    @Bean
    static KafkaAdmin.NewTopics projectionDeadLetterTopics(MessagingProperties properties,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicDefinition topic : EventCatalogue.instance().topics()) {
            topics.add(new NewTopic(DeadLetters.topicFor(topic.name(), group + GROUP_SUFFIX), topic.partitions(),
                    properties.replicationFactor())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retentionMs()),
                            TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy())));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
