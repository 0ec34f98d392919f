package org.arrival.actionplans.evidence.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arrival.actionplans.evidence.persistence.KnownEvidence;
import org.arrival.contracts.assessments.ChecklistGapIdentified;
import org.arrival.contracts.assessments.NeedIdentified;
import org.arrival.contracts.assessments.NeedUpdated;
import org.arrival.platform.messaging.consumer.IdempotentHandling;
import org.arrival.platform.messaging.consumer.InboundEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns the needs and checklist gaps the assessments service publishes, once per event, so that actions can link
 * to them. Needs carry their version: an older or replayed need never overwrites a newer one.
 */
@Component
public class AssessmentsListener {

    static final String CONSUMER = "assessments-evidence";

    private final IdempotentHandling handling;
    private final KnownEvidence known;

    public AssessmentsListener(IdempotentHandling handling, KnownEvidence known) {
        this.handling = handling;
        this.known = known;
    }

    @KafkaListener(
            topics = {"arrival.assessments.needs.v1", "arrival.assessments.gaps.v1"},
            groupId = "${spring.kafka.consumer.group-id}")
    public void on(ConsumerRecord<String, byte[]> record) {
        handling.handleOnce(CONSUMER, record, this::apply);
    }

    void apply(InboundEvent event) {
        String name = event.type().substring(0, event.type().lastIndexOf(".v"));
        switch (name.substring(name.lastIndexOf('.') + 1)) {
            case "NeedIdentified" ->
                known.upsert(event.payloadAs(NeedIdentified.class).need());
            case "NeedUpdated" ->
                known.upsert(event.payloadAs(NeedUpdated.class).need());
            case "ChecklistGapIdentified" -> known.upsert(event.payloadAs(ChecklistGapIdentified.class));
            default -> {
                // other assessment events and types added later are not needed here
            }
        }
    }
}
