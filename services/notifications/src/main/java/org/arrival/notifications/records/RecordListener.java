package org.arrival.notifications.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.TopicDefinition;
import org.arrival.notifications.routing.Router;
import org.arrival.platform.messaging.MessagingProperties;
import org.arrival.platform.messaging.consumer.DeadLetters;
import org.arrival.platform.messaging.consumer.IdempotentHandling;
import org.arrival.platform.messaging.consumer.InboundEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reads every topic of the catalogue once per event: learns the record the event is about and routes the event
 * to its recipients, in one transaction with the idempotent claim.
 *
 * <p>It reads in its own consumer group ({@code <group>-router}): the registry replica already reads the registry
 * topics in the service's group, and two listeners of one group on the same topic would split its partitions
 * between them, each seeing only part of the events.
 */
@Configuration(proxyBeanMethods = false)
public class RecordListener {

    public static final String CONSUMER = "notifications.router";
    public static final String GROUP_SUFFIX = "-router";

    private final IdempotentHandling handling;
    private final KnownRecords records;
    private final Router router;
    private final java.time.Clock clock;
    private final java.time.Duration maxAge;

    public RecordListener(IdempotentHandling handling, KnownRecords records, Router router, java.time.Clock clock,
            @org.springframework.beans.factory.annotation.Value("${arrival.notifications.routing.max-age:7d}") java.time.Duration maxAge) {
        this.handling = handling;
        this.records = records;
        this.router = router;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Every topic of the catalogue. */
    public static String[] topics() {
        return EventCatalogue.instance().topics().stream().map(TopicDefinition::name).toArray(String[]::new);
    }

    /** A poll's events, in one transaction (one per record if that fails: see {@link IdempotentHandling}). */
    @KafkaListener(id = "notifications-router",
            topics = "#{T(org.arrival.notifications.records.RecordListener).topics()}",
            groupId = "${spring.kafka.consumer.group-id}" + GROUP_SUFFIX, batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        handling.handleAllOnce(CONSUMER, records, events -> {
            Router.Poll poll = router.poll();
            events.forEach(event -> apply(event, poll));
        });
    }

    private void apply(InboundEvent event, Router.Poll poll) {
        RecordEvent read = EventInterpreter.interpret(event);
        if (read == null) {
            return; // a type added to the catalogue after this build: nothing to say about it yet
        }
        if (read.full()) {
            records.upsert(read.record(), event.time());
        } else {
            records.ensure(read.record(), event.time());
        }
        KnownRecord known = records.find(read.record().id()).orElse(read.record());
        // history read for the first time (a new deployment, a replay) updates what is known but tells nobody
        if (maxAge.isZero() || !event.time().isBefore(clock.instant().minus(maxAge))) {
            router.route(event, read, known, poll);
        }
    }

    /** The dead-letter topics of the router's consumer group. */
    @Bean
    static KafkaAdmin.NewTopics routerDeadLetterTopics(MessagingProperties properties,
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
