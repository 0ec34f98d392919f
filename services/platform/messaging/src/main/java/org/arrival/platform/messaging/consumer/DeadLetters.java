package org.arrival.platform.messaging.consumer;

import org.apache.kafka.common.TopicPartition;
import org.arrival.contracts.ContractViolationException;
import org.arrival.platform.messaging.MessagingProperties;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

import tools.jackson.core.JacksonException;

/**
 * Blocking retries that keep each partition's order, then the dead-letter topic
 * {@code <topic>.<consumer group>-dlt}. Records that can never succeed skip the retries.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static String topicFor(String sourceTopic, String consumerGroup) {
        return sourceTopic + "." + consumerGroup + "-dlt";
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, MessagingProperties.Consumer settings) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(topicFor(record.topic(), groupOf(e)), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(settings.initialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(settings.maxBackoff().toMillis());
        backOff.setMaxAttempts(settings.maxAttempts() - 1);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UnreadableEvent.class, ContractViolationException.class,
                JacksonException.class, DeserializationException.class, ClassCastException.class);
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
