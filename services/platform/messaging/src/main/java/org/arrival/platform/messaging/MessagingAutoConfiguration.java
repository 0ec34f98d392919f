package org.arrival.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.TopicDefinition;
import org.arrival.platform.messaging.consumer.DeadLetters;
import org.arrival.platform.messaging.consumer.IdempotentHandling;
import org.arrival.platform.messaging.consumer.ProcessedEvents;
import org.arrival.platform.messaging.consumer.StaticMembership;
import org.arrival.platform.messaging.deadletter.DeadLetterEndpoint;
import org.arrival.platform.messaging.deadletter.DeadLetterReplay;
import org.arrival.platform.messaging.metrics.DeadLetterMeters;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutboxRelay;
import org.arrival.platform.messaging.tracing.EventTracing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the outbox, its relay, idempotent consumers with dead-lettering, and creates the topics the service
 * owns (from the contracts' catalogue) plus the dead-letter topics of those it reads.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"
        },
        beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties({MessagingProperties.class, KafkaProperties.class})
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public EventCatalogue eventCatalogue() {
        return EventCatalogue.instance();
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** The trace of a request through the outbox and Kafka; untraced without a tracer. */
    @Bean
    @ConditionalOnMissingBean
    public EventTracing eventTracing(ObjectProvider<Tracer> tracer) {
        Tracer t = tracer.getIfAvailable();
        return t == null ? EventTracing.none() : EventTracing.with(t);
    }

    @Bean
    public Outbox outbox(JdbcTemplate jdbc, EventCatalogue catalogue, Clock clock, EventTracing tracing) {
        return new Outbox(jdbc, catalogue, clock, tracing);
    }

    @Bean
    @ConditionalOnProperty(name = "arrival.messaging.relay.enabled", havingValue = "true", matchIfMissing = true)
    public OutboxRelay outboxRelay(
            DataSource dataSource, KafkaProperties kafka, MessagingProperties properties, EventTracing tracing) {
        return new OutboxRelay(
                dataSource, kafka.buildProducerProperties(), properties.effectiveSource(), properties.relay(), tracing);
    }

    @Bean
    public ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Bean
    public IdempotentHandling idempotentHandling(
            ProcessedEvents processed, PlatformTransactionManager tx, EventTracing tracing) {
        return new IdempotentHandling(processed, new TransactionTemplate(tx), tracing);
    }

    // Declared with wildcards, as Spring Boot declares its own: Boot's KafkaTemplate and listener container factory
    // ask for ConsumerFactory<Object, Object> / ProducerFactory<Object, Object>, which a bean declared as
    // <String, byte[]> does not satisfy (no KafkaTemplate at all; listeners silently got Boot's String consumers).
    @Bean
    @ConditionalOnMissingBean(ConsumerFactory.class)
    public DefaultKafkaConsumerFactory<?, ?> kafkaConsumerFactory(
            KafkaProperties kafka,
            @Value("${spring.application.name:arrival}") String application,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, application);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        DefaultKafkaConsumerFactory<Object, Object> factory = new DefaultKafkaConsumerFactory<>(config);
        // as Boot's own factory: e.g. the Kafka client metrics (consumer lag) reach the meter registry
        customizers.orderedStream().forEach(c -> c.customize(factory));
        return factory;
    }

    /** Picked up by Spring Boot's listener container factory. */
    @Bean
    public StaticMembership staticMembership(
            @Value("${arrival.messaging.instance-id:${ARRIVAL_INSTANCE_ID:}}") String instanceId) {
        return new StaticMembership(instanceId);
    }

    @Bean
    @ConditionalOnMissingBean(ProducerFactory.class)
    public DefaultKafkaProducerFactory<?, ?> kafkaProducerFactory(
            KafkaProperties kafka, ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(
                org.apache.kafka.clients.producer.ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(
                org.apache.kafka.clients.producer.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class);
        config.put(org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all");
        config.put(org.apache.kafka.clients.producer.ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(config);
        customizers.orderedStream().forEach(c -> c.customize(factory));
        return factory;
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @SuppressWarnings("unchecked")
    public CommonErrorHandler deadLetteringErrorHandler(
            ProducerFactory<?, ?> producers, MessagingProperties properties, DeadLetterMeters deadLetterMeters) {
        return DeadLetters.errorHandler(
                new KafkaTemplate<>((ProducerFactory<Object, Object>) producers),
                properties.consumer(),
                deadLetterMeters);
    }

    /** {@code arrival.deadletters}, by the topic an event was read from. */
    @Bean
    public DeadLetterMeters deadLetterMeters(
            ObjectProvider<MeterRegistry> registry, MessagingProperties properties, EventCatalogue catalogue) {
        // a service's own listeners may read more than its consumed topics (the forum's projection reads them all)
        List<String> topics = new ArrayList<>(properties.consumedTopics());
        if (!topics.isEmpty()) {
            catalogue.topics().stream()
                    .map(TopicDefinition::name)
                    .filter(t -> !topics.contains(t))
                    .forEach(topics::add);
        }
        return new DeadLetterMeters(registry::getIfAvailable, topics);
    }

    /** Dead letters listed and replayed at {@code /actuator/deadletters}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class DeadLetterConfiguration {

        @Bean
        DeadLetterReplay deadLetterReplay(
                KafkaProperties kafka, ObjectProvider<KafkaListenerEndpointRegistry> registry) {
            return new DeadLetterReplay(
                    kafka.buildConsumerProperties(),
                    () -> registry.getIfAvailable() == null
                            ? List.of()
                            : registry.getObject().getListenerContainers());
        }

        @Bean
        @ConditionalOnMissingBean
        DeadLetterEndpoint deadLetterEndpoint(DeadLetterReplay replay) {
            return new DeadLetterEndpoint(replay);
        }
    }

    /** Left out with {@code arrival.messaging.create-topics=false}, where the topics are declared by an operator. */
    @Bean
    @ConditionalOnBooleanProperty(name = "arrival.messaging.create-topics", matchIfMissing = true)
    public KafkaAdmin.NewTopics arrivalTopics(
            EventCatalogue catalogue,
            MessagingProperties properties,
            @Value("${spring.kafka.consumer.group-id:${spring.application.name:arrival}}") String group) {
        List<NewTopic> topics = new ArrayList<>();
        if (properties.service() != null) {
            for (TopicDefinition topic : catalogue.topicsOwnedBy(properties.service())) {
                topics.add(newTopic(topic.name(), topic, properties));
            }
        }
        for (String consumed : properties.consumedTopics()) {
            TopicDefinition topic = catalogue.topic(consumed);
            topics.add(newTopic(DeadLetters.topicFor(consumed, group), topic, properties));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic newTopic(String name, TopicDefinition settings, MessagingProperties properties) {
        return new NewTopic(name, settings.partitions(), properties.replicationFactor())
                .configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(settings.retentionMs()),
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        settings.cleanupPolicy()));
    }
}
