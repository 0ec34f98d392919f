package org.arrival.platform.messaging;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messaging settings of a service.
 *
 * @param service the service's name in the topic catalogue ({@code owner}); it creates the topics it owns
 * @param source the CloudEvents {@code source} of its events; defaults to {@code /arrival/<service>}
 * @param consumedTopics topics the service reads; their dead-letter topics are created for its consumer group
 * @param replicationFactor replication of created topics (1 on one machine, 3 on a cluster)
 * @param relay outbox relay settings
 * @param consumer consumer retry settings
 * @param createTopics whether the service creates its topics and dead-letter topics at start-up (default true);
 *        false where an operator declares them (env {@code ARRIVAL_MESSAGING_CREATETOPICS})
 */
@ConfigurationProperties("arrival.messaging")
public record MessagingProperties(
        @Nullable String service,
        @Nullable String source,
        List<String> consumedTopics,
        short replicationFactor,
        Relay relay,
        Consumer consumer,
        boolean createTopics) {

    /** Settings left out of the configuration (null, or zero) take their defaults. */
    public MessagingProperties(
            @Nullable String service,
            @Nullable String source,
            @Nullable List<String> consumedTopics,
            short replicationFactor,
            @Nullable Relay relay,
            @Nullable Consumer consumer,
            @DefaultValue("true") boolean createTopics) {
        this.service = service;
        this.source = source;
        this.consumedTopics = consumedTopics == null ? List.of() : consumedTopics;
        this.replicationFactor = replicationFactor <= 0 ? 1 : replicationFactor;
        this.relay = relay == null ? new Relay(true, 0, null, null, null, null, null) : relay;
        this.consumer = consumer == null ? new Consumer(0, null, null, null) : consumer;
        this.createTopics = createTopics;
    }

    public String effectiveSource() {
        if (source != null && !source.isBlank()) {
            return source;
        }
        return "/arrival/" + (service == null || service.isBlank() ? "unnamed" : service);
    }

    /**
     * Outbox relay settings.
     *
     * @param enabled whether this instance takes part in publishing (one instance publishes at a time)
     * @param batchSize rows read and sent per round
     * @param idleWait how long the relay sleeps when no commit woke it (a safety net; commits wake it at once)
     * @param leaderRetry how often a standby instance tries to become the publishing one
     * @param sendTimeout how long to wait for the broker's acknowledgement before retrying a batch
     * @param maxBackoff longest pause between attempts while the broker is unreachable
     * @param keepPublished how long published rows stay in the outbox for inspection before they are deleted
     */
    public record Relay(
            boolean enabled,
            int batchSize,
            Duration idleWait,
            Duration leaderRetry,
            Duration sendTimeout,
            Duration maxBackoff,
            Duration keepPublished) {

        /** Settings left out (null, or a batch size of zero) take their defaults. */
        public Relay(
                boolean enabled,
                int batchSize,
                @Nullable Duration idleWait,
                @Nullable Duration leaderRetry,
                @Nullable Duration sendTimeout,
                @Nullable Duration maxBackoff,
                @Nullable Duration keepPublished) {
            this.enabled = enabled;
            this.batchSize = batchSize <= 0 ? 500 : batchSize;
            this.idleWait = idleWait == null ? Duration.ofSeconds(1) : idleWait;
            this.leaderRetry = leaderRetry == null ? Duration.ofSeconds(2) : leaderRetry;
            this.sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
            this.maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
            this.keepPublished = keepPublished == null ? Duration.ofDays(7) : keepPublished;
        }
    }

    /**
     * Consumer retry settings.
     *
     * @param maxAttempts deliveries of a record that fails for a reason other than an outage before it goes to the
     *        dead-letter topic
     * @param initialBackoff pause before the first retry (doubles after each)
     * @param maxBackoff longest pause between retries
     * @param transientRetryFor how long a record that fails because the database or the broker is away is retried
     *        (the sum of the pauses) before it is dead-lettered
     */
    public record Consumer(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration transientRetryFor) {

        /** Settings left out (null, or zero attempts) take their defaults. */
        public Consumer(
                int maxAttempts,
                @Nullable Duration initialBackoff,
                @Nullable Duration maxBackoff,
                @Nullable Duration transientRetryFor) {
            this.maxAttempts = maxAttempts <= 0 ? 4 : maxAttempts;
            this.transientRetryFor = transientRetryFor == null ? Duration.ofMinutes(30) : transientRetryFor;
            this.initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
            this.maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
        }
    }
}
