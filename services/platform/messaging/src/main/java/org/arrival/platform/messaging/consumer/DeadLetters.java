package org.arrival.platform.messaging.consumer;

import org.apache.kafka.common.TopicPartition;
import org.arrival.contracts.ContractViolationException;
import org.arrival.platform.messaging.MessagingProperties;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;

/**
 * Blocking retries that keep each partition's order, then the dead-letter topic
 * {@code <topic>.<consumer group>-dlt}. Records that can never succeed (unreadable, breaking the contract) skip the
 * retries; a failure caused by an outage ({@link Outages}: database or broker away) is retried for as long as
 * {@code transientRetryFor} allows, minutes by default, so a valid event is never dead-lettered because something it
 * needed was briefly gone; any other failure gets {@code maxAttempts} deliveries. What lands in the dead-letter topic
 * can be replayed ({@link DeadLetterReplay}).
 */
public final class DeadLetters {

    private DeadLetters() {}

    public static String topicFor(String sourceTopic, String consumerGroup) {
        return sourceTopic + "." + consumerGroup + "-dlt";
    }

    public static DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> template, MessagingProperties.Consumer settings) {
        return errorHandler(template, settings, topic -> {});
    }

    /** @param deadLettered told the source topic of each record sent to a dead-letter topic (counted as a metric) */
    public static DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> template,
            MessagingProperties.Consumer settings,
            java.util.function.Consumer<String> deadLettered) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(
                template, (record, e) -> new TopicPartition(topicFor(record.topic(), groupOf(e)), -1));
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, e) -> {
            publisher.accept(
                    record, consumer, java.util.Objects.requireNonNull(e, "the failure that exhausted the retries"));
            deadLettered.accept(record.topic());
        };
        ExponentialBackOff backOff =
                new ExponentialBackOff(settings.initialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(settings.maxBackoff().toMillis());
        backOff.setMaxAttempts(settings.maxAttempts() - 1);
        ExponentialBackOff outageBackOff =
                new ExponentialBackOff(settings.initialBackoff().toMillis(), 2.0);
        outageBackOff.setMaxInterval(settings.maxBackoff().toMillis());
        outageBackOff.setMaxElapsedTime(settings.transientRetryFor().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.setBackOffFunction((record, failure) -> Outages.isOutage(failure) ? outageBackOff : null);
        // a record that failed by an outage and then otherwise (or the reverse) starts its count again
        handler.setResetStateOnExceptionChange(true);
        handler.addNotRetryableExceptions(
                UnreadableEvent.class,
                ContractViolationException.class,
                JacksonException.class,
                DeserializationException.class,
                ClassCastException.class);
        return handler;
    }

    private static String groupOf(Exception e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof org.springframework.kafka.listener.ListenerExecutionFailedException lefe
                    && lefe.getGroupId() != null) {
                return lefe.getGroupId();
            }
            t = t.getCause();
        }
        return "unknown-group";
    }
}
