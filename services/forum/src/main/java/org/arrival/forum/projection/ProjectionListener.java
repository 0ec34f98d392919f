package org.arrival.forum.projection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.arrival.platform.messaging.consumer.InboundEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reads every topic of the catalogue: logs each event once and applies it to the active generation of the
 * projection (and to any generation being rebuilt), in one transaction with the idempotent claim: a poll at a time,
 * so that a consumer that has fallen behind catches up with a few statements per poll rather than per event. The
 * forum's decisions are told ({@link DecisionsRecorded}) within that transaction.
 *
 * <p>It reads in its own consumer group ({@code <group>-projection}): the registry replica reads the registry
 * topics in the service's group, and two listeners of one group would split those topics' partitions.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionListener {

    public static final String CONSUMER = "forum.projection";
    public static final String GROUP_SUFFIX = "-projection";
    /** Touches per NOTIFY: keeps each notice well under PostgreSQL's 8,000-byte payload limit. */
    private static final int TOUCHES_PER_NOTICE = 12;

    private final IdempotentHandling handling;
    private final EventLog log;
    private final Generations generations;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    public ProjectionListener(
            IdempotentHandling handling,
            EventLog log,
            Generations generations,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events) {
        this.handling = handling;
        this.log = log;
        this.generations = generations;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Every topic of the catalogue. */
    public static String[] topics() {
        return EventCatalogue.instance().topics().stream()
                .map(TopicDefinition::name)
                .toArray(String[]::new);
    }

    /** A poll's events, in one transaction (one per record if that fails: see {@link IdempotentHandling}). */
    @KafkaListener(
            id = "forum-projection",
            topics = "#{T(org.arrival.forum.projection.ProjectionListener).topics()}",
            groupId = "${spring.kafka.consumer.group-id}" + GROUP_SUFFIX,
            batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        handling.handleAllOnce(CONSUMER, records, this::apply);
    }

    /**
     * Logs the events and applies them to every generation written, each row read and written once; tells the live
     * streams what changed in the active one, from its state before and after each event.
     */
    void apply(List<InboundEvent> inbound) {
        List<ProjectedEvent> batch = inbound.stream().map(EventLog::of).toList();
        log.appendAll(batch);
        int active = generations.activeStore().generation();
        Set<Touch> touches = new LinkedHashSet<>();
        for (int generation : generations.written()) {
            generations.lock(generation);
            BatchStore store = new BatchStore(new JdbcStore(jdbc, generation));
            store.preload(batch);
            for (ProjectedEvent event : batch) {
                if (generation == active) {
                    touches.addAll(Touch.of(store, event));
                    Projector.apply(store, event);
                    touches.addAll(Touch.of(store, event));
                } else {
                    Projector.apply(store, event);
                }
            }
            store.flush();
        }
        List<org.arrival.contracts.registry.DecisionRecorded> decisions = batch.stream()
                .filter(e -> "DecisionRecorded".equals(e.name()))
                .map(e -> e.payloadAs(org.arrival.contracts.registry.DecisionRecorded.class))
                .toList();
        if (!decisions.isEmpty()) {
            events.publishEvent(new DecisionsRecorded(decisions));
        }
        List<Touch> all = List.copyOf(touches);
        for (int from = 0; from < all.size(); from += TOUCHES_PER_NOTICE) {
            events.publishEvent(
                    new ProjectionChanged(all.subList(from, Math.min(all.size(), from + TOUCHES_PER_NOTICE)), false));
        }
    }

    /** The dead-letter topics of the projection's consumer group. */
    @Bean
    @ConditionalOnBooleanProperty(name = "arrival.messaging.create-topics", matchIfMissing = true)
    static KafkaAdmin.NewTopics projectionDeadLetterTopics(
            MessagingProperties properties, @Value("${spring.kafka.consumer.group-id}") String group) {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicDefinition topic : EventCatalogue.instance().topics()) {
            topics.add(new NewTopic(
                            DeadLetters.topicFor(topic.name(), group + GROUP_SUFFIX),
                            topic.partitions(),
                            properties.replicationFactor())
                    .configs(Map.of(
                            TopicConfig.RETENTION_MS_CONFIG,
                            Long.toString(topic.retentionMs()),
                            TopicConfig.CLEANUP_POLICY_CONFIG,
                            topic.cleanupPolicy())));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
