package org.arrival.notifications.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.TopicDefinition;
import org.arrival.contracts.registry.ForumEstablished;
import org.arrival.contracts.registry.ForumUpdated;
import org.arrival.notifications.routing.Router;
import org.arrival.platform.messaging.MessagingProperties;
import org.arrival.platform.messaging.consumer.DeadLetters;
import org.arrival.platform.messaging.consumer.IdempotentHandling;
import org.arrival.platform.messaging.consumer.InboundEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reads every topic of the catalogue: learns the record each event is about and routes the event to its
 * recipients, in one transaction with the idempotent claim.
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
    private final ForumCoordinators coordinators;
    private final Clock clock;
    private final Duration maxAge;

    public RecordListener(
            IdempotentHandling handling,
            KnownRecords records,
            Router router,
            ForumCoordinators coordinators,
            Clock clock,
            @Value("${arrival.notifications.routing.max-age:7d}") Duration maxAge) {
        this.handling = handling;
        this.records = records;
        this.router = router;
        this.coordinators = coordinators;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Every topic of the catalogue. */
    public static String[] topics() {
        return EventCatalogue.instance().topics().stream()
                .map(TopicDefinition::name)
                .toArray(String[]::new);
    }

    /** A poll's events, in one transaction (one per record if that fails: see {@link IdempotentHandling}). */
    @KafkaListener(
            id = "notifications-router",
            topics = "#{T(org.arrival.notifications.records.RecordListener).topics()}",
            groupId = "${spring.kafka.consumer.group-id}" + GROUP_SUFFIX,
            batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        handling.handleAllOnce(CONSUMER, records, this::apply);
    }

    /**
     * Learns, for each event in order, the record it is about, and routes it; the poll's records are read in one
     * query and what it changed and routed is written in one batch per statement at the end.
     */
    void apply(List<InboundEvent> events) {
        List<InboundEvent> understood = new ArrayList<>();
        List<RecordEvent> reads = new ArrayList<>();
        for (InboundEvent event : events) {
            RecordEvent read = EventInterpreter.interpret(event);
            if (read != null) { // null: a type added to the catalogue after this build, nothing to say about it yet
                understood.add(event);
                reads.add(read);
            }
        }
        Set<UUID> ids = new LinkedHashSet<>();
        Set<UUID> named = new LinkedHashSet<>();
        for (RecordEvent read : reads) {
            ids.add(read.record().id());
            named.addAll(read.namedIds());
        }
        ids.addAll(named);
        KnownRecords.Poll known = records.poll(ids);
        Router.Poll routing = router.poll(named);
        Instant oldest = maxAge.isZero() ? Instant.MIN : clock.instant().minus(maxAge);
        for (int i = 0; i < reads.size(); i++) {
            InboundEvent event = understood.get(i);
            RecordEvent read = reads.get(i);
            KnownRecord record = known.apply(read.record(), read.full(), event.time());
            // at once, so that a forum's later events in the same poll reach who runs it now
            if (read.payload() instanceof ForumEstablished f) {
                coordinators.remember(f.forum());
            } else if (read.payload() instanceof ForumUpdated f) {
                coordinators.remember(f.forum());
            }
            // history read for the first time (a new deployment, a replay) updates what is known but tells nobody
            if (!event.time().isBefore(oldest)) {
                router.route(event, read, record, known, routing);
            }
        }
        known.flush();
        routing.flush();
    }

    /** The dead-letter topics of the router's consumer group. */
    @Bean
    @ConditionalOnBooleanProperty(name = "arrival.messaging.create-topics", matchIfMissing = true)
    static KafkaAdmin.NewTopics routerDeadLetterTopics(
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
