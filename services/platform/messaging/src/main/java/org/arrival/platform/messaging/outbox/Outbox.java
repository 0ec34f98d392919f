package org.arrival.platform.messaging.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventJson;
import org.arrival.contracts.EventTypeDefinition;
import org.arrival.platform.messaging.tracing.EventTracing;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a service records the events of a change, inside the transaction that makes the change: both commit or
 * neither does. Nothing is sent to Kafka here; the {@link OutboxRelay} publishes after commit.
 * <p>
 * Append after writing the aggregate's own row: the row lock then orders one aggregate's events by position.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final EventCatalogue catalogue;
    private final Clock clock;
    private final EventTracing tracing;

    public Outbox(JdbcTemplate jdbc, EventCatalogue catalogue, Clock clock) {
        this(jdbc, catalogue, clock, EventTracing.none());
    }

    /** With tracing: each row keeps the {@code traceparent} of the work that wrote it, for the relay to continue. */
    public Outbox(JdbcTemplate jdbc, EventCatalogue catalogue, Clock clock, EventTracing tracing) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** Records the event and returns its id ({@code ce_id}). */
    public UUID append(OutgoingEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events are appended inside the transaction of the change they describe");
        }
        EventTypeDefinition type = catalogue.typeOf(event.payload().getClass());
        UUID id = UUID.randomUUID();
        Instant time =
                (event.occurredAt() != null ? event.occurredAt() : clock.instant()).truncatedTo(ChronoUnit.MICROS);
        jdbc.update(
                """
                INSERT INTO outbox_event (event_id, topic, message_key, event_type, subject, owner_org,
                                          data_classification, occurred_at, payload, traceparent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id,
                type.topic(),
                event.key(),
                type.type(),
                event.subject(),
                event.ownerOrg().toString(),
                event.classification().name(),
                Timestamp.from(time),
                EventJson.write(event.payload()),
                tracing.currentTraceparent());
        return id;
    }
}
