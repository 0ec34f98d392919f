package org.arrival.platform.messaging;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.registry.StakeholderRegistered;
import org.arrival.platform.messaging.consumer.IdempotentHandling;
import org.arrival.platform.messaging.consumer.InboundEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A consumer of the stakeholder topic as a service would write one: its effect (a {@code test_effect} row) runs
 * once per event through {@link IdempotentHandling}. It counts deliveries by key so tests can see retries and
 * redeliveries, and can be told to fail an event's effect a number of times.
 */
@Component
@ConditionalOnProperty(name = "messaging-test.listener.enabled", havingValue = "true", matchIfMissing = true)
public class TestListener {

    public static final String CONSUMER = "test-consumer";
    public static final String TOPIC = "arrival.registry.stakeholders.v1";

    private final IdempotentHandling handling;
    private final JdbcTemplate jdbc;
    private final EventCatalogue catalogue;
    private final Map<String, AtomicInteger> deliveriesByKey = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresToInject = new ConcurrentHashMap<>();
    private final Map<String, Instant> outagesUntil = new ConcurrentHashMap<>();
    private final Map<String, String> traceIdsInLogs = new ConcurrentHashMap<>();

    public TestListener(IdempotentHandling handling, JdbcTemplate jdbc, EventCatalogue catalogue) {
        this.handling = handling;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    @KafkaListener(id = "test-listener", topics = TOPIC, groupId = "${spring.kafka.consumer.group-id}")
    public void on(ConsumerRecord<String, byte[]> record) {
        if (record.key() != null) {
            deliveriesByKey
                    .computeIfAbsent(record.key(), k -> new AtomicInteger())
                    .incrementAndGet();
        }
        handling.handleOnce(CONSUMER, record, this::apply);
    }

    private void apply(InboundEvent event) {
        String traceId = MDC.get("traceId");
        if (traceId != null) {
            traceIdsInLogs.put(event.id(), traceId);
        }
        String detail = null;
        if (event.type().equals(catalogue.typeOf(StakeholderRegistered.class).type())) {
            detail = event.payloadAs(StakeholderRegistered.class).stakeholder().name();
        } else {
            catalogue.findType(event.type()).ifPresent(t -> event.payloadAs(t.payload()));
        }
        jdbc.update(
                "INSERT INTO test_effect (event_id, event_type, subject, detail) VALUES (?, ?, ?, ?)",
                event.id(),
                event.type(),
                event.subject(),
                detail);
        Instant outageEnds = outagesUntil.get(event.id());
        if (outageEnds != null && Instant.now().isBefore(outageEnds)) {
            // what Spring's JDBC support throws when the pool cannot get a connection to a database that is away
            throw new CannotGetJdbcConnectionException(
                    "injected outage: no connection for " + event.id(),
                    new SQLTransientConnectionException("Connection is not available, request timed out"));
        }
        AtomicInteger failures = failuresToInject.get(event.id());
        if (failures != null && failures.getAndDecrement() > 0) {
            // after the effect's write, so the roll-back of the whole attempt is proven too
            throw new IllegalStateException("injected transient failure of " + event.id());
        }
    }

    /** The trace id the logs carried (MDC {@code traceId}) while the event's effect ran; null if none. */
    public @Nullable String traceIdInLogs(String eventId) {
        return traceIdsInLogs.get(eventId);
    }

    /** How often records with this key reached the listener. */
    public int deliveries(String key) {
        AtomicInteger n = deliveriesByKey.get(key);
        return n == null ? 0 : n.get();
    }

    /** Makes the effect of the event fail as if the database were away, for {@code outage} from now. */
    public void failByOutageFor(String eventId, Duration outage) {
        outagesUntil.put(eventId, Instant.now().plus(outage));
    }

    /** Makes the effect of the event fail the next {@code times} times it runs. */
    public void failTimes(String eventId, int times) {
        failuresToInject.put(eventId, new AtomicInteger(times));
    }
}
