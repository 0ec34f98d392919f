package org.arrival.platform.messaging.tracing;

import java.util.UUID;
import org.arrival.contracts.DataClassification;
import org.arrival.platform.messaging.Payloads;
import org.arrival.platform.messaging.outbox.Outbox;
import org.arrival.platform.messaging.outbox.OutgoingEvent;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A write as a service's endpoint does it: the change's events appended in the request's transaction. */
@RestController
@ConditionalOnWebApplication
class TraceProbe {

    static final UUID OWNER = UUID.fromString("5f1c2a90-3b7d-4e21-8a6c-1d2e3f4a5b07");

    private final Outbox outbox;
    private final TransactionTemplate tx;

    TraceProbe(Outbox outbox, PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Answers the event's id, and in {@code X-Trace-In-Logs} the trace id the request's logs carry (MDC). */
    @PostMapping("/probe/stakeholders/{id}")
    ResponseEntity<String> register(@PathVariable UUID id) {
        UUID eventId = tx.execute(status ->
                outbox.append(OutgoingEvent.about(id, OWNER, DataClassification.PUBLIC, Payloads.registered(id))));
        return ResponseEntity.ok()
                .header("X-Trace-In-Logs", String.valueOf(MDC.get("traceId")))
                .body(String.valueOf(eventId));
    }
}
