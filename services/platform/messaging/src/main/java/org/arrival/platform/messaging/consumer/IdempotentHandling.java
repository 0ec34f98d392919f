package org.arrival.platform.messaging.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arrival.platform.messaging.tracing.EventTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an event's effect at most once per consumer: the claim in {@code processed_event} and the effect commit
 * in one database transaction, and the offset is committed after that. A crash in between replays the record,
 * and the claim absorbs the replay.
 * <p>
 * A batch listener hands over a whole poll ({@link #handleAllOnce}): one transaction claims and applies every event
 * of it, which saves a transaction and a few round trips per event when a consumer has fallen behind. If that
 * fails, the poll is handled again one record at a time, so that a poison record is pinned down, retried and
 * dead-lettered exactly as a record listener's would be, and the records before it take effect.
 * <p>
 * The effect runs in a span that continues the trace of the record's {@code traceparent} header (for a poll: the
 * first record's trace, linked to the others'), so its logs carry the trace id of the request that wrote the event.
 */
public class IdempotentHandling {

    private static final Logger log = LoggerFactory.getLogger(IdempotentHandling.class);

    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;
    private final EventTracing tracing;

    public IdempotentHandling(ProcessedEvents processed, TransactionTemplate transactions) {
        this(processed, transactions, EventTracing.none());
    }

    public IdempotentHandling(ProcessedEvents processed, TransactionTemplate transactions, EventTracing tracing) {
        this.processed = processed;
        this.transactions = transactions;
        this.tracing = tracing;
    }

    /** Handles the record unless this consumer already did; returns whether the effect ran. */
    public boolean handleOnce(String consumer, ConsumerRecord<String, byte[]> record, Consumer<InboundEvent> effect) {
        try (EventTracing.Handling span = tracing.handling(consumer, record)) {
            try {
                InboundEvent event = InboundEvent.from(record);
                Boolean applied = transactions.execute(status -> {
                    if (!processed.claim(consumer, event)) {
                        return false;
                    }
                    effect.accept(event);
                    return true;
                });
                if (Boolean.TRUE.equals(applied) && log.isDebugEnabled()) {
                    applied(consumer, event, record);
                }
                return Boolean.TRUE.equals(applied);
            } catch (RuntimeException e) {
                span.failed(e);
                throw e;
            }
        }
    }

    /**
     * Handles the events of a poll unless this consumer already did: the effect gets those not handled before, in
     * order. On failure, falls back to one transaction per record; a record that fails then is reported to the
     * container's error handler by its index (the records before it are done), which retries or dead-letters it.
     */
    public void handleAllOnce(
            String consumer, List<ConsumerRecord<String, byte[]>> records, Consumer<List<InboundEvent>> effect) {
        try (EventTracing.Handling span = tracing.handlingAll(consumer, records)) {
            try {
                List<InboundEvent> events = new ArrayList<>(records.size());
                Set<String> applied = new HashSet<>();
                transactions.executeWithoutResult(status -> {
                    events.clear();
                    records.forEach(r -> events.add(InboundEvent.from(r)));
                    List<InboundEvent> fresh = processed.claimAll(consumer, events);
                    if (!fresh.isEmpty()) {
                        effect.accept(fresh);
                    }
                    fresh.forEach(e -> applied.add(e.id()));
                });
                for (int i = 0; log.isDebugEnabled() && i < records.size(); i++) {
                    if (applied.contains(events.get(i).id())) {
                        applied(consumer, events.get(i), records.get(i));
                    }
                }
            } catch (RuntimeException e) {
                span.failed(e);
                throw e;
            }
        } catch (RuntimeException batchFailed) {
            for (int i = 0; i < records.size(); i++) {
                try {
                    handleOnce(consumer, records.get(i), event -> effect.accept(List.of(event)));
                } catch (RuntimeException e) {
                    String message = "event " + i + " of the poll failed: " + e.getMessage();
                    throw Outages.isOutage(e) ? new FailedByOutage(message, e, i) : new FailedOtherwise(message, e, i);
                }
            }
        }
    }

    /** One line per effect, with the trace of the request that wrote the event (each event's own, in a poll). */
    private static void applied(String consumer, InboundEvent event, ConsumerRecord<String, byte[]> record) {
        log.debug(
                "{} applied {} {} (traceparent {})",
                consumer,
                event.type(),
                event.id(),
                EventTracing.traceparentOf(record));
    }

    /*
     * The error handler starts a record's count again when its failure changes class; a batch listener's failures
     * all reach it as BatchListenerFailedException, so an outage and another failure are told apart by these two.
     */

    /** A record of a poll failed because its database or broker is away. */
    static final class FailedByOutage extends BatchListenerFailedException {
        FailedByOutage(String message, Throwable cause, int index) {
            super(message, cause, index);
        }
    }

    /** A record of a poll failed for a reason other than an outage. */
    static final class FailedOtherwise extends BatchListenerFailedException {
        FailedOtherwise(String message, Throwable cause, int index) {
            super(message, cause, index);
        }
    }
}
