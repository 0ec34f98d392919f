package org.arrival.platform.messaging.consumer;

import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an event's effect at most once per consumer: the claim in {@code processed_event} and the effect commit
 * in one database transaction, and the offset is committed after that. A crash in between replays the record,
 * and the claim absorbs the replay.
 */
public class IdempotentHandling {

    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;

    public IdempotentHandling(ProcessedEvents processed, TransactionTemplate transactions) {
        this.processed = processed;
        this.transactions = transactions;
    }

    /** Handles the record unless this consumer already did; returns whether the effect ran. */
    public boolean handleOnce(String consumer, ConsumerRecord<String, byte[]> record, Consumer<InboundEvent> effect) {
        InboundEvent event = InboundEvent.from(record);
        Boolean applied = transactions.execute(status -> {
            if (!processed.claim(consumer, event)) {
                return false;
            }
            effect.accept(event);
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }
}
